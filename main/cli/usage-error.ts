// Bad usage (a missing option, an unparsable size, a destination that cannot take several files) ends with exit
// status 2 before anything is uploaded; every other failure is 1 (issue 3 item 10).

/** Exit statuses of `oss-upload`. */
export const EXIT_CODES = {
  /** Every file uploaded and verified (or every command succeeded). */
  ok: 0,
  /** Something did not succeed; the output says what. */
  failed: 1,
  /** The command line was wrong; nothing was done. */
  usage: 2,
  /** Interrupted by SIGINT/SIGTERM after pausing and saving (128 + SIGINT's number, the shell convention). */
  interrupted: 130,
} as const;

/** A command-line mistake: reported with its message and exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
