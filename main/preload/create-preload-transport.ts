// The preload's side of the bridge (issue 5 item 2): commands go out on one invoke channel, events come in on one
// channel, dropped files become paths through webUtils.getPathForFile. Electron is injected so the file is tested
// without it; index.ts passes the real ipcRenderer and webUtils and exposes only what buildBridgeApi builds.
import { EVENT_NAMES, IPC_CHANNELS, type DroppedFile, type EventEnvelope } from '../../shared/ipc/contract';
import type { PickedPaths } from '../../shared/ipc/command-payloads';
import type { BridgeTransport } from '../../shared/ipc/build-bridge-api';
import { errorResult, okResult, type Result } from '../../shared/ipc/result';

/** The parts of ipcRenderer and webUtils the transport uses. */
export interface PreloadDeps {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  /** webUtils.getPathForFile: '' for a File the page built itself, throws for anything that is not a File. */
  getPathForFile(file: File): string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// Main always answers with a Result (command-dispatcher.ts); anything else means the channel itself is broken.
function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

function isEnvelope(value: unknown): value is EventEnvelope {
  return isRecord(value) && typeof value.name === 'string' && (EVENT_NAMES as readonly string[]).includes(value.name) && 'payload' in value;
}

const BROKEN_ANSWER = { code: 'IpcUnavailable', message: 'The app gave an answer the window cannot read; try again.', retryable: true };

/** Builds the BridgeTransport over Electron's ipcRenderer and webUtils. */
export function createPreloadTransport(deps: PreloadDeps): BridgeTransport {
  const invoke = async (name: string, args: unknown): Promise<Result<unknown>> => {
    const answer = await deps.invoke(IPC_CHANNELS.command, name, args);
    return isResult(answer) ? answer : errorResult(BROKEN_ANSWER);
  };
  return {
    invoke,
    subscribe(listener) {
      // The IpcRendererEvent (which carries `sender`, the ipcRenderer itself) is dropped here and never reaches the page.
      const onEvent = (_event: unknown, envelope: unknown): void => {
        if (isEnvelope(envelope)) listener(envelope);
      };
      deps.on(IPC_CHANNELS.event, onEvent);
      return () => {
        deps.removeListener(IPC_CHANNELS.event, onEvent);
      };
    },
    async pathsForDroppedFiles(files: readonly DroppedFile[]): Promise<Result<PickedPaths>> {
      // Only a File the user dropped from disk has a path; one the page made (new File([...])) gives '' and a
      // non-File throws. Both are skipped: the page cannot name a path this way, only hand over what was dropped.
      const paths: string[] = [];
      for (const file of Array.isArray(files) ? files : []) {
        try {
          const path = deps.getPathForFile(file as File);
          if (path !== '') paths.push(path);
        } catch {
          // not a File
        }
      }
      if (paths.length === 0) return okResult({ paths: [] });
      // The answer is the command's own Result; its type is PickedPaths by the contract (checked by main's schema).
      return (await invoke('desktop.grantDroppedPaths', { paths })) as Result<PickedPaths>;
    },
  };
}
