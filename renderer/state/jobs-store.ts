// Upload jobs as main reports them (issue 6 item 1): keyed by id, each 'uploads.changed' batch applied in one `set`,
// and part data only for the one job open in the detail panel. Components select narrowly (see job-selectors.ts):
// a row selects its own job, the list selects ids, the filter chips select counts.
import { create } from 'zustand';
import type { WireError } from '../../shared/ipc/result';
import type { EngineChangeBatch, JobId, PartSnapshot } from '../../shared/models/job';
import { getUploader } from '../bridge/uploader';
import {
  applyJobChanges,
  applyPartUpdates,
  mergeListAnswer,
  partListFrom,
  partsOfJob,
  type JobTable,
  type PartList,
} from './apply-change-batch';
import type { StatusFilter } from './job-status-groups';
import { reportFailure } from './notices-store';

/** What the jobs store holds and does. */
export interface JobsState extends JobTable {
  /** False until uploads.list answered. */
  readonly loaded: boolean;
  readonly filter: StatusFilter;
  /** The job shown in the detail panel. */
  readonly openJobId: JobId | undefined;
  /** Parts of the open job by `partNumber - 1`; undefined while they load (or when no job is open). */
  readonly parts: PartList | undefined;
  readonly partsError: WireError | undefined;
  /** Part updates of the open job that arrived while uploads.getParts was in flight (applied to its answer). */
  readonly pendingParts: readonly PartSnapshot[];
  /** Ids removed by batches while uploads.list was in flight. */
  readonly removedWhileLoading: ReadonlySet<string>;
  /** Follows 'uploads.changed' and fetches the list (idempotent). */
  load(): Promise<void>;
  /** Applies one engine batch in a single update. */
  applyBatch(batch: EngineChangeBatch): void;
  setFilter(filter: StatusFilter): void;
  /** Opens a job's detail (loading its parts) or closes it (undefined). */
  openJob(jobId: JobId | undefined): Promise<void>;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
let unsubscribe: (() => void) | undefined;

/** The initial state's data (also what tests reset to). */
export const INITIAL_JOBS_DATA = {
  jobs: {},
  order: [],
  loaded: false,
  filter: 'all',
  openJobId: undefined,
  parts: undefined,
  partsError: undefined,
  pendingParts: [],
  removedWhileLoading: EMPTY_SET,
} as const satisfies Omit<JobsState, 'load' | 'applyBatch' | 'setFilter' | 'openJob'>;

/** The jobs store. */
export const useJobsStore = create<JobsState>()((set, get) => ({
  ...INITIAL_JOBS_DATA,

  async load() {
    if (unsubscribe !== undefined) return;
    const uploader = getUploader();
    unsubscribe = uploader.on('uploads.changed', (batch) => get().applyBatch(batch));
    const result = await uploader.uploads.list();
    if (!result.ok) {
      reportFailure('uploads.list', result.error);
      return;
    }
    set((state) => ({
      ...mergeListAnswer(state, result.value, state.removedWhileLoading),
      loaded: true,
      removedWhileLoading: EMPTY_SET,
    }));
  },

  applyBatch(batch) {
    set((state) => {
      const table = applyJobChanges(state, batch);
      const removedWhileLoading =
        state.loaded || batch.removedJobIds.length === 0 ? state.removedWhileLoading : new Set([...state.removedWhileLoading, ...batch.removedJobIds]);
      const open = state.openJobId;
      if (open === undefined) return { ...table, removedWhileLoading };
      if (batch.removedJobIds.includes(open)) {
        return { ...table, removedWhileLoading, openJobId: undefined, parts: undefined, pendingParts: [], partsError: undefined };
      }
      const updates = partsOfJob(batch, open);
      if (updates.length === 0) return { ...table, removedWhileLoading };
      if (state.parts === undefined) return { ...table, removedWhileLoading, pendingParts: [...state.pendingParts, ...updates] };
      return { ...table, removedWhileLoading, parts: applyPartUpdates(state.parts, updates) };
    });
  },

  setFilter(filter) {
    set({ filter });
  },

  async openJob(jobId) {
    set({ openJobId: jobId, parts: undefined, partsError: undefined, pendingParts: [] });
    if (jobId === undefined) return;
    const result = await getUploader().uploads.getParts({ jobId });
    // The user may have opened another job (or closed this one) while the parts loaded.
    if (get().openJobId !== jobId) return;
    if (!result.ok) {
      set({ partsError: result.error, pendingParts: [] });
      return;
    }
    set((state) => ({ parts: applyPartUpdates(partListFrom(result.value), state.pendingParts, true), pendingParts: [] }));
  },
}));

/** Stops following events and empties the store (tests, hot reload). */
export function resetJobsStore(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  useJobsStore.setState(INITIAL_JOBS_DATA);
}
