import type { JobId } from '../../shared/models/job';
import type { OssClient } from '../oss/oss-client';
import type { BandwidthLimiter } from './bandwidth-limiter';
import type { EngineSettings } from './engine-settings';
import type { JobJournal } from './job-journal';
import type { RetryRunner } from './request-retry';
import type { UploadJob } from './upload-job';

// What the engine lends every job: the shared scheduler (inside the retry runner), the bandwidth limiter, the
// journal, the account clients, the live settings, and the hooks through which jobs report their changes.

/** What every job shares with the engine. */
export interface JobContext {
  readonly runner: RetryRunner;
  readonly limiter: BandwidthLimiter;
  readonly journal: JobJournal;
  readonly resolveClient: (accountId: string) => Promise<OssClient>;
  readonly settings: () => EngineSettings;
  readonly now: () => number;
  /** The job's snapshot changed. */
  readonly jobChanged: (job: UploadJob) => void;
  /** One of its parts changed. */
  readonly partChanged: (job: UploadJob, partNumber: number) => void;
  /** A journal write failed where nobody could be told otherwise (e.g. while recording a failure). */
  readonly journalError: (jobId: JobId, error: unknown) => void;
}
