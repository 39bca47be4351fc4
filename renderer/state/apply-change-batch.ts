// Pure reducers of the jobs store: how a job list, an engine batch and a part list combine. Kept apart from the
// store so each rule is tested without React or a bridge. Unchanged jobs keep their object identity: rows select
// their own job by id, so identity is what stops one job's progress from re-rendering the others.
import type { EngineChangeBatch, JobId, JobSnapshot, PartSnapshot } from '../../shared/models/job';

/** Jobs by id plus their display order (oldest first, as the engine lists them). */
export interface JobTable {
  readonly jobs: Readonly<Record<string, JobSnapshot>>;
  readonly order: readonly JobId[];
}

/** A table from a full list (uploads.list). */
export function tableFromList(list: readonly JobSnapshot[]): JobTable {
  const jobs: Record<string, JobSnapshot> = {};
  const order: JobId[] = [];
  for (const job of list) {
    if (jobs[job.id] === undefined) order.push(job.id);
    jobs[job.id] = job;
  }
  return { jobs, order };
}

/** Upserts the batch's jobs (new ones appended in batch order) and drops its removed ids. */
export function applyJobChanges(table: JobTable, batch: Pick<EngineChangeBatch, 'jobs' | 'removedJobIds'>): JobTable {
  if (batch.jobs.length === 0 && batch.removedJobIds.length === 0) return table;
  const jobs: Record<string, JobSnapshot> = { ...table.jobs };
  let order = table.order;
  const added: JobId[] = [];
  for (const job of batch.jobs) {
    if (jobs[job.id] === undefined && !added.includes(job.id)) added.push(job.id);
    jobs[job.id] = job;
  }
  if (added.length > 0) order = [...order, ...added];
  if (batch.removedJobIds.length > 0) {
    const removed = new Set<string>(batch.removedJobIds);
    for (const id of removed) delete jobs[id];
    order = order.filter((id) => !removed.has(id));
  }
  return { jobs, order };
}

/** A part list indexed by `partNumber - 1` (part numbers are 1..N without gaps, oss-protocol.md §6.3). */
export type PartList = readonly (PartSnapshot | undefined)[];

/** A part list from uploads.getParts. */
export function partListFrom(parts: readonly PartSnapshot[]): PartList {
  const list: (PartSnapshot | undefined)[] = [];
  for (const part of parts) list[part.partNumber - 1] = part;
  // Holes from a sparse answer become explicit undefined entries, so `length` is the part count.
  return Array.from(list);
}

/** The batch's part updates that concern `jobId`. */
export function partsOfJob(batch: Pick<EngineChangeBatch, 'parts'>, jobId: JobId): readonly PartSnapshot[] {
  const mine: PartSnapshot[] = [];
  for (const change of batch.parts) if (change.jobId === jobId) mine.push(change.part);
  return mine;
}

/**
 * Applies part updates to a list; returns the same list when nothing applies. With `keepDone`, an update never turns
 * a done part back into another state: used for updates that arrived while uploads.getParts was in flight, whose
 * order relative to that answer is unknown (events and answers travel separately), and a done part never
 * legitimately becomes undone within one upload.
 */
export function applyPartUpdates(list: PartList, updates: readonly PartSnapshot[], keepDone = false): PartList {
  if (updates.length === 0) return list;
  const next = list.slice();
  for (const part of updates) {
    const current = next[part.partNumber - 1];
    if (keepDone && current?.state.kind === 'done' && part.state.kind !== 'done') continue;
    next[part.partNumber - 1] = part;
  }
  return next;
}

/**
 * Merges the answer of uploads.list into a table that batches may already have filled (the store listens before it
 * asks, so nothing is missed): a job keeps whichever snapshot is newer, and ids removed meanwhile stay removed.
 */
export function mergeListAnswer(table: JobTable, list: readonly JobSnapshot[], removedMeanwhile: ReadonlySet<string>): JobTable {
  const fromList = tableFromList(list.filter((job) => !removedMeanwhile.has(job.id)));
  const jobs: Record<string, JobSnapshot> = { ...fromList.jobs };
  const order = [...fromList.order];
  for (const id of table.order) {
    const seen = table.jobs[id];
    if (seen === undefined) continue;
    const listed = jobs[id];
    if (listed === undefined) order.push(id);
    if (listed === undefined || seen.updatedAtMs > listed.updatedAtMs) jobs[id] = seen;
  }
  return { jobs, order };
}
