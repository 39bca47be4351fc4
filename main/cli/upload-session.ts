// One `put` or `resume` run's hold on a state directory: the lock, the accounts, the clients and the upload engine
// restored from the journal. close() pauses whatever still runs, flushes the journal, closes the connections and
// releases the lock, in that order, whatever happened before.
import { mkdir } from 'node:fs/promises';
import type { Credentials } from '../oss/credentials';
import type { EngineSettings } from '../uploads/engine-settings';
import type { JournalLoadProblem } from '../uploads/job-journal';
import { UploadEngine } from '../uploads/upload-engine';
import { loadAccounts, saveAccount } from './cli-account-store';
import type { EndpointSettings } from './connection-options';
import { OssClientPool } from './oss-client-factory';
import { lockStateDir } from './state-dir-lock';

/** What openUploadSession needs. */
export interface UploadSessionOptions {
  readonly stateDir: string;
  readonly settings: EngineSettings;
  readonly credentials: Credentials;
  /** The account of a `put`: stored in the state directory so that `resume` can reach it later. */
  readonly account?: EndpointSettings | undefined;
}

/** An open state directory with its engine. */
export interface UploadSession {
  readonly stateDir: string;
  readonly engine: UploadEngine;
  readonly clients: OssClientPool;
  /** Journal files that could not be read (the journal moved them aside). */
  readonly journalProblems: readonly JournalLoadProblem[];
  /** Idempotent. */
  close(): Promise<void>;
}

/** Locks the state directory, stores the account, and restores the journaled jobs (they come back paused). */
export async function openUploadSession(options: UploadSessionOptions): Promise<UploadSession> {
  const { stateDir } = options;
  await mkdir(stateDir, { recursive: true });
  const unlock = await lockStateDir(stateDir);
  let engine: UploadEngine | undefined;
  let clients: OssClientPool | undefined;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      try {
        // Pause first so that jobs still running come back paused next time (shutdown alone keeps their status).
        await engine?.pauseAll();
        await engine?.shutdown();
      } finally {
        await clients?.closeAll();
        await unlock();
      }
    })());
  try {
    if (options.account !== undefined) await saveAccount(stateDir, options.account);
    const pool = new OssClientPool(await loadAccounts(stateDir), options.credentials, options.settings.maxRequests);
    clients = pool;
    // resumeOnStart off: a `put` resumes only its own jobs, `resume` decides for every job itself.
    engine = new UploadEngine({
      stateDir,
      clients: (id) => pool.clientFor(id),
      settings: { ...options.settings, resumeOnStart: false },
    });
    const { problems } = await engine.restore();
    return { stateDir, engine, clients: pool, journalProblems: problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}
