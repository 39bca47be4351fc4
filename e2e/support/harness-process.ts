// The browser harness as a child process (`node --import tsx main/harness/cli.ts --port P --data-dir D --no-build`),
// exactly as a developer starts it with `npm run dev:web`: the specs read its URL from stdout, stop it with SIGTERM
// (jobs persisted, cli.ts) or kill it with SIGKILL (a crash), and start it again on the same port and data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The repository root (e2e/support/ is two levels down). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

const URL_LINE = /OSS Upload Manager harness: (http:\/\/127\.0\.0\.1:(\d+))/;
const EMULATOR_LINE = /Embedded OSS emulator: (http:\/\/127\.0\.0\.1:\d+)/;
/** A cold start transpiles main/ with tsx and opens the embedded emulator: seconds on a busy 2-core box. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/** Options of startHarnessProcess. */
export interface HarnessProcessOptions {
  readonly dataDir: string;
  /** 0 picks a free port (the first start); a restart passes the port of the previous run. */
  readonly port: number;
  /** Let the harness build the renderer when outdated (global setup only); specs pass false (`--no-build`). */
  readonly build?: boolean;
  /** Receives the child's output lines (stdout and stderr), e.g. to attach them to a failed test. */
  readonly onLine?: (line: string) => void;
}

/** A running harness child. */
export interface HarnessProcess {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** The embedded emulator's URL, when the harness started one. */
  readonly emulatorUrl: string | undefined;
  readonly pid: number;
  /** SIGTERM (graceful: uploads paused and persisted), SIGKILL as a fallback after a timeout. */
  stop(): Promise<void>;
  /** SIGKILL: the crash case; nothing is flushed. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

/** Starts the harness; resolves once it printed its URL (it listens by then). */
export function startHarnessProcess(options: HarnessProcessOptions): Promise<HarnessProcess> {
  const args = ['--import', 'tsx', path.join('main', 'harness', 'cli.ts'), '--port', String(options.port), '--data-dir', options.dataDir];
  if (options.build !== true) args.push('--no-build');
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  const output: string[] = [];
  const remember = (line: string): void => {
    output.push(line);
    if (output.length > 200) output.shift();
    options.onLine?.(line);
  };
  const { stdout, stderr, pid } = child;
  if (stdout === null || stderr === null || pid === undefined) throw new Error('The harness process has no pipes');

  return new Promise<HarnessProcess>((resolve, reject) => {
    let url: string | undefined;
    let port = 0;
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\n--- harness output ---\n${output.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`The harness did not print its URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      if (url === undefined) fail(`The harness exited (code ${String(code)}, signal ${String(signal)}) before printing its URL`);
    });
    const onLine = (line: string): void => {
      remember(line);
      const found = URL_LINE.exec(line);
      if (found?.[1] !== undefined && found[2] !== undefined) {
        url = found[1];
        port = Number(found[2]);
        return;
      }
      const emulator = EMULATOR_LINE.exec(line);
      // cli.ts prints the emulator line right after the URL line: both are known once it arrives.
      if ((emulator !== null || line.startsWith('Embedded OSS emulator:')) && url !== undefined) {
        clearTimeout(timer);
        const stop = async (signal: NodeJS.Signals): Promise<void> => {
          child.kill(signal);
          await exited(child);
        };
        resolve({
          url,
          port,
          emulatorUrl: emulator?.[1],
          pid,
          async stop() {
            const fallback = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
            await stop('SIGTERM');
            clearTimeout(fallback);
          },
          kill: () => stop('SIGKILL'),
        });
      }
    };
    forEachLine(stdout, onLine);
    forEachLine(stderr, remember);
  });
}
