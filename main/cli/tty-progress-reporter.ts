// Progress on a terminal: one bar per file in progress and a total bar, each with percent, bytes, speed and ETA
// (issue 3 item 10), drawn by cli-progress at most 10 times a second. Bars exist only for files that have started,
// so a directory of 10,000 files shows a few bars (at most --parallel-files), not 10,000; finished files leave a
// line above the bars.
import { MultiBar, type SingleBar } from 'cli-progress';
import type { JobId, JobSnapshot } from '../../shared/models/job';
import { describeCompleted, describeFailure, ossUrlOf } from './job-outcome';
import { formatBytes, formatDuration, formatRate } from './format-units';
import { etaOf, type ProgressReporter } from './progress-reporter';

/** Options of TtyProgressReporter. */
export interface TtyProgressReporterOptions {
  /** A TTY stream (stderr by default in the CLI, so stdout stays clean for scripts). */
  readonly stream: NodeJS.WritableStream;
  readonly labelOf: (job: JobSnapshot) => string;
  readonly now?: () => number;
}

interface Payload {
  readonly label: string;
  readonly doneText: string;
  readonly sizeText: string;
  readonly speedText: string;
  readonly etaText: string;
  readonly [key: string]: unknown;
}

const LABEL_WIDTH = 28;
// Payload names must not shadow cli-progress's own tokens (value, total, eta, duration, percentage, bar).
const FORMAT = '{label} |{bar}| {percentage}% | {doneText} / {sizeText} | {speedText} | ETA {etaText}';

function fit(label: string): string {
  return label.length <= LABEL_WIDTH ? label.padEnd(LABEL_WIDTH) : `…${label.slice(label.length - LABEL_WIDTH + 1)}`;
}

// cli-progress divides by the total: a size of 0 (an empty file, or one not examined yet) is drawn as 0 or 1 of 1.
function barValues(done: number, size: number, finished: boolean): { value: number; total: number } {
  if (size === 0) return { value: finished ? 1 : 0, total: 1 };
  return { value: Math.min(done, size), total: size };
}

function payloadOf(label: string, done: number, size: number, bytesPerSecond: number, etaSeconds: number | undefined): Payload {
  return {
    label: fit(label),
    doneText: formatBytes(done),
    sizeText: formatBytes(size),
    speedText: formatRate(bytesPerSecond),
    etaText: formatDuration(etaSeconds),
  };
}

/** Multi-bar progress for a terminal (see the file comment). */
export class TtyProgressReporter implements ProgressReporter {
  readonly #options: TtyProgressReporterOptions;
  readonly #now: () => number;
  readonly #multi: MultiBar;
  readonly #bars = new Map<JobId, SingleBar>();
  readonly #latest = new Map<JobId, JobSnapshot>();
  readonly #started = new Map<JobId, { readonly atMs: number; readonly bytesDone: number }>();
  readonly #finished = new Set<JobId>();
  #total: SingleBar | undefined;
  #stopped = false;

  constructor(options: TtyProgressReporterOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#multi = new MultiBar({
      stream: options.stream,
      format: FORMAT,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      // The CLI owns SIGINT/SIGTERM (pause, save, exit 130); cli-progress must not install its own handlers.
      gracefulExit: false,
      barsize: 24,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      autopadding: true,
    });
  }

  update(jobs: readonly JobSnapshot[]): void {
    if (this.#stopped) return;
    for (const job of jobs) this.#latest.set(job.id, job);
    // The total bar is created first so it stays on top while file bars come and go below it.
    this.#updateTotal();
    for (const job of jobs) this.#updateOne(job);
  }

  note(line: string): void {
    if (!this.#stopped) this.#multi.log(`${line}\n`);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    // Lines logged since the last redraw are written by the next redraw, which stop() does not do.
    this.#multi.update();
    this.#multi.stop();
  }

  #updateOne(job: JobSnapshot): void {
    if (this.#finished.has(job.id)) return;
    const label = this.#options.labelOf(job);
    if (job.status === 'completed' || job.status === 'failed' || job.status === 'canceled') {
      this.#finished.add(job.id);
      this.#removeBar(job.id);
      const started = this.#started.get(job.id);
      const timing = started === undefined ? undefined : { elapsedMs: this.#now() - started.atMs, bytes: job.sizeBytes - started.bytesDone };
      const lines =
        job.status === 'completed'
          ? [describeCompleted(job, label, timing)]
          : job.status === 'failed'
            ? describeFailure(job, label)
            : [`canceled ${label} -> ${ossUrlOf(job)}`];
      for (const line of lines) this.#multi.log(`${line}\n`);
      return;
    }
    if (job.status === 'queued' || job.status === 'paused') return;
    const { value, total } = barValues(job.bytesDone, job.sizeBytes, false);
    const payload = payloadOf(label, job.bytesDone, job.sizeBytes, job.bytesPerSecond, etaOf(job));
    const bar = this.#bars.get(job.id);
    if (bar === undefined) {
      this.#started.set(job.id, { atMs: this.#now(), bytesDone: job.bytesDone });
      this.#bars.set(job.id, this.#multi.create(total, value, payload));
    } else {
      bar.setTotal(total);
      bar.update(value, payload);
    }
  }

  #removeBar(jobId: JobId): void {
    const bar = this.#bars.get(jobId);
    if (bar === undefined) return;
    this.#bars.delete(jobId);
    this.#multi.remove(bar);
  }

  #updateTotal(): void {
    let size = 0;
    let done = 0;
    let speed = 0;
    let finished = true;
    for (const job of this.#latest.values()) {
      finished &&= job.status === 'completed';
      size += job.sizeBytes;
      done += job.status === 'completed' ? job.sizeBytes : job.bytesDone;
      if (job.status === 'uploading') speed += job.bytesPerSecond;
    }
    const eta = speed > 0 ? (size - done) / speed : undefined;
    const label = `Total (${this.#latest.size} file${this.#latest.size === 1 ? '' : 's'})`;
    const { value, total } = barValues(done, size, finished);
    const payload = payloadOf(label, done, size, speed, eta);
    if (this.#total === undefined) {
      this.#total = this.#multi.create(total, value, payload);
    } else {
      this.#total.setTotal(total);
      this.#total.update(value, payload);
    }
  }
}
