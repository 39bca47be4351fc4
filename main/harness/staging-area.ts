// Where the harness keeps copies of the files the page sends (issue 5 item 6: "Files dropped in the harness are
// streamed to a staging folder and then uploaded like any local file"). A browser never reveals a file's real path,
// so the bytes come over HTTP and land in `<dataDir>/staging/<batch>/<relative path>`. The folder is inside the data
// folder on purpose: a job restored after a crash or a SIGKILL still finds its file there.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/ipc/app-error';
import type { StagedFile } from './harness-protocol';
import { parseStagedPath } from './parse-staged-path';

/** One file to stage, as the page described it. Exactly one of `name` and `relativePath`. */
export interface StageInput {
  readonly name?: string | undefined;
  readonly relativePath?: string | undefined;
  /** The exact number of bytes the body must hold. */
  readonly sizeBytes: number;
  /** A batch this area issued before (same picked folder); omitted to start a new one. */
  readonly batch?: string | undefined;
}

function invalid(message: string): AppError {
  return new AppError({ code: 'ValidationFailed', message, retryable: false });
}

/** Counts the bytes passing through and fails as soon as there are more than `limit`. */
function byteCounter(limit: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length;
      if (counted.bytes > limit) done(invalid(`The upload is larger than the announced ${limit} bytes.`));
      else done(null, chunk);
    },
  });
}

/** Staged copies under one folder, grouped in batches this process issued. */
export class StagingArea {
  /** `<dataDir>/staging`. */
  readonly dir: string;
  readonly #batches = new Set<string>();

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** Streams `body` to its staged path; refuses unsafe names, unknown batches, existing files and a wrong size. */
  async stage(input: StageInput, body: Readable): Promise<StagedFile> {
    const segments = this.#segmentsOf(input);
    if (!Number.isSafeInteger(input.sizeBytes) || input.sizeBytes < 0) throw invalid('The file size must be a whole number of bytes.');
    const batch = this.#batchFor(input.batch);
    const batchDir = path.join(this.dir, batch);
    const file = path.join(batchDir, ...segments);
    const root = path.join(batchDir, segments[0] ?? '');
    await mkdir(path.dirname(file), { recursive: true });

    const counted = { bytes: 0 };
    try {
      // 'wx': two files of one folder with the same relative path are a client bug, not something to overwrite.
      await pipeline(body, byteCounter(input.sizeBytes, counted), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      if (isAlreadyExists(error)) throw invalid('A file with this path was already staged in this batch.');
      await rm(file, { force: true });
      throw error;
    }
    if (counted.bytes !== input.sizeBytes) {
      await rm(file, { force: true });
      throw invalid(`The upload ended after ${counted.bytes} of ${input.sizeBytes} bytes.`);
    }
    return { path: file, root, batch };
  }

  #segmentsOf(input: StageInput): readonly string[] {
    const { name, relativePath } = input;
    if ((name === undefined) === (relativePath === undefined)) throw invalid('Give exactly one of name and relativePath.');
    const windows = path.sep === '\\';
    const parsed = name !== undefined
      ? parseStagedPath(name, { single: true, windows })
      : parseStagedPath(relativePath ?? '', { single: false, windows });
    if (!parsed.ok) throw invalid(`The file name ${parsed.reason}.`);
    return parsed.segments;
  }

  #batchFor(requested: string | undefined): string {
    if (requested === undefined) {
      const batch = randomUUID();
      this.#batches.add(batch);
      return batch;
    }
    // Only batches issued here: a page-chosen folder name could collide with, or point into, someone else's batch.
    if (!this.#batches.has(requested)) throw invalid('Unknown staging batch.');
    return requested;
  }
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}
