import type { JobId } from '../../shared/models/job';
import type { OssClient } from '../oss/oss-client';
import type { EngineSettingsUpdate } from './engine-settings';
import type { JournalLoadProblem } from './job-journal';
import type { Timers } from './timers';

// The shapes around UploadEngine's constructor and commands (upload-engine.ts).

/** Gives the OSS client of an account (the engine never closes it: its owner does). */
export type ClientResolver = (accountId: string) => OssClient | Promise<OssClient>;

/** Options of UploadEngine; stateDir and clients are required, the rest is injected by tests. */
export interface UploadEngineOptions {
  /** Directory of the job journal (one file per job). */
  readonly stateDir: string;
  readonly clients: ClientResolver;
  readonly settings?: EngineSettingsUpdate;
  /** Wall clock, epoch ms. */
  readonly now?: () => number;
  /** Backoff jitter, [0, 1). */
  readonly random?: () => number;
  /** Backoff waits; must honour the signal. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Timers of the change batcher and the journal throttle. */
  readonly timers?: Timers;
  readonly batchIntervalMs?: number;
  /** Minimum time between two throttled writes of one job's record (default 1 s). */
  readonly journalWriteIntervalMs?: number;
  /** Replaces the atomic journal file writer (tests: count writes, simulate a crash). */
  readonly journalWriteFile?: (path: string, data: string) => Promise<void>;
  /** Journal writes that failed where no caller could be told (background saves). */
  readonly onJournalError?: (jobId: JobId, error: unknown) => void;
}

/** What restore() found. */
export interface RestoreResult {
  readonly jobIds: readonly JobId[];
  /** Journal files that could not be read (moved aside as *.corrupt). */
  readonly problems: readonly JournalLoadProblem[];
}

/** How to treat the upload on the server when removing a paused or failed job. */
export interface RemoveOptions {
  readonly server?: 'keep' | 'abort';
}
