// Progress as plain lines, for logs, pipes and CI (no TTY): a line when a file starts (or resumes), one each time it
// passes another 10%, one when it is done (with how it was verified) and one or two when it fails (code, request id,
// advice). Ten lines per file whatever its size: readable in a log, and cheap.
import type { JobId, JobSnapshot, JobStatus } from '../../shared/models/job';
import { describeCompleted, describeFailure, ossUrlOf } from './job-outcome';
import { formatBytes, formatDuration, formatPercent, formatRate } from './format-units';
import { etaOf, type ProgressReporter } from './progress-reporter';

interface Seen {
  /** Bytes already on the server when the job was first seen: what an earlier run uploaded. */
  readonly bytesAtFirstSight: number;
  startedAtMs: number | undefined;
  lastTenth: number;
  finalStatus: 'completed' | 'failed' | 'canceled' | undefined;
}

/** Options of PlainProgressReporter. */
export interface PlainProgressReporterOptions {
  /** Writes one line (without its newline) to stdout. */
  readonly out: (line: string) => void;
  /** Writes one line to stderr (failures). */
  readonly err: (line: string) => void;
  readonly labelOf: (job: JobSnapshot) => string;
  readonly now?: () => number;
}

const FINAL_STATUSES: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'canceled']);

function tenthOf(job: JobSnapshot): number {
  return job.sizeBytes === 0 ? 0 : Math.floor((job.bytesDone * 10) / job.sizeBytes);
}

/** Plain-line progress (see the file comment). */
export class PlainProgressReporter implements ProgressReporter {
  readonly #options: PlainProgressReporterOptions;
  readonly #now: () => number;
  readonly #seen = new Map<JobId, Seen>();
  #stopped = false;

  constructor(options: PlainProgressReporterOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  update(jobs: readonly JobSnapshot[]): void {
    if (this.#stopped) return;
    for (const job of jobs) this.#updateOne(job);
  }

  note(line: string): void {
    if (!this.#stopped) this.#options.out(line);
  }

  stop(): void {
    this.#stopped = true;
  }

  #updateOne(job: JobSnapshot): void {
    let seen = this.#seen.get(job.id);
    if (seen === undefined) {
      seen = { bytesAtFirstSight: job.bytesDone, startedAtMs: undefined, lastTenth: tenthOf(job), finalStatus: undefined };
      this.#seen.set(job.id, seen);
    }
    if (seen.finalStatus !== undefined) return;
    const label = this.#options.labelOf(job);
    const running = job.status !== 'queued' && job.status !== 'paused' && !FINAL_STATUSES.has(job.status);
    if (seen.startedAtMs === undefined && running) {
      seen.startedAtMs = this.#now();
      seen.lastTenth = tenthOf(job);
      const already = seen.bytesAtFirstSight > 0 ? ` (resuming: ${formatBytes(seen.bytesAtFirstSight)} already uploaded)` : '';
      this.#options.out(`start    ${label} -> ${ossUrlOf(job)}  ${formatBytes(job.sizeBytes)}${already}`);
    }
    if (job.status === 'completed') {
      seen.finalStatus = 'completed';
      const timing =
        seen.startedAtMs === undefined ? undefined : { elapsedMs: this.#now() - seen.startedAtMs, bytes: job.sizeBytes - seen.bytesAtFirstSight };
      this.#options.out(describeCompleted(job, label, timing));
      return;
    }
    if (job.status === 'failed') {
      seen.finalStatus = 'failed';
      for (const line of describeFailure(job, label)) this.#options.err(line);
      return;
    }
    if (job.status === 'canceled') {
      seen.finalStatus = 'canceled';
      this.#options.out(`canceled ${label} -> ${ossUrlOf(job)}`);
      return;
    }
    const tenth = tenthOf(job);
    if (job.status === 'uploading' && tenth > seen.lastTenth && tenth < 10) {
      seen.lastTenth = tenth;
      this.#options.out(
        `${formatPercent(job.bytesDone, job.sizeBytes).padStart(4)}     ${label}  ${formatBytes(job.bytesDone)} / ${formatBytes(job.sizeBytes)}` +
          `  ${formatRate(job.bytesPerSecond)}  ETA ${formatDuration(etaOf(job))}`,
      );
    }
  }
}
