// The BridgeTransport of the browser harness (issue 5 item 6): commands and events over the harness socket, and the
// desktop actions a page can do itself. "Add files…" and "Add folder…" open the browser's own file picker in the page
// and stage what the user chose; dropped files are staged the same way. The renderer sees the same `window.uploader`
// as in Electron and cannot tell the hosts apart.
import type { PickedPaths } from '../../../shared/ipc/command-payloads';
import type { BridgeTransport } from '../../../shared/ipc/build-bridge-api';
import { COMMAND_SCHEMAS } from '../../../shared/ipc/schemas';
import { errorResult, type Result } from '../../../shared/ipc/result';
import type { HarnessSocketClient } from './harness-socket-client';
import { readableDroppedFiles, stageFiles, stageFolder, stagingResult, type StagingEndpoint } from './stage-files';

/** A file the user chose in the page's picker. */
export interface ChosenFile {
  readonly blob: Blob;
  readonly name: string;
  /** `webkitRelativePath` for a folder pick (`folder/sub/file.txt`), else the name. */
  readonly relativePath: string;
}

/** What the transport needs from the page. */
export interface HarnessTransportDeps {
  readonly client: HarnessSocketClient;
  readonly staging: StagingEndpoint;
  /** Opens the page's file picker; resolves with the chosen files ([] when canceled). */
  readonly chooseFiles: (options: { readonly multiple: boolean; readonly directory: boolean }) => Promise<readonly ChosenFile[]>;
  /** Writes to the clipboard when the page may (copy link); failures are ignored, main has the text too. */
  readonly copyToClipboard?: ((text: string) => Promise<void>) | undefined;
}

function invalid(message: string): Result<never> {
  return errorResult({ code: 'ValidationFailed', message, retryable: false });
}

function urlOf(result: Result<unknown>): string | undefined {
  if (!result.ok || typeof result.value !== 'object' || result.value === null || !('url' in result.value)) return undefined;
  return typeof result.value.url === 'string' ? result.value.url : undefined;
}

/** Builds the harness's BridgeTransport. */
export function createHarnessTransport(deps: HarnessTransportDeps): BridgeTransport {
  const { client, staging } = deps;

  async function pickFiles(args: unknown): Promise<Result<PickedPaths>> {
    // The same schema main applies, so a bad call fails here exactly as it would over IPC.
    const parsed = COMMAND_SCHEMAS['desktop.pickFiles'].safeParse(args);
    if (!parsed.success) return invalid('desktop.pickFiles takes { multiple: boolean }.');
    const chosen = await deps.chooseFiles({ multiple: parsed.data.multiple, directory: false });
    return stagingResult(() => stageFiles(staging, chosen));
  }

  async function pickFolder(args: unknown): Promise<Result<PickedPaths>> {
    if (!COMMAND_SCHEMAS['desktop.pickFolder'].safeParse(args).success) return invalid('desktop.pickFolder takes no arguments.');
    const chosen = await deps.chooseFiles({ multiple: true, directory: true });
    return stagingResult(() => stageFolder(staging, chosen.map((file) => ({ blob: file.blob, relativePath: file.relativePath }))));
  }

  return {
    async invoke(name, args) {
      if (name === 'desktop.pickFiles') return pickFiles(args);
      if (name === 'desktop.pickFolder') return pickFolder(args);
      const result = await client.call(name, args);
      const url = name === 'desktop.copyLink' ? urlOf(result) : undefined;
      if (url !== undefined) await deps.copyToClipboard?.(url).catch(() => undefined);
      return result;
    },
    subscribe: (listener) => client.subscribe(listener),
    async pathsForDroppedFiles(files) {
      const readable = await readableDroppedFiles(files);
      if (!readable.ok) return errorResult(readable.error);
      return stagingResult(() => stageFiles(staging, readable.files.map((file) => ({ blob: file, name: file.name }))));
    },
  };
}
