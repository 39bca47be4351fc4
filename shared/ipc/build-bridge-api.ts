// Builds the `window.uploader` object from COMMAND_NAMES over any transport: Electron's preload passes ipcRenderer
// calls, the browser harness passes a WebSocket. One builder means both bridges expose exactly the same methods, and
// the renderer cannot tell them apart (issue 5 item 6).
import {
  COMMAND_NAMES,
  EVENT_NAMES,
  PRELOAD_ONLY_COMMANDS,
  type BridgeApi,
  type BridgeCommandName,
  type CommandName,
  type DroppedFile,
  type EventEnvelope,
  type EventName,
  type Unsubscribe,
} from './contract';
import type { PickedPaths } from './command-payloads';
import { errorResult, type Result } from './result';

/** What a bridge needs from the process boundary it runs over. */
export interface BridgeTransport {
  /** Sends one command; resolves with main's Result. A rejection means the transport itself broke. */
  invoke(name: BridgeCommandName, args: unknown): Promise<Result<unknown>>;
  /** Delivers every event envelope main pushes until unsubscribed. */
  subscribe(listener: (envelope: EventEnvelope) => void): Unsubscribe;
  /** Dropped files → granted (Electron) or staged (harness) local paths. */
  pathsForDroppedFiles(files: readonly DroppedFile[]): Promise<Result<PickedPaths>>;
}

type AnyListener = (payload: unknown) => void;

function isBridgeCommand(name: CommandName): name is BridgeCommandName {
  return !(PRELOAD_ONLY_COMMANDS as readonly CommandName[]).includes(name);
}

// A broken transport (window closing, harness socket gone) still answers with a Result: bridge methods never reject.
async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return errorResult({ code: 'IpcUnavailable', message: 'The app did not answer; try again.', retryable: true });
  }
}

/** Builds a frozen BridgeApi: one namespace object per command namespace, plus `on` and `pathsForDroppedFiles`. */
export function buildBridgeApi(transport: BridgeTransport): BridgeApi {
  const namespaces: Record<string, Record<string, (args: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of COMMAND_NAMES) {
    if (!isBridgeCommand(name)) continue;
    const dot = name.indexOf('.');
    const namespace = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    const methods = namespaces[namespace] ?? {};
    methods[verb] = (args: unknown) => settle(() => transport.invoke(name, args));
    namespaces[namespace] = methods;
  }

  const listeners = new Map<EventName, Set<AnyListener>>();
  let unsubscribeTransport: Unsubscribe | undefined;
  const deliver = (envelope: EventEnvelope): void => {
    for (const listener of listeners.get(envelope.name) ?? []) listener(envelope.payload);
  };

  const on = (event: EventName, listener: AnyListener): Unsubscribe => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new TypeError(`Unknown event ${String(event).slice(0, 64)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const set = listeners.get(event) ?? new Set<AnyListener>();
    set.add(listener);
    listeners.set(event, set);
    // One transport subscription for all listeners, opened lazily and closed with the last listener.
    unsubscribeTransport ??= transport.subscribe(deliver);
    return () => {
      set.delete(listener);
      if ([...listeners.values()].every((s) => s.size === 0)) {
        unsubscribeTransport?.();
        unsubscribeTransport = undefined;
      }
    };
  };

  const api = {
    ...Object.fromEntries(Object.entries(namespaces).map(([ns, methods]) => [ns, Object.freeze(methods)])),
    on,
    pathsForDroppedFiles: (files: readonly DroppedFile[]) => settle(() => transport.pathsForDroppedFiles(files)),
  };
  // The object is built from COMMAND_NAMES, which the compiler checks against Commands, so its shape is BridgeApi's;
  // TypeScript cannot follow a loop over a tuple into a mapped type, hence the one cast (covered by the bridge tests).
  return Object.freeze(api) as unknown as BridgeApi;
}
