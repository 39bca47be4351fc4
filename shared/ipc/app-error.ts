import type { WireError } from './result';

/**
 * An error meant for the person using the app: services in main throw it (an unknown account, no keyring, …) and the
 * IPC layer sends its fields to the renderer as they are. Anything else thrown in main is a bug and crosses as a
 * generic InternalError, so only an AppError's message may be shown: never put a secret or a raw argument in it.
 */
export class AppError extends Error implements WireError {
  readonly code: string;
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  readonly advice: string | undefined;

  constructor(fields: WireError, options?: { cause?: unknown }) {
    super(fields.message, options);
    this.name = 'AppError';
    this.code = fields.code;
    this.retryable = fields.retryable;
    this.requestId = fields.requestId;
    this.advice = fields.advice;
  }

  /** The plain fields, as they cross the IPC boundary. */
  toWire(): WireError {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
      ...(this.advice === undefined ? {} : { advice: this.advice }),
    };
  }
}

/** Narrowing helper that survives module duplication (checks the name and fields, not only the prototype). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (value instanceof Error && value.name === 'AppError' && 'code' in value && 'retryable' in value && 'toWire' in value)
  );
}
