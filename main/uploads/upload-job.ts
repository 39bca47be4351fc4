import type { JobError, JobId, JobSnapshot, JobStatus, PartSnapshot } from '../../shared/models/job';
import { OssError } from '../oss/oss-error';
import { EngineError } from './engine-error';
import { cancelJobOnServer } from './job-cancel';
import { toJobError, JOURNAL_WRITE_FAILED } from './job-error';
import { PartTable } from './job-parts';
import { verifiedByOf } from './job-complete';
import { runJob } from './job-runner';
import { canTransition, isActive, transitionJob, type JobEvent } from './job-status';
import type { JournalRecord } from './journal-record';
import { planParts } from './part-plan';
import { ProgressMeter } from './progress-meter';
import type { JobContext } from './job-context';
import { abortReasonOf } from './request-retry';
import { statSource, type SourceStat } from './source-file';

// One job (one local file → one object) as an explicit state machine (issue 3 item 1): every status change goes
// through transitionJob and is written to the journal at once, except the steps of a run that a restart would
// treat the same whether written or not (job-runner.ts); finished parts are written throttled. Each run
// (start → completed, failed, or interrupted) gets a fresh AbortController, so pause and cancel abort exactly the
// requests of the run in progress, with a reason, and a resumed job starts a new run only after the old one settled
// (Uppy's MultipartUploader does the same). The lifecycle itself is in job-runner.ts, the abort of a canceled
// upload in job-cancel.ts.

function interruption(what: 'paused' | 'canceled' | 'shut down'): DOMException {
  // An AbortError, so every layer (client, scheduler, retry policy) sees an abort and not a failure.
  return new DOMException(`The job was ${what}`, 'AbortError');
}

/** One upload job: its state, its parts, and the commands that move it. */
export class UploadJob {
  readonly id: JobId;
  readonly localPath: string;
  readonly destination: { readonly accountId: string; readonly bucket: string; readonly key: string };
  readonly createdAtMs: number;
  readonly meter: ProgressMeter;
  status: JobStatus;
  sizeBytes: number;
  mtimeMs: number;
  uploadId: string | undefined;
  table: PartTable;
  error: JobError | undefined;
  verifiedBy: 'md5+crc64' | 'crc64' | undefined;
  retries = 0;
  updatedAtMs: number;
  /** Set while a multipart run sends parts: starts more part tasks after a settings change. */
  pumpParts: (() => void) | undefined;
  private readonly ctx: JobContext;
  private controller: AbortController | undefined;
  private cancelController: AbortController | undefined;
  /** The run in progress (or settling); never rejects. */
  private running: Promise<void> = Promise.resolve();
  private halted = false;
  /** Whether the last immediate write of the record succeeded: a run then need not prove the journal works again. */
  private journalWorks = false;

  constructor(ctx: JobContext, record: JournalRecord, status: JobStatus = record.status) {
    this.ctx = ctx;
    this.id = record.jobId;
    this.localPath = record.localPath;
    this.destination = { accountId: record.accountId, bucket: record.bucket, key: record.key };
    this.createdAtMs = record.createdAtMs;
    this.updatedAtMs = record.updatedAtMs;
    this.status = status;
    this.sizeBytes = record.sizeBytes;
    this.mtimeMs = record.mtimeMs;
    this.uploadId = record.uploadId;
    this.error = record.error;
    this.verifiedBy = undefined;
    this.meter = new ProgressMeter({ now: ctx.now });
    this.table = new PartTable(planParts(record.sizeBytes, record.partSizeBytes));
    this.table.loadJournalParts(record.parts);
    // Not journaled as such: a completed multipart job says it again through its parts' ETags.
    if (status === 'completed' && this.table.partsDone > 0) this.verifiedBy = verifiedByOf(this.table.doneParts());
  }

  /** The part size the job was planned with (raised for huge files, see part-plan.ts). */
  get partSizeBytes(): number {
    return this.table.plan.partSizeBytes;
  }

  /** What the UI shows in the job's row. */
  snapshot(): JobSnapshot {
    const bytesDone = this.status === 'completed' ? this.sizeBytes : this.table.bytesDone;
    const running = isActive(this.status);
    return {
      id: this.id,
      localPath: this.localPath,
      destination: this.destination,
      status: this.status,
      sizeBytes: this.sizeBytes,
      bytesDone,
      partSizeBytes: this.partSizeBytes,
      partCount: this.table.partCount,
      partsDone: this.table.partsDone,
      uploadId: this.uploadId,
      bytesPerSecond: running ? this.meter.bytesPerSecond() : 0,
      etaSeconds: running ? this.meter.etaSeconds(this.sizeBytes - bytesDone) : undefined,
      retries: this.retries,
      createdAtMs: this.createdAtMs,
      updatedAtMs: this.updatedAtMs,
      error: this.error,
      verifiedBy: this.verifiedBy,
    };
  }

  /** One part for the part map. */
  partSnapshot(partNumber: number): PartSnapshot {
    return this.table.snapshot(partNumber);
  }

  /** What the journal keeps of the job. */
  toRecord(): JournalRecord {
    const single = this.table.plan.mode === 'single';
    return {
      jobId: this.id,
      localPath: this.localPath,
      sizeBytes: this.sizeBytes,
      mtimeMs: this.mtimeMs,
      accountId: this.destination.accountId,
      bucket: this.destination.bucket,
      key: this.destination.key,
      partSizeBytes: this.partSizeBytes,
      mode: this.table.plan.mode,
      uploadId: single ? undefined : this.uploadId,
      parts: single ? [] : this.table.journalParts(),
      status: this.status,
      createdAtMs: this.createdAtMs,
      updatedAtMs: this.updatedAtMs,
      error: this.error,
    };
  }

  /** Applies a state-machine event (throws IllegalTransitionError) and tells the engine. */
  advance(event: JobEvent): void {
    this.status = transitionJob(this.status, event);
    this.updatedAtMs = this.ctx.now();
    this.changed();
  }

  /** Tells the engine the snapshot changed. */
  changed(): void {
    this.ctx.jobChanged(this);
  }

  /** Tells the engine a part changed. */
  partChanged(partNumber: number): void {
    this.ctx.partChanged(this, partNumber);
  }

  /** Writes the record now; a failure becomes JournalWriteFailed (nothing may be sent that a crash would forget). */
  async persistNow(): Promise<void> {
    try {
      await this.ctx.journal.saveNow(this.id, () => this.toRecord());
      this.journalWorks = true;
    } catch (error) {
      this.journalWorks = false;
      throw new OssError(
        { code: JOURNAL_WRITE_FAILED, status: 0, retryable: false, message: `cannot write the job's journal record: ${String(error)}` },
        { cause: error },
      );
    }
  }

  /** True when the last immediate write of the record succeeded (none yet: false). */
  get journalWritable(): boolean {
    return this.journalWorks;
  }

  /** Starts writing the record now without waiting for it; a failure goes to the engine's journal error handler. */
  persistInBackground(): void {
    void this.persistReportingErrors();
  }

  /** Writes the record now; a failure goes to the engine's journal error handler instead of the caller. */
  private persistReportingErrors(): Promise<void> {
    return this.ctx.journal.saveNow(this.id, () => this.toRecord()).catch((error: unknown) => {
      this.ctx.journalError(this.id, error);
    });
  }

  /** Writes the record soon (throttled): after each finished part. */
  persistSoon(): void {
    this.ctx.journal.save(this.id, () => this.toRecord());
  }

  /** Takes a new size and mtime as the baseline (only while nothing of the file is on the server) and re-plans. */
  rebase(stat: SourceStat): void {
    if (stat.sizeBytes === this.sizeBytes && stat.mtimeMs === this.mtimeMs) return;
    this.sizeBytes = stat.sizeBytes;
    this.mtimeMs = stat.mtimeMs;
    this.table = new PartTable(planParts(stat.sizeBytes, this.partSizeBytes));
    this.changed();
  }

  /**
   * A new job's first look at its file: size and mtime become the baseline and the parts are planned, then the
   * record is written. Runs before the first run (start() waits for it). A file that cannot be examined keeps the
   * job at size 0; preparing then says why.
   */
  initialize(): void {
    this.running = (async () => {
      try {
        this.rebase(await statSource(this.localPath));
      } catch {
        // reported by preparing, which stats again
      }
      await this.persistNow().catch(() => undefined); // preparing writes again and fails the job if it cannot
    })();
  }

  /** Starts a run if the job is queued and none is under way. */
  start(): void {
    if (this.status !== 'queued' || this.halted) return;
    if (this.controller !== undefined && !this.controller.signal.aborted) return;
    const controller = new AbortController();
    this.controller = controller;
    const previous = this.running;
    this.running = (async () => {
      await previous; // a paused run still settling holds the file slot and may still finish a part
      if (controller.signal.aborted || this.status !== 'queued') return;
      try {
        await runJob(this, this.ctx, controller.signal);
      } catch (error) {
        if (!controller.signal.aborted) await this.failWith(error);
      } finally {
        for (const partNumber of this.table.settleActive()) this.partChanged(partNumber);
        if (this.controller === controller) this.controller = undefined;
        this.changed();
      }
    })();
  }

  /** Pause: in-flight requests are aborted, finished parts kept. */
  async pause(): Promise<void> {
    this.advance({ type: 'pause' });
    this.controller?.abort(interruption('paused'));
    this.meter.reset();
    await this.persistNow();
  }

  /** Resume a paused job (it queues for a file slot). */
  async resume(): Promise<void> {
    this.advance({ type: 'resume' });
    await this.persistNow();
    this.start();
  }

  /** Retry a failed job: it continues with its uploadId and the parts already done. */
  async retry(): Promise<void> {
    this.advance({ type: 'retry' });
    this.error = undefined;
    await this.persistNow();
    this.start();
  }

  /**
   * Cancel: abort the run, then the multipart upload on the server (issue 3 item 6). Resolves once canceled;
   * rejects with EngineError JobFailed when the server would not abort it (the job is then failed, upload kept).
   */
  async cancel(): Promise<void> {
    this.advance({ type: 'cancel' });
    this.controller?.abort(interruption('canceled'));
    await this.persistNow();
    await this.finishCancel();
  }

  /** Completes a cancel that was interrupted (the engine stopped while the job was canceling). */
  async finishCancel(): Promise<void> {
    if (this.status !== 'canceling' || this.halted) return;
    const controller = new AbortController();
    this.cancelController = controller;
    try {
      // The run's requests settle in between the two aborts: a part landing during the first abort can survive it
      // (oss-protocol.md §6.4), and an Initiate that was in flight reveals its uploadId only when it answers.
      await cancelJobOnServer(this, this.ctx, controller.signal, () => this.running);
      if (controller.signal.aborted) throw abortReasonOf(controller.signal);
      this.error = undefined; // a failure before the cancel no longer describes the job
      this.advance({ type: 'canceled' });
      await this.persistNow();
    } catch (error) {
      if (controller.signal.aborted) throw new EngineError('EngineClosed', 'The engine shut down before the cancel finished; it resumes at the next start.');
      await this.failWith(error);
      throw new EngineError('JobFailed', `Canceling ${this.destination.key} failed: ${this.error?.message ?? String(error)}`, this.error);
    } finally {
      if (this.cancelController === controller) this.cancelController = undefined;
    }
  }

  /** Shutdown: stop every request of this job without changing its status (it resumes per settings at next start). */
  halt(): void {
    this.halted = true;
    this.controller?.abort(interruption('shut down'));
    this.cancelController?.abort(interruption('shut down'));
  }

  /** Resolves once the current run, when there is one, has settled. */
  settled(): Promise<void> {
    return this.running;
  }

  /** Records a failure: status failed with the error (uploadId kept, so Retry continues). */
  async failWith(error: unknown): Promise<void> {
    if (!canTransition(this.status, { type: 'fail' })) return;
    this.error = toJobError(error, this.ctx.now);
    this.meter.reset();
    this.advance({ type: 'fail' });
    await this.persistReportingErrors();
  }
}
