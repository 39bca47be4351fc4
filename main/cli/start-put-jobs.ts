// Which engine jobs a `put` runs. Re-running the same `put` with the same state directory must continue, not start
// over (issue 3 item 10): a journaled job for the same (file, account, bucket, key) is resumed or retried, and one
// that an interrupted run already completed counts as done while its file is unchanged; only files without one get
// a new job. `--restart` aborts such an upload on the server and starts afresh (the way out when the file changed
// since, which the engine refuses to mix).
import type { JobId, JobSnapshot } from '../../shared/models/job';
import type { UploadEngine } from '../uploads/upload-engine';
import type { PlannedUpload } from './plan-destinations';

/** What startPutJobs needs of the engine. */
export type PutEngine = Pick<UploadEngine, 'list' | 'addFiles' | 'resume' | 'retry' | 'cancel' | 'remove'>;

/** What startPutJobs did. */
export interface StartedPutJobs {
  /** One job per planned upload, in the same order. */
  readonly ids: readonly JobId[];
  /** How many of them continue a journaled job. */
  readonly continued: number;
  /** Unfinished jobs in the state directory that this `put` does not touch. */
  readonly others: readonly JobSnapshot[];
}

function sameTarget(job: JobSnapshot, upload: PlannedUpload, accountId: string): boolean {
  return (
    job.localPath === upload.localPath &&
    job.destination.accountId === accountId &&
    job.destination.bucket === upload.bucket &&
    job.destination.key === upload.key
  );
}

/** Starts (or continues) one job per upload; see the file comment. */
export async function startPutJobs(
  engine: PutEngine,
  uploads: readonly PlannedUpload[],
  accountId: string,
  restart: boolean,
  isUnchanged: (job: JobSnapshot) => Promise<boolean>,
): Promise<StartedPutJobs> {
  const journaled = engine.list();
  const claimed = new Set<JobId>();
  const ids: (JobId | undefined)[] = [];
  const fresh: { index: number; upload: PlannedUpload }[] = [];
  let continued = 0;
  for (const [index, upload] of uploads.entries()) {
    // The newest matching job wins; older duplicates (there should be none) are left alone.
    const match = journaled.filter((job) => sameTarget(job, upload, accountId)).sort((a, b) => b.createdAtMs - a.createdAtMs)[0];
    if (match !== undefined) claimed.add(match.id);
    const status = match?.status;
    if (match === undefined || status === 'canceling') {
      fresh.push({ index, upload });
    } else if (status === 'completed' && !restart && (await isUnchanged(match))) {
      // Uploaded by an earlier run of this command that did not get to the end: nothing left to do for it.
      ids[index] = match.id;
      continued += 1;
    } else if (status === 'completed' || status === 'canceled') {
      await engine.remove(match.id);
      fresh.push({ index, upload });
    } else if (restart) {
      if (status === 'paused' || status === 'failed') await engine.remove(match.id, { server: 'abort' });
      else await engine.cancel(match.id);
      fresh.push({ index, upload });
    } else {
      if (status === 'paused') await engine.resume(match.id);
      else if (status === 'failed') await engine.retry(match.id);
      ids[index] = match.id;
      continued += 1;
    }
  }
  const added = await engine.addFiles(
    fresh.map(({ upload }) => ({ localPath: upload.localPath, destination: { accountId, bucket: upload.bucket, key: upload.key } })),
  );
  fresh.forEach(({ index }, i) => (ids[index] = added[i]));
  const others = journaled.filter((job) => !claimed.has(job.id) && job.status !== 'completed' && job.status !== 'canceled');
  return { ids: ids.filter((id): id is JobId => id !== undefined), continued, others };
}
