// The page's half of staging (issue 5 item 6): a browser never reveals a file's real path, so the bridge sends each
// File's bytes to the harness (POST /__harness/stage, streamed by fetch from the Blob), which stores and grants a copy
// and answers with its path. Runs in the page; tests run it in Node against the real server (Blob and fetch are
// global in both).
import type { PickedPaths } from '../../../shared/ipc/command-payloads';
import type { DroppedFile } from '../../../shared/ipc/contract';
import { errorResult, okResult, type Result, type WireError } from '../../../shared/ipc/result';
import { HARNESS_PATHS, TOKEN_HEADER, type StagedFile } from '../harness-protocol';

/** Where and how to stage. */
export interface StagingEndpoint {
  /** The harness's origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly token: string;
  readonly fetch: typeof fetch;
}

/** One file of a picked folder: its bytes and its `webkitRelativePath` (`folder/sub/file.txt`). */
export interface FolderEntry {
  readonly blob: Blob;
  readonly relativePath: string;
}

/** A failed staging request, carrying the server's WireError. */
export class StagingError extends Error {
  readonly wire: WireError;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = 'StagingError';
    this.wire = wire;
  }
}

function isStagedFile(value: unknown): value is StagedFile {
  return (
    typeof value === 'object' && value !== null &&
    'path' in value && typeof value.path === 'string' &&
    'root' in value && typeof value.root === 'string' &&
    'batch' in value && typeof value.batch === 'string'
  );
}

function wireErrorOf(value: unknown): WireError | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value)) return undefined;
  const error = value.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'StagingFailed';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : 'The harness refused the file.';
  return { code, message, retryable: 'retryable' in error && error.retryable === true };
}

/** Streams one file to the harness; `where` names it. Throws StagingError when the harness refuses it. */
export async function stageFile(
  endpoint: StagingEndpoint,
  blob: Blob,
  where: { readonly name: string } | { readonly relativePath: string },
  batch?: string,
): Promise<StagedFile> {
  const params = new URLSearchParams({ ...where, size: String(blob.size), ...(batch === undefined ? {} : { batch }) });
  const response = await endpoint.fetch(`${endpoint.origin}${HARNESS_PATHS.stage}?${params.toString()}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: endpoint.token, 'Content-Type': 'application/octet-stream' },
    body: blob,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isStagedFile(body)) return body;
  throw new StagingError(wireErrorOf(body) ?? { code: 'StagingFailed', message: `The harness answered ${response.status}.`, retryable: true });
}

/** Stages single files (a drop, or "Add files…"): one batch each; resolves with the granted staged paths. */
export async function stageFiles(endpoint: StagingEndpoint, files: readonly { readonly blob: Blob; readonly name: string }[]): Promise<PickedPaths> {
  const paths: string[] = [];
  for (const file of files) paths.push((await stageFile(endpoint, file.blob, { name: file.name })).root);
  return { paths };
}

/** Stages the files of one picked folder into one batch; resolves with the staged folder (granted), or [] if empty. */
export async function stageFolder(endpoint: StagingEndpoint, entries: readonly FolderEntry[]): Promise<PickedPaths> {
  let batch: string | undefined;
  let root: string | undefined;
  for (const entry of entries) {
    const staged = await stageFile(endpoint, entry.blob, { relativePath: entry.relativePath }, batch);
    batch ??= staged.batch;
    root ??= staged.root;
  }
  return { paths: root === undefined ? [] : [root] };
}

/** Runs a staging job and turns a StagingError into its Result (any other failure rejects: IpcUnavailable). */
export async function stagingResult(run: () => Promise<PickedPaths>): Promise<Result<PickedPaths>> {
  try {
    return okResult(await run());
  } catch (error) {
    if (error instanceof StagingError) return errorResult(error.wire);
    throw error;
  }
}

/**
 * Checks that every dropped item is a readable file. A dropped folder reaches the page as a File whose bytes cannot
 * be read, and the harness cannot walk it (a known limit: the desktop app walks dropped folders in main; in the
 * harness, "Add folder…" works). Resolves with the readable files, or the refusal naming the unreadable items.
 */
export async function readableDroppedFiles(
  files: readonly DroppedFile[],
): Promise<{ readonly ok: true; readonly files: readonly File[] } | { readonly ok: false; readonly error: WireError }> {
  const readable: File[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    if (!(file instanceof File)) {
      unreadable.push(String(file.name));
      continue;
    }
    try {
      await file.slice(0, 1).arrayBuffer();
      readable.push(file);
    } catch {
      unreadable.push(file.name);
    }
  }
  if (unreadable.length === 0) return { ok: true, files: readable };
  const names = unreadable.slice(0, 3).map((n) => `“${n}”`).join(', ') + (unreadable.length > 3 ? ` and ${unreadable.length - 3} more` : '');
  return {
    ok: false,
    error: {
      code: 'NotSupportedInBrowser',
      message: `The browser harness cannot read dropped folders; skipped ${names}. Nothing was added.`,
      retryable: false,
      advice: 'Drop the files themselves, or use “Add folder…”, which works in the harness.',
    },
  };
}
