// How an `oss-upload` run shows progress: a multi-bar on a terminal, plain lines otherwise (issue 3 item 10). Both
// take the engine's batched job snapshots (at most one batch per 200 ms, change-batcher.ts), never per-byte events.
import { relative, isAbsolute } from 'node:path';
import type { JobSnapshot } from '../../shared/models/job';

/** Receives job snapshots and shows them. */
export interface ProgressReporter {
  /** The latest snapshots of watched jobs (changed ones at least; unchanged ones are harmless). */
  update(jobs: readonly JobSnapshot[]): void;
  /** A line of its own (a note, a hint), printed without breaking the bars. */
  note(line: string): void;
  /** Stops drawing; the bars stay as they were. Idempotent. */
  stop(): void;
}

/** A short label for a local path: relative to the working directory when the file is under it. */
export function labelOfPath(localPath: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, localPath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : localPath;
}

/** Seconds left: the engine's estimate, else what is left at the current speed; undefined when unknown. */
export function etaOf(job: JobSnapshot): number | undefined {
  if (job.etaSeconds !== undefined) return job.etaSeconds;
  return job.bytesPerSecond > 0 ? Math.max(0, job.sizeBytes - job.bytesDone) / job.bytesPerSecond : undefined;
}
