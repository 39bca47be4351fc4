// State of the incomplete-uploads browser (issue 6 item 4): one bucket and prefix at a time, pages appended as the user
// scrolls (the server's own cursor, oss-protocol.md §6.6), part counts and bytes filled in lazily for the rows on screen,
// single aborts and the selection. Everything the server answers for an older location is dropped (`generation`).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { WireError } from '../../../shared/ipc/result';
import type { AbortItemResult, RemoteUpload, RemoteUploadStats, UploadCursor, UploadSelection } from '../../../shared/models/remote-upload';
import { uploadRowKey } from './upload-row-key';

/** Which listing the browser shows. */
export interface BrowseLocation {
  readonly accountId: string;
  readonly bucket: string;
  /** '' for the bucket's root; otherwise a folder (ends with the delimiter) or a typed prefix. */
  readonly prefix: string;
}

/** The lazily loaded part count and bytes of one row. */
export type StatsCell =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly stats: RemoteUploadStats }
  | { readonly state: 'error'; readonly error: WireError };

/** Why the last abort of a row failed (a failed Result, or a failed outcome). */
export type RowError = Pick<WireError, 'code' | 'message'> & { readonly requestId?: string | undefined; readonly advice?: string | undefined };

/** Everything the browser screen shows. */
export interface IncompleteState {
  readonly location: BrowseLocation | undefined;
  /** Folders (CommonPrefixes) of the pages loaded so far, deduplicated, in server order. */
  readonly folders: readonly string[];
  /** Uploads of the pages loaded so far, in server order. */
  readonly uploads: readonly RemoteUpload[];
  readonly nextCursor: UploadCursor | undefined;
  /** True once the last page arrived. */
  readonly complete: boolean;
  readonly loading: boolean;
  /** Why the last page could not be loaded. */
  readonly loadError: WireError | undefined;
  /** By uploadRowKey. */
  readonly stats: Readonly<Record<string, StatsCell>>;
  /** By uploadRowKey. */
  readonly selected: Readonly<Record<string, true>>;
  /** Rows whose abort is in flight, by uploadRowKey. */
  readonly aborting: Readonly<Record<string, true>>;
  /** Rows whose last abort failed, by uploadRowKey. */
  readonly rowErrors: Readonly<Record<string, RowError>>;
}

/** What the browser can be asked to do. */
export interface IncompleteActions {
  /** Shows a bucket (and prefix) from its first page; forgets everything about the previous location. */
  open(location: BrowseLocation): Promise<void>;
  /** Opens a folder (or the root, '') of the current bucket. */
  openPrefix(prefix: string): Promise<void>;
  /** Loads the page after the last one; does nothing while a page loads or after the last page. */
  loadMore(): Promise<void>;
  /** Lists the current location again from its first page. */
  refresh(): Promise<void>;
  /** Asks for the stats of rows that are on screen; requests are collected and sent in batches. */
  requestStats(uploads: readonly UploadSelection[]): void;
  /** Aborts one upload; its row goes away when it was aborted or already gone, otherwise it keeps the error. */
  abortOne(upload: UploadSelection): Promise<AbortItemResult | undefined>;
  /** Drops rows (aborted elsewhere, by a bulk abort or a completed resume). */
  removeRows(uploads: readonly UploadSelection[]): void;
  toggleSelected(upload: UploadSelection): void;
  /** Selects every loaded upload, or none. */
  selectAll(selected: boolean): void;
}

/** The browser store: state and actions together, as zustand keeps them. */
export type IncompleteStore = IncompleteState & IncompleteActions;

/** What the store needs from the outside. */
export interface IncompleteStoreDeps {
  readonly api: Pick<BridgeApi, 'incomplete'>;
  /** Uploads per page; the server's maximum is 1000 (shared/limits.ts). */
  readonly pageSize?: number | undefined;
  /** Runs the stats flush later; the default waits a little so one scroll's rows go in one request. */
  readonly scheduleStatsFlush?: ((flush: () => void) => void) | undefined;
  /** Uploads per incomplete.stats request (main lists the parts of each, a few at a time). */
  readonly statsBatchSize?: number | undefined;
}

/** The folder delimiter: OSS consoles and tools show `/`-separated keys as folders. */
export const FOLDER_DELIMITER = '/';
// Long enough to gather the rows one scroll frame mounts, short enough that numbers appear "at once".
const STATS_FLUSH_DELAY_MS = 80;
// A small batch answers quickly (main lists the parts of each upload, four at a time) while bounding the request count.
const DEFAULT_STATS_BATCH = 50;

const EMPTY_LISTING = {
  folders: [],
  uploads: [],
  nextCursor: undefined,
  complete: false,
  loading: false,
  loadError: undefined,
  stats: {},
  selected: {},
  aborting: {},
  rowErrors: {},
} as const satisfies Omit<IncompleteState, 'location'>;

function without<V>(record: Readonly<Record<string, V>>, keys: readonly string[]): Record<string, V> {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
}

function failureOf(item: AbortItemResult): RowError | undefined {
  return item.outcome === 'failed' ? item.error : undefined;
}

/** Builds a browser store over a bridge (the app passes window.uploader, tests a fake). */
export function createIncompleteStore(deps: IncompleteStoreDeps): StoreApi<IncompleteStore> {
  const api = deps.api.incomplete;
  const pageSize = deps.pageSize ?? 1000;
  const statsBatchSize = deps.statsBatchSize ?? DEFAULT_STATS_BATCH;
  const schedule = deps.scheduleStatsFlush ?? ((flush: () => void) => void setTimeout(flush, STATS_FLUSH_DELAY_MS));
  // Bumped on every new listing: answers that carry an older value belong to a location no longer shown.
  let generation = 0;
  const pendingStats = new Map<string, UploadSelection>();
  let flushScheduled = false;

  return createStore<IncompleteStore>()((set, get) => {
    async function loadPage(expected: number): Promise<void> {
      const { location, nextCursor } = get();
      if (location === undefined) return;
      set({ loading: true, loadError: undefined });
      const result = await api.browse({
        accountId: location.accountId,
        bucket: location.bucket,
        prefix: location.prefix,
        delimiter: FOLDER_DELIMITER,
        pageSize,
        ...(nextCursor === undefined ? {} : { cursor: nextCursor }),
      });
      if (expected !== generation) return;
      if (!result.ok) {
        set({ loading: false, loadError: result.error });
        return;
      }
      const page = result.value;
      set((state) => {
        const known = new Set(state.folders);
        const newFolders = page.folders.filter((folder) => !known.has(folder));
        return {
          loading: false,
          folders: newFolders.length === 0 ? state.folders : [...state.folders, ...newFolders],
          uploads: page.uploads.length === 0 ? state.uploads : [...state.uploads, ...page.uploads],
          nextCursor: page.nextCursor,
          complete: page.nextCursor === undefined,
        };
      });
    }

    async function flushStats(): Promise<void> {
      flushScheduled = false;
      const location = get().location;
      const batch = [...pendingStats.values()];
      pendingStats.clear();
      if (location === undefined || batch.length === 0) return;
      const expected = generation;
      const requests: Promise<void>[] = [];
      for (let start = 0; start < batch.length; start += statsBatchSize) {
        const uploads = batch.slice(start, start + statsBatchSize);
        requests.push(
          api.stats({ accountId: location.accountId, bucket: location.bucket, uploads }).then((result) => {
            if (expected !== generation) return;
            const cells: Record<string, StatsCell> = {};
            if (result.ok) {
              for (const entry of result.value) {
                cells[uploadRowKey(entry)] = entry.ok ? { state: 'ready', stats: entry.stats } : { state: 'error', error: entry.error };
              }
            } else {
              for (const upload of uploads) cells[uploadRowKey(upload)] = { state: 'error', error: result.error };
            }
            set((state) => ({ stats: { ...state.stats, ...cells } }));
          }),
        );
      }
      await Promise.all(requests);
    }

    return {
      location: undefined,
      ...EMPTY_LISTING,

      async open(location) {
        generation += 1;
        pendingStats.clear();
        set({ location, ...EMPTY_LISTING });
        await loadPage(generation);
      },

      async openPrefix(prefix) {
        const location = get().location;
        if (location === undefined) return;
        await get().open({ ...location, prefix });
      },

      async loadMore() {
        const state = get();
        if (state.location === undefined || state.loading || state.complete || state.loadError !== undefined) return;
        await loadPage(generation);
      },

      async refresh() {
        const location = get().location;
        if (location !== undefined) await get().open(location);
      },

      requestStats(uploads) {
        const stats = get().stats;
        const loading: Record<string, StatsCell> = {};
        for (const upload of uploads) {
          const key = uploadRowKey(upload);
          if (stats[key] !== undefined || pendingStats.has(key)) continue;
          pendingStats.set(key, { key: upload.key, uploadId: upload.uploadId });
          loading[key] = { state: 'loading' };
        }
        if (Object.keys(loading).length === 0) return;
        set((state) => ({ stats: { ...state.stats, ...loading } }));
        if (!flushScheduled) {
          flushScheduled = true;
          schedule(() => void flushStats());
        }
      },

      async abortOne(upload) {
        const location = get().location;
        if (location === undefined) return undefined;
        const key = uploadRowKey(upload);
        const expected = generation;
        set((state) => ({ aborting: { ...state.aborting, [key]: true }, rowErrors: without(state.rowErrors, [key]) }));
        const result = await api.abort({ accountId: location.accountId, bucket: location.bucket, key: upload.key, uploadId: upload.uploadId });
        if (expected !== generation) return result.ok ? result.value : undefined;
        set((state) => ({ aborting: without(state.aborting, [key]) }));
        if (!result.ok) {
          set((state) => ({ rowErrors: { ...state.rowErrors, [key]: result.error } }));
          return undefined;
        }
        const failure = failureOf(result.value);
        if (failure !== undefined) set((state) => ({ rowErrors: { ...state.rowErrors, [key]: failure } }));
        else get().removeRows([upload]);
        return result.value;
      },

      removeRows(uploads) {
        if (uploads.length === 0) return;
        const keys = uploads.map(uploadRowKey);
        const gone = new Set(keys);
        set((state) => ({
          uploads: state.uploads.filter((row) => !gone.has(uploadRowKey(row))),
          selected: without(state.selected, keys),
          stats: without(state.stats, keys),
          rowErrors: without(state.rowErrors, keys),
          aborting: without(state.aborting, keys),
        }));
      },

      toggleSelected(upload) {
        const key = uploadRowKey(upload);
        set((state) => (state.selected[key] ? { selected: without(state.selected, [key]) } : { selected: { ...state.selected, [key]: true } }));
      },

      selectAll(selected) {
        if (!selected) {
          set({ selected: {} });
          return;
        }
        const all: Record<string, true> = {};
        for (const row of get().uploads) all[uploadRowKey(row)] = true;
        set({ selected: all });
      },
    };
  });
}

/** The selected uploads, in list order. */
export function selectedUploads(state: Pick<IncompleteState, 'uploads' | 'selected'>): readonly RemoteUpload[] {
  return state.uploads.filter((row) => state.selected[uploadRowKey(row)] === true);
}
