// Whether a file is still the one a journaled job uploaded: same size and modification time as recorded when its
// upload started (the engine's own test for "file changed", issue 3 item 7). Used to skip files an interrupted run
// of the same `put` already completed. Reads the job's journal record through the journal's own path and decoder.
import { readFile, stat } from 'node:fs/promises';
import type { JobSnapshot } from '../../shared/models/job';
import { JobJournal } from '../uploads/job-journal';
import { decodeJournalRecord } from '../uploads/journal-record';

/** True when the job's file exists with the size and mtime its journal record holds; false on any doubt. */
export async function isFileUnchangedSinceJob(stateDir: string, job: JobSnapshot): Promise<boolean> {
  try {
    const text = await readFile(new JobJournal({ directory: stateDir }).pathOf(job.id), 'utf8');
    const decoded = decodeJournalRecord(JSON.parse(text) as unknown);
    if (!decoded.ok) return false;
    const info = await stat(job.localPath);
    return info.isFile() && info.size === decoded.record.sizeBytes && info.mtimeMs === decoded.record.mtimeMs;
  } catch {
    return false;
  }
}
