import type { OssClient } from '../oss/oss-client';
import { isOssError, OssError } from '../oss/oss-error';
import { listAllParts } from '../oss/list-iterators';
import type { PartInfo } from '../oss/oss-types';
import { combinePartCrcs, completeUpload, objectMatches, verifiedByOf, verifyObjectCrc, type ObjectContext } from './job-complete';
import { CLIENT_UNAVAILABLE } from './job-error';
import { reconcileParts } from './job-reconcile';
import type { JobEvent } from './job-status';
import { errorCodeOf, sendPartWithRetries, uploadRemainingParts } from './job-part-pool';
import { putObjectOnce, type PartTarget } from './part-runner';
import { abortReasonOf, runWithRetries } from './request-retry';
import { assertReadable, sourceChangedError, statSource } from './source-file';
import type { JobContext } from './job-context';
import type { UploadJob } from './upload-job';

// One run of a job, from its file slot to completed (issue 3 items 2–7):
//   preparing   stat the file (changed since the upload started? → SourceChanged), plan, then Initiate (journaled
//               with the step to uploading, before any part is sent) or, with an uploadId, reconcile with ListParts;
//   uploading   parts through the scheduler, at most maxRequests of this job sending at a time (which bounds what a
//               crash re-sends: parallel × part size), each streamed once and verified (part-runner.ts);
//   completing  CompleteMultipartUpload from local records, or the single PutObject;
//   verifying   the object's CRC-64 against the parts' combination.
// Every await may come back to a job that was paused or canceled meanwhile: `step` and `move` check the run's
// signal before each transition, and whoever aborted the signal owns the status.
// Journal writes are fsynced, and a folder of small files pays them per file, so a run writes only what a restart
// needs: every status from preparing to verifying restores as queued (job-status.ts), so preparing, the step to a
// single PutObject and the step to verifying are not written on their own; the uploadId (before any part), every
// finished part (before Complete) and the outcome are.

class JobRun {
  private readonly objectContext: ObjectContext;
  private readonly target: PartTarget;

  constructor(
    private readonly job: UploadJob,
    private readonly ctx: JobContext,
    private readonly signal: AbortSignal,
    client: OssClient,
  ) {
    const { bucket, key } = job.destination;
    this.objectContext = { client, bucket, key, runner: ctx.runner, signal };
    this.target = {
      client,
      bucket,
      key,
      limiter: ctx.limiter,
      // Parts share the four-lane MD5 pool when this job (and so the pool) usually has several in flight; one at a
      // time, a lone lane is slower than OpenSSL.
      get md5Lanes() {
        return ctx.settings().maxRequests >= 2;
      },
      partsToCome: () => job.table.hasUnclaimed(),
      // Read through getters: preparing may take a new baseline before any byte is sent.
      source: {
        get path() {
          return job.localPath;
        },
        get sizeBytes() {
          return job.sizeBytes;
        },
        get mtimeMs() {
          return job.mtimeMs;
        },
      },
    };
  }

  private get client(): OssClient {
    return this.objectContext.client;
  }

  private throwIfAborted(): void {
    if (this.signal.aborted) throw abortReasonOf(this.signal);
  }

  /** A status change, journaled before the run goes on. */
  private async step(event: JobEvent): Promise<void> {
    this.move(event);
    await this.job.persistNow();
  }

  /**
   * The step to completed. Its journal write starts now, but the run (and with it the job's file slot) does not wait
   * for it: the object is on the server and verified, and a restart that finds the record before it still ends the
   * same way (a completing multipart job proves its object against the part CRCs in reconcile; a single-PUT job sends
   * its one part again). waitForIdle and shutdown wait for the write; a failure is reported like any background write.
   */
  private finish(): void {
    this.move({ type: 'verified' });
    this.job.persistInBackground();
  }

  /** A status change a restart would not tell apart from the one before it: not journaled on its own. */
  private move(event: JobEvent): void {
    this.throwIfAborted();
    this.job.advance(event);
  }

  async run(): Promise<void> {
    const finished = await this.prepare();
    if (finished) return;
    if (this.job.table.plan.mode === 'single') await this.uploadSingle();
    else await this.uploadMultipart();
  }

  /** Returns true when the job turned out to be complete already (see reconcile). */
  private async prepare(): Promise<boolean> {
    const { job } = this;
    const stat = await statSource(job.localPath);
    await assertReadable(job.localPath);
    this.throwIfAborted();
    if (job.uploadId !== undefined) {
      // Bytes of the file are on the server: a different file now would make the object a mix of two versions.
      if (stat.sizeBytes !== job.sizeBytes) throw sourceChangedError(job.localPath, `size ${job.sizeBytes} → ${stat.sizeBytes} bytes`);
      if (stat.mtimeMs !== job.mtimeMs) throw sourceChangedError(job.localPath, `modified at ${new Date(stat.mtimeMs).toISOString()}`);
    } else {
      job.rebase(stat);
    }
    if (job.table.plan.mode === 'single') {
      this.move({ type: 'prepared', mode: 'single' });
      return false;
    }
    if (job.uploadId === undefined) {
      await this.initiate();
      return false;
    }
    if (await this.reconcile()) return true;
    await this.step({ type: 'prepared', mode: 'multipart' });
    return false;
  }

  private async initiate(): Promise<void> {
    const { bucket, key } = this.job.destination;
    // The request itself gets no signal: an Initiate that reached the server must be recorded (and then aborted by
    // a cancel), or its upload would be orphaned. The wait for a slot and the backoff still honour the signal.
    const result = await runWithRetries(this.ctx.runner, 'initiate', this.signal, () =>
      this.client.initiateMultipartUpload({ bucket, key }),
    );
    this.job.uploadId = result.uploadId;
    this.job.changed();
    // One journal write for the uploadId and the step to uploading, on disk before any part is sent (issue 3 item 7).
    // A run paused or canceled meanwhile still writes the uploadId, so a cancel can abort the upload and Resume use it.
    if (!this.signal.aborted) this.job.advance({ type: 'prepared', mode: 'multipart' });
    await this.job.persistNow();
    this.throwIfAborted();
  }

  /** Aligns the part table with ListParts; true when the object turned out to be complete already. */
  private async reconcile(): Promise<boolean> {
    const { job } = this;
    const uploadId = job.uploadId ?? '';
    const { bucket, key } = job.destination;
    let serverParts: PartInfo[];
    try {
      serverParts = await runWithRetries(this.ctx.runner, 'control', this.signal, async () => {
        const all: PartInfo[] = [];
        for await (const page of listAllParts(this.client, { bucket, key, uploadId, signal: this.signal })) all.push(...page.parts);
        return all;
      });
    } catch (error) {
      // A Complete that went through just before a crash leaves NoSuchUpload behind; the object then proves it.
      if (errorCodeOf(error) === 'NoSuchUpload' && job.table.complete) {
        if (await objectMatches(this.objectContext, job.sizeBytes, combinePartCrcs(job.table.doneParts()))) {
          await this.finishFromExistingObject();
          return true;
        }
      }
      throw error;
    }
    const result = await reconcileParts({
      plan: job.table.plan,
      journalParts: job.table.doneParts(),
      serverParts,
      localPath: job.localPath,
      signal: this.signal,
    });
    this.throwIfAborted();
    job.table.clearDone();
    for (const part of result.kept) job.table.markDone(part.partNumber, part.etag, part.crc64, 0);
    for (let n = 1; n <= job.table.partCount; n += 1) job.partChanged(n);
    job.persistSoon();
    return false;
  }

  private async finishFromExistingObject(): Promise<void> {
    const { job } = this;
    this.throwIfAborted();
    const events: JobEvent[] = [{ type: 'prepared', mode: 'multipart' }, { type: 'partsFinished' }, { type: 'completeSucceeded' }];
    for (const event of events) job.advance(event);
    job.verifiedBy = verifiedByOf(job.table.doneParts());
    this.finish();
  }

  private async uploadSingle(): Promise<void> {
    const { job } = this;
    job.table.rewind();
    const verified = await sendPartWithRetries(job, this.ctx, 1, this.signal, (signal, onBytes) => putObjectOnce(this.target, signal, onBytes));
    job.table.markDone(1, verified.part.etag, verified.part.crc64, verified.attempts);
    job.partChanged(1);
    this.move({ type: 'completeSucceeded' });
    await verifyObjectCrc(this.objectContext, verified.part.crc64, job.sizeBytes, verified.part.reportedCrc64);
    job.verifiedBy = verified.part.verifiedBy;
    this.finish();
  }

  private async uploadMultipart(): Promise<void> {
    const { job } = this;
    await uploadRemainingParts(job, this.ctx, this.target, this.signal);
    this.throwIfAborted();
    await this.step({ type: 'partsFinished' }); // journals every part before Complete
    const parts = job.table.doneParts();
    const reportedCrc = await completeUpload(this.objectContext, job.uploadId ?? '', parts, job.sizeBytes);
    this.move({ type: 'completeSucceeded' });
    await verifyObjectCrc(this.objectContext, combinePartCrcs(parts), job.sizeBytes, reportedCrc);
    job.verifiedBy = verifiedByOf(parts);
    this.finish();
  }
}

/** Runs one job from queued to completed; rejects with the failure, or with the abort reason when interrupted. */
export async function runJob(job: UploadJob, ctx: JobContext, signal: AbortSignal): Promise<void> {
  const release = await ctx.runner.scheduler.acquireFileSlot(job.id, signal);
  try {
    if (signal.aborted) throw abortReasonOf(signal);
    job.advance({ type: 'start' });
    // The queued record on disk says what a restart needs; writing again proves only that the journal works, which
    // must be known before anything reaches the server (a failed write of the uploadId would orphan the upload).
    if (!job.journalWritable) await job.persistNow();
    let client: OssClient;
    try {
      client = await ctx.resolveClient(job.destination.accountId);
    } catch (error) {
      if (isOssError(error)) throw error;
      throw new OssError(
        { code: CLIENT_UNAVAILABLE, status: 0, retryable: false, message: `no client for account ${job.destination.accountId}: ${String(error)}` },
        { cause: error },
      );
    }
    await new JobRun(job, ctx, signal, client).run();
  } finally {
    release();
  }
}
