// Everything an `oss-upload` run touches outside itself, in one object: output streams, environment, working and
// home directories, and the interrupt signals. The process supplies the real ones (processContext); tests can run
// commands in-process with their own.
import { homedir } from 'node:os';

/** A stream the CLI writes to. */
export interface CliOutput {
  write(text: string): unknown;
  /** True for a terminal: progress is drawn as bars there, as lines otherwise. */
  readonly isTTY?: boolean | undefined;
}

/** The world as an `oss-upload` run sees it. */
export interface CliContext {
  readonly stdout: CliOutput & NodeJS.WritableStream;
  readonly stderr: CliOutput & NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly homeDir: string;
  /**
   * Calls `handler` on SIGINT or SIGTERM until the returned function is called. While registered, the signals do
   * not end the process by themselves: the handler pauses, saves and decides the exit.
   */
  onInterrupt(handler: (signal: NodeJS.Signals) => void): () => void;
  /** Ends the process at once (a second Ctrl-C while pausing). */
  forceExit(code: number): void;
}

/** The context of the running process. */
export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    homeDir: homedir(),
    onInterrupt(handler) {
      const onSigint = (): void => handler('SIGINT');
      const onSigterm = (): void => handler('SIGTERM');
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigterm);
      return () => {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
      };
    },
    forceExit(code) {
      process.exit(code);
    },
  };
}
