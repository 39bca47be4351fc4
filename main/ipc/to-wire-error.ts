// Turns whatever a handler threw into the WireError the renderer gets. Errors the app means for the user (AppError,
// OssError, the engine's command errors) keep their code, request id and advice; anything else is a bug and crosses
// as a generic InternalError, because its message may hold a path, a stack or a secret the renderer has no use for.
import { isAppError } from '../../shared/ipc/app-error';
import type { WireError } from '../../shared/ipc/result';
import { isOssError, type OssError } from '../oss/oss-error';
import { describeOssError } from '../oss/responses/describe-oss-error';
import { EngineError } from '../uploads/engine-error';
import { InvalidSettingsError } from '../uploads/engine-settings';
import { IllegalTransitionError } from '../uploads/job-status';

/** Longest message sent to the renderer. */
export const MAX_WIRE_MESSAGE_CHARS = 500;

/** The InternalError every unexpected exception becomes. */
export const INTERNAL_ERROR: WireError = Object.freeze({
  code: 'InternalError',
  message: 'Something went wrong inside the app. The details are in the log file.',
  retryable: false,
});

/** A WireError, and whether the error was unexpected (a bug worth logging in full). */
export interface MappedError {
  readonly wire: WireError;
  readonly unexpected: boolean;
}

function clip(text: string): string {
  return text.length <= MAX_WIRE_MESSAGE_CHARS ? text : `${text.slice(0, MAX_WIRE_MESSAGE_CHARS - 1)}…`;
}

function fromOssError(error: OssError, now: () => number): WireError {
  return {
    code: error.code,
    message: error.message,
    retryable: error.retryable,
    ...(error.requestId === undefined || error.requestId === '' ? {} : { requestId: error.requestId }),
    advice: describeOssError(error.toJSON(), now).advice,
  };
}

function known(error: unknown, now: () => number): WireError | undefined {
  if (isAppError(error)) return error.toWire();
  if (isOssError(error)) return fromOssError(error, now);
  if (error instanceof EngineError) {
    const job = error.jobError;
    return {
      code: error.code,
      message: error.message,
      retryable: job?.retryable ?? false,
      ...(job?.requestId === undefined ? {} : { requestId: job.requestId }),
      ...(job?.advice === undefined ? {} : { advice: job.advice }),
    };
  }
  if (error instanceof InvalidSettingsError || error instanceof IllegalTransitionError) {
    return { code: error.code, message: error.message, retryable: false };
  }
  // A wrapper whose cause is an OssError (the engine's RequestFailedError): the cause is what the user can act on.
  if (error instanceof Error && isOssError(error.cause)) return fromOssError(error.cause, now);
  return undefined;
}

/**
 * Maps a thrown value to a WireError. `redact` is applied to every message that crosses (belt and braces: no known
 * error should carry a secret, but an OSS message is server text).
 */
export function toWireError(error: unknown, options: { readonly now: () => number; readonly redact: (text: string) => string }): MappedError {
  const wire = known(error, options.now);
  if (wire === undefined) return { wire: INTERNAL_ERROR, unexpected: true };
  const advice = wire.advice === undefined ? {} : { advice: clip(options.redact(wire.advice)) };
  return { wire: { ...wire, message: clip(options.redact(wire.message)), ...advice }, unexpected: false };
}
