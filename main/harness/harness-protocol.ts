// What the browser harness's server (main/harness/) and its in-page bridge (main/harness/web-bridge/) say to each
// other (issue 5 item 6). Plain data and constants only: this file is bundled into the page as well as run in Node.
import type { EventEnvelope } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

/** URL paths the harness serves besides the renderer's own files. */
export const HARNESS_PATHS = Object.freeze({
  /** The bridge script, injected into index.html before the renderer's first script. */
  bridge: '/__harness/bridge.js',
  /** The command and event WebSocket. */
  socket: '/__harness/ws',
  /** POST one file's bytes; answers with a StagedFile. */
  stage: '/__harness/stage',
} as const);

/** `<meta name=…>` carrying the per-process token into the page (an inline script would break the CSP). */
export const TOKEN_META_NAME = 'uploader-harness-token';
/** Query parameter of the WebSocket URL that carries the token (a browser WebSocket cannot send headers). */
export const TOKEN_QUERY_PARAMETER = 'token';
/** Request header that carries the token on staging uploads. */
export const TOKEN_HEADER = 'x-uploader-harness-token';

/**
 * Largest WebSocket message the server reads. Large enough that an oversized argument (the contract tests send a
 * 10 MB string) reaches the command schema and is refused there with ValidationFailed; anything bigger closes the
 * socket (code 1009) instead of being buffered.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Page → server: one command call. `args` is absent for commands that take none (JSON has no `undefined`). */
export interface HarnessCall {
  /** Chosen by the page, echoed in the answer; a non-negative safe integer. */
  readonly id: number;
  readonly name: string;
  readonly args?: unknown;
}

/** Server → page: the answer to call `id` (null when the message was unreadable and had no id). */
export interface HarnessReply {
  readonly id: number | null;
  readonly result: Result<unknown>;
}

/** Server → page: one pushed event. */
export interface HarnessEventMessage {
  readonly event: EventEnvelope;
}

/** Anything the server sends on the socket. */
export type HarnessServerMessage = HarnessReply | HarnessEventMessage;

/** Query parameters of a staging POST. Exactly one of `name` and `relativePath` is given. */
export interface StageQuery {
  /** A single file's name (a picked or dropped file). */
  readonly name?: string | undefined;
  /** `webkitRelativePath` of a file inside a picked folder: `folder/sub/file.txt`. */
  readonly relativePath?: string | undefined;
  /** The file's size in bytes; the server refuses a body of any other length. */
  readonly size: number;
  /** A batch the server issued earlier, so that all files of one picked folder share one staging folder. */
  readonly batch?: string | undefined;
}

/** The answer of a staging POST. */
export interface StagedFile {
  /** Absolute path of the staged copy. */
  readonly path: string;
  /**
   * The staged item the user chose, which the server has granted: the file itself, or for a file inside a picked
   * folder the staged folder (`<dataDir>/staging/<batch>/<folder>`), so uploads of it keep relative key suffixes.
   */
  readonly root: string;
  /** Pass back as `batch` to stage more files of the same folder. */
  readonly batch: string;
}
