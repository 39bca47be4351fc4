import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { JobId, JobSnapshot, PartSnapshot } from '../../shared/models/job';
import { prepareMd5Lanes } from '../oss/part-hasher';
import { BandwidthLimiter } from './bandwidth-limiter';
import { EngineError } from './engine-error';
import { EngineEvents, type ChangeListener } from './engine-events';
import { DEFAULT_ENGINE_SETTINGS, resolveEngineSettings, type EngineSettings, type EngineSettingsUpdate } from './engine-settings';
import type { RemoveOptions, RestoreResult, UploadEngineOptions } from './engine-options';
import { JobJournal } from './job-journal';
import { canPause, canRemove, canResume, isTerminal, transitionJob } from './job-status';
import { newJobRecord, validateAddFileItem, type AddFileItem } from './new-job';
import { RequestScheduler } from './request-scheduler';
import type { RetryRunner } from './request-retry';
import { systemTimers } from './timers';
import type { JobContext } from './job-context';
import { UploadJob } from './upload-job';

// The engine's facade (issue 3), used by the CLI, the IPC layer and the incomplete-upload manager. It owns the one
// scheduler, the bandwidth limiter, the journal and the change events; jobs (upload-job.ts) do their own
// bookkeeping. Commands validate, move the job's state machine, and resolve once the new state is on disk.

export type { AddFileItem } from './new-job';
export type { ClientResolver, RemoveOptions, RestoreResult, UploadEngineOptions } from './engine-options';

/** The multipart upload engine. */
export class UploadEngine {
  private readonly jobs = new Map<JobId, UploadJob>();
  private readonly cancels = new Set<Promise<void>>();
  private readonly scheduler: RequestScheduler;
  private readonly limiter: BandwidthLimiter;
  private readonly journal: JobJournal;
  private readonly events: EngineEvents;
  private readonly ctx: JobContext;
  private readonly now: () => number;
  private current: EngineSettings;
  private restored = false;
  private closed = false;

  constructor(options: UploadEngineOptions) {
    this.current = resolveEngineSettings(DEFAULT_ENGINE_SETTINGS, options.settings);
    // Off the first part's path: runs while the first job waits on its file, its journal and its Initiate.
    setImmediate(prepareMd5Lanes).unref();
    this.now = options.now ?? Date.now;
    const timers = options.timers ?? systemTimers;
    const onJournalError = options.onJournalError ?? ((): void => undefined);
    this.scheduler = new RequestScheduler({ maxRequests: this.current.maxRequests, maxFiles: this.current.maxFiles, now: this.now });
    this.limiter = new BandwidthLimiter({ bytesPerSecond: this.current.bandwidthBytesPerSecond });
    this.journal = new JobJournal({
      directory: options.stateDir,
      now: this.now,
      timers,
      minWriteIntervalMs: options.journalWriteIntervalMs,
      writeFile: options.journalWriteFile,
      onError: onJournalError,
    });
    this.events = new EngineEvents(
      {
        jobSnapshot: (jobId) => this.jobs.get(jobId)?.snapshot(),
        partSnapshot: (jobId, partNumber) => {
          const job = this.jobs.get(jobId);
          return job !== undefined && partNumber <= job.table.partCount ? job.partSnapshot(partNumber) : undefined;
        },
      },
      timers,
      options.batchIntervalMs,
    );
    const runner: RetryRunner = {
      scheduler: this.scheduler,
      policy: () => this.current.retry,
      random: options.random ?? Math.random,
      now: this.now,
      sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    };
    const clients = options.clients;
    this.ctx = {
      runner,
      limiter: this.limiter,
      journal: this.journal,
      resolveClient: async (accountId) => clients(accountId),
      settings: () => this.current,
      now: this.now,
      jobChanged: (job) => this.events.jobChanged(job.id),
      partChanged: (job, partNumber) => this.events.partChanged(job.id, partNumber),
      journalError: onJournalError,
    };
  }

  /**
   * Loads the journal (once, before adding files). Jobs come back as they were; those that were running come back
   * paused, or queued and started when settings.resumeOnStart. A job that was canceling finishes its cancel.
   */
  async restore(): Promise<RestoreResult> {
    this.assertOpen();
    if (this.restored || this.jobs.size > 0) throw new EngineError('RestoreNotAllowed', 'restore() runs once, before any file is added');
    this.restored = true;
    const { records, problems } = await this.journal.loadAll();
    const jobIds: JobId[] = [];
    for (const record of records) {
      let status = transitionJob(record.status, { type: 'restore' });
      if (status === 'queued' && !this.current.resumeOnStart) status = 'paused';
      const job = new UploadJob(this.ctx, record, status);
      this.jobs.set(job.id, job);
      jobIds.push(job.id);
      if (status !== record.status) await job.persistNow();
      job.changed();
    }
    for (const job of this.jobs.values()) {
      if (job.status === 'queued') job.start();
      if (job.status === 'canceling') this.track(job.finishCancel());
    }
    return { jobIds, problems };
  }

  /**
   * Adds one job per file and starts them (they queue for file slots); returns their ids at once. Each job examines
   * its file and writes its journal record before it can start. Throws EngineError InvalidArgument (adding none)
   * when an item is invalid; a file that cannot be read still becomes a job, which fails with a clear error.
   */
  addFiles(items: readonly AddFileItem[]): JobId[] {
    this.assertOpen();
    this.restored = true; // a later restore() would clash with these jobs
    for (const item of items) validateAddFileItem(item, this.current.partSizeBytes);
    const added = items.map((item) => {
      const record = newJobRecord(item, { jobId: randomUUID() as JobId, now: this.now(), defaultPartSizeBytes: this.current.partSizeBytes });
      const job = new UploadJob(this.ctx, record);
      this.jobs.set(job.id, job);
      job.changed();
      job.initialize();
      return job;
    });
    for (const job of added) job.start();
    return added.map((job) => job.id);
  }

  /** Pauses a queued or running job; resolves once the paused status is on disk. */
  async pause(jobId: JobId): Promise<void> {
    await this.job(jobId).pause();
  }

  /** Resumes a paused job (it reconciles with ListParts before sending). */
  async resume(jobId: JobId): Promise<void> {
    this.assertOpen();
    await this.job(jobId).resume();
  }

  /** Retries a failed job; it continues with its uploadId and finished parts. */
  async retry(jobId: JobId): Promise<void> {
    this.assertOpen();
    await this.job(jobId).retry();
  }

  /**
   * Cancels a job and aborts its upload on the server; resolves once canceled. Rejects with EngineError JobFailed
   * (the job is then failed, its uploadId kept) when the server would not abort the upload.
   */
  async cancel(jobId: JobId): Promise<void> {
    this.assertOpen();
    const job = this.job(jobId);
    const cancel = job.cancel();
    this.track(cancel);
    await cancel;
  }

  /**
   * Removes an idle job (paused, failed, completed or canceled) and its journal record. A paused or failed job with
   * an upload on the server needs the user's choice: keep the upload (for later, e.g. the incomplete-upload
   * manager) or abort it; the abort must succeed before the job goes.
   */
  async remove(jobId: JobId, options: RemoveOptions = {}): Promise<void> {
    this.assertOpen();
    const job = this.job(jobId);
    if (!canRemove(job.status)) {
      throw new EngineError('JobBusy', `Job ${jobId} is ${job.status}: pause or cancel it before removing it`);
    }
    if (!isTerminal(job.status) && job.uploadId !== undefined) {
      if (options.server === undefined) {
        throw new EngineError('ServerChoiceRequired', `Job ${jobId} has upload ${job.uploadId} on the server: choose to keep or abort it`);
      }
      if (options.server === 'abort') await this.cancel(jobId);
    }
    await job.settled();
    this.jobs.delete(jobId);
    this.events.jobRemoved(jobId);
    await this.journal.remove(jobId);
  }

  /** Pauses every job that can pause. */
  async pauseAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((job) => canPause(job.status)).map((job) => job.pause()));
  }

  /** Resumes every paused job. */
  async resumeAll(): Promise<void> {
    this.assertOpen();
    await Promise.all([...this.jobs.values()].filter((job) => canResume(job.status)).map((job) => job.resume()));
  }

  /** Removes every completed and canceled job; returns their ids. */
  async clearFinished(): Promise<JobId[]> {
    const finished = [...this.jobs.values()].filter((job) => isTerminal(job.status)).map((job) => job.id);
    for (const jobId of finished) await this.remove(jobId);
    return finished;
  }

  /** Every job, in the order added. */
  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((job) => job.snapshot());
  }

  /** One job, or undefined. */
  get(jobId: JobId): JobSnapshot | undefined {
    return this.jobs.get(jobId)?.snapshot();
  }

  /** Every part of a job, ascending (for the part map of the job being looked at). */
  getParts(jobId: JobId): PartSnapshot[] {
    return this.job(jobId).table.snapshots();
  }

  /** The job that owns a multipart upload, if any (the incomplete-upload manager shows ownership with it). */
  findJobByUpload(bucket: string, key: string, uploadId: string): JobSnapshot | undefined {
    for (const job of this.jobs.values()) {
      if (job.uploadId === uploadId && job.destination.bucket === bucket && job.destination.key === key) return job.snapshot();
    }
    return undefined;
  }

  /** The settings in force. */
  settings(): EngineSettings {
    return this.current;
  }

  /** Changes settings at run time (see engine-settings.ts for what applies when); returns the new settings. */
  updateSettings(update: EngineSettingsUpdate): EngineSettings {
    const next = resolveEngineSettings(this.current, update);
    this.current = next;
    this.scheduler.setLimits({ maxRequests: next.maxRequests, maxFiles: next.maxFiles });
    this.limiter.setBytesPerSecond(next.bandwidthBytesPerSecond);
    for (const job of this.jobs.values()) job.pumpParts?.();
    return next;
  }

  /** Subscribes to batched changes (at most one batch per 200 ms); returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    return this.events.subscribe(listener);
  }

  /**
   * Resolves when no job is queued, running or canceling, every pending journal write is on disk and the last
   * change batch went out (the CLI waits for this; so do tests).
   */
  async waitForIdle(): Promise<void> {
    for (;;) {
      const pending = [...[...this.jobs.values()].map((job) => job.settled()), ...this.cancels];
      await Promise.all(pending);
      const after = [...[...this.jobs.values()].map((job) => job.settled()), ...this.cancels];
      if (after.length === pending.length && after.every((promise, index) => promise === pending[index])) break;
    }
    await this.journal.flushAll().catch(() => undefined); // each failure was reported through onJournalError
    this.events.flush();
  }

  /**
   * Stops every request without changing statuses (jobs that were running come back per settings.resumeOnStart;
   * call pauseAll() first to have them come back paused), writes the journal and sends the last batch. The clients
   * are not closed: they belong to whoever resolves them.
   */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.jobs.values()) job.halt();
    await Promise.all([...this.jobs.values()].map((job) => job.settled()));
    await Promise.all(this.cancels);
    await this.journal.flushAll().catch(() => undefined);
    this.events.flush();
  }

  private job(jobId: JobId): UploadJob {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new EngineError('JobNotFound', `No job ${jobId}`);
    return job;
  }

  private assertOpen(): void {
    if (this.closed) throw new EngineError('EngineClosed', 'The upload engine has been shut down');
  }

  /** Keeps a cancel in flight visible to waitForIdle and shutdown; its outcome is the job's status. */
  private track(cancel: Promise<void>): void {
    const settled = cancel.then(
      () => undefined,
      () => undefined,
    );
    this.cancels.add(settled);
    void settled.then(() => this.cancels.delete(settled));
  }
}
