// The result envelope every command answers with. Results cross as data because thrown errors lose their fields
// (code, requestId, …) when they cross `ipcMain.handle` and the contextBridge: only `message` survives
// (architecture.md "Typed IPC in one place").

/** Codes the IPC layer itself produces; services add their own (OSS codes, account codes, …). */
export type IpcErrorCode =
  | 'UnknownCommand' // the name is not in COMMAND_NAMES
  | 'Forbidden' // the sender is not the app's own window
  | 'ValidationFailed' // the arguments do not match the command's schema
  | 'PathNotAllowed' // a local path the user neither picked in a dialog nor dropped
  | 'InternalError' // a bug: details went to the log, not to the renderer
  | 'IpcUnavailable'; // the bridge could not reach main at all (window closing, harness socket gone)

/** An error as plain data: what the renderer shows and decides on. Structurally the same as a job's JobError. */
export interface WireError {
  /** An IpcErrorCode, an OSS `Code` (`NoSuchUpload`, …) or a service's own code (`AccountNotFound`, …). */
  readonly code: string;
  /** One sentence for a person; never a secret, never an echo of a large argument. */
  readonly message: string;
  /** True when trying the same command again later may succeed. */
  readonly retryable: boolean;
  /** `x-oss-request-id` when the error came from OSS: what Alibaba Cloud support asks for. */
  readonly requestId?: string | undefined;
  /** What to do about it, when the app knows (e.g. "Check the AccessKey secret and the region."). */
  readonly advice?: string | undefined;
}

/** A command's answer: its value, or a WireError. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WireError };

/** A successful Result. */
export function okResult<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed Result. */
export function errorResult<T = never>(error: WireError): Result<T> {
  return { ok: false, error };
}
