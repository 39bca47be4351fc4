// A BridgeApi for tests of this folder and its sibling screens: the real buildBridgeApi (shared/ipc/build-bridge-api.ts)
// over an in-memory transport, so the object has exactly the shape window.uploader has, with scripted answers.
import { buildBridgeApi } from '../../../shared/ipc/build-bridge-api';
import type { BridgeApi, BridgeCommandName, CommandArgs, CommandValue, EventEnvelope, EventName, Events } from '../../../shared/ipc/contract';
import { errorResult, okResult, type Result } from '../../../shared/ipc/result';

/** A scripted answer to command N. */
export type FakeHandler<N extends BridgeCommandName> = (args: CommandArgs<N>) => Result<CommandValue<N>> | Promise<Result<CommandValue<N>>>;

/** Scripted answers by command name; a command without one answers with a failed Result. */
export type FakeHandlers = { [N in BridgeCommandName]?: FakeHandler<N> };

/** One recorded command. */
export interface FakeCall {
  readonly name: BridgeCommandName;
  readonly args: unknown;
}

/** The fake bridge, what it was asked, and a way to push events. */
export interface FakeBridge {
  readonly api: BridgeApi;
  readonly calls: FakeCall[];
  /** Replaces or adds answers. */
  handle(handlers: FakeHandlers): void;
  /** Pushes an event to the listeners. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  /** The args of every call of one command, in order. */
  argsOf<N extends BridgeCommandName>(name: N): CommandArgs<N>[];
}

/** Builds a fake bridge. */
export function createFakeBridge(initial: FakeHandlers = {}): FakeBridge {
  const handlers: FakeHandlers = { ...initial };
  const calls: FakeCall[] = [];
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  const api = buildBridgeApi({
    async invoke(name, args) {
      calls.push({ name, args });
      // The handler table is keyed by name, so the handler's parameter type is the one of `name`'s args.
      const handler = handlers[name] as ((a: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
      if (handler === undefined) return errorResult({ code: 'NotScripted', message: `no fake answer for ${name}`, retryable: false });
      return handler(args);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async pathsForDroppedFiles() {
      return okResult({ paths: [] });
    },
  });
  return {
    api,
    calls,
    handle(more) {
      Object.assign(handlers, more);
    },
    emit(name, payload) {
      // An envelope pairs a name with its own payload type; the generic signature guarantees that pairing.
      const envelope = { name, payload } as EventEnvelope;
      for (const listener of listeners) listener(envelope);
    },
    argsOf<N extends BridgeCommandName>(name: N) {
      return calls.filter((call) => call.name === name).map((call) => call.args as CommandArgs<N>);
    },
  };
}
