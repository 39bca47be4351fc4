// Ctrl-C and SIGTERM for a whole `oss-upload` run. The first signal asks the running command to stop cleanly
// (uploads pause and the journal is saved; list and abort commands cancel through an AbortSignal). A second signal
// while that is under way ends the process at once: the journal is written atomically, so the worst case is
// re-sending the parts of the last second, which resume finds missing when it reconciles with ListParts.
import type { CliContext } from './cli-context';
import { EXIT_CODES } from './usage-error';

/** The interrupt state of one run. */
export class InterruptHub {
  readonly #controller = new AbortController();
  readonly #dispose: () => void;
  #received: NodeJS.Signals | undefined;
  #resolveFirst: (signal: NodeJS.Signals) => void = () => undefined;
  /** Resolves with the first signal; never rejects. */
  readonly first: Promise<NodeJS.Signals>;

  constructor(ctx: CliContext) {
    this.first = new Promise((resolve) => {
      this.#resolveFirst = resolve;
    });
    this.#dispose = ctx.onInterrupt((signal) => {
      if (this.#received !== undefined) {
        ctx.stderr.write(`\n${signal} again: exiting now. Run the same command again to resume.\n`);
        ctx.forceExit(EXIT_CODES.interrupted);
        return;
      }
      this.#received = signal;
      this.#controller.abort(new Error(`Interrupted by ${signal}`));
      this.#resolveFirst(signal);
    });
  }

  /** Aborted on the first signal (for commands that cancel through an AbortSignal). */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The first signal received, if any. */
  get received(): NodeJS.Signals | undefined {
    return this.#received;
  }

  /** Stops listening; signals then have their default effect again. */
  dispose(): void {
    this.#dispose();
  }
}
