// The host's log file in the data folder (issue 5 item 5): timestamped lines, appended in order, rotated once to
// `<path>.1` when the file would grow past `maxBytes`, every line redacted (redact-log-line.ts) before it is written.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../accounts/private-json-file';
import type { AppLog } from './app-core-types';
import { redactLogLine } from './redact-log-line';

/** Options of createLogFile. */
export interface LogFileOptions {
  readonly path: string;
  /** Size past which the file is moved to `<path>.1` (replacing the older one) and a new one started. */
  readonly maxBytes: number;
  /** Secret values to cut from every line (AppCore.knownSecrets). */
  readonly secrets: () => Iterable<string>;
  readonly now?: (() => number) | undefined;
  /** Told (never thrown at) when a write fails: logging must not break the app. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** An AppLog that writes to a file. */
export interface LogFile extends AppLog {
  readonly path: string;
  /** Resolves once every line logged so far is on disk. */
  flush(): Promise<void>;
}

type Level = 'INFO' | 'WARN' | 'ERROR';

/** Opens (creating if needed) a log file; lines are written in call order, in the background. */
export function createLogFile(options: LogFileOptions): LogFile {
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((): void => undefined);
  let size: number | undefined; // learnt from the file on the first write
  let tail: Promise<void> = Promise.resolve();

  async function write(text: string): Promise<void> {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (size === undefined) {
      await mkdir(dirname(options.path), { recursive: true, mode: PRIVATE_DIR_MODE });
      size = await stat(options.path).then(
        (info) => info.size,
        () => 0,
      );
    }
    if (size > 0 && size + bytes > options.maxBytes) {
      await rename(options.path, `${options.path}.1`);
      size = 0;
    }
    await appendFile(options.path, text, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
    size += bytes;
  }

  function log(level: Level, line: string): void {
    // Redacted before it is queued, so not even the in-memory queue holds a secret for long.
    const text = `${new Date(now()).toISOString()} ${level} ${redactLogLine(line, options.secrets())}\n`;
    tail = tail.then(() => write(text)).catch((error: unknown) => {
      size = undefined; // re-read the size next time: the file may have been moved or removed
      onError(error);
    });
  }

  return {
    path: options.path,
    info: (line) => log('INFO', line),
    warn: (line) => log('WARN', line),
    error: (line) => log('ERROR', line),
    flush: () => tail,
  };
}
