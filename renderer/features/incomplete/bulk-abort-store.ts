// Runs the bulk-abort flow against the bridge: a dry run (or the selected rows) becomes a preview with its keys and
// total bytes, the confirmed run aborts exactly the previewed uploads under a fresh operation id, and per-item results
// arrive as 'incomplete.bulkAbortProgress' events (main/incomplete/bulk-abort.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BucketRef } from '../../../shared/ipc/command-payloads';
import type { BridgeApi } from '../../../shared/ipc/contract';
import { MAX_SELECTION_SIZE } from '../../../shared/ipc/schema-primitives';
import type { AbortTarget, BulkAbortTarget, UploadSelection } from '../../../shared/models/remote-upload';
import { applyBulkAbortProgress, daysToMs, finishBulkAbort, startCounts, type BulkAbortPhase, type BulkAbortRequest } from './bulk-abort-state';
import { uploadRowKey } from './upload-row-key';

/** The flow's state plus the bucket it acts on. */
export type BulkAbortState = BulkAbortPhase & { readonly bucketRef: BucketRef | undefined };

/** What the bulk-abort panel can ask. */
export interface BulkAbortActions {
  /** Dry run of "every upload under `prefix` initiated at least `olderThanDays` ago". */
  previewFilter(bucketRef: BucketRef, prefix: string, olderThanDays: number): Promise<void>;
  /** Preview of rows the user selected (already listed, so no dry run is needed). */
  previewSelection(bucketRef: BucketRef, targets: readonly AbortTarget[]): Promise<void>;
  /** Aborts what the preview shows. */
  confirm(): Promise<void>;
  /** Asks main to stop a running bulk abort; items in flight still finish. */
  cancel(): Promise<void>;
  /** Closes a preview, a result or an error. Does nothing while a run is in flight. */
  dismiss(): void;
}

/** The bulk-abort store. */
export type BulkAbortStore = { readonly state: BulkAbortState } & BulkAbortActions;

/** What the store needs from the outside. */
export interface BulkAbortStoreDeps {
  readonly api: Pick<BridgeApi, 'incomplete' | 'on'>;
  /** A fresh id per run (crypto.randomUUID() in the app). */
  readonly newOperationId: () => string;
  /** Told about uploads that no longer exist, in batches, so the browser can drop their rows. */
  readonly onRemoved: (uploads: readonly UploadSelection[]) => void;
  /** Runs the removal flush later; the default batches one event burst (16 aborts in flight) into one list update. */
  readonly scheduleRemovalFlush?: ((flush: () => void) => void) | undefined;
}

// incomplete.stats accepts one browse page's worth at a time (shared/ipc/schemas.ts).
const STATS_CHUNK = 1000;
const REMOVAL_FLUSH_DELAY_MS = 100;

/** Builds the bulk-abort store; it listens to progress events for as long as it lives. */
export function createBulkAbortStore(deps: BulkAbortStoreDeps): StoreApi<BulkAbortStore> & { dispose(): void } {
  const api = deps.api.incomplete;
  const schedule = deps.scheduleRemovalFlush ?? ((flush: () => void) => void setTimeout(flush, REMOVAL_FLUSH_DELAY_MS));
  // Each preview gets a token; stats answers for a preview that is no longer shown are dropped.
  let previewToken = 0;
  let removed: UploadSelection[] = [];
  // Row keys reported removed during the current run, so the final answer does not report them twice.
  let removedInRun = new Set<string>();
  let removalScheduled = false;

  function flushRemoved(): void {
    removalScheduled = false;
    if (removed.length === 0) return;
    const batch = removed;
    removed = [];
    deps.onRemoved(batch);
  }

  function noteRemoved(upload: UploadSelection): void {
    const rowKey = uploadRowKey(upload);
    if (removedInRun.has(rowKey)) return;
    removedInRun.add(rowKey);
    removed.push({ key: upload.key, uploadId: upload.uploadId });
    if (!removalScheduled) {
      removalScheduled = true;
      schedule(flushRemoved);
    }
  }

  const store = createStore<BulkAbortStore>()((set, get) => {
    const setPhase = (phase: BulkAbortPhase): void => set({ state: { ...phase, bucketRef: get().state.bucketRef } });

    async function countBytes(token: number, bucketRef: BucketRef, targets: readonly AbortTarget[]): Promise<void> {
      for (let start = 0; start < targets.length; start += STATS_CHUNK) {
        const uploads = targets.slice(start, start + STATS_CHUNK).map((t) => ({ key: t.key, uploadId: t.uploadId }));
        const result = await api.stats({ ...bucketRef, uploads });
        const current = get().state;
        if (token !== previewToken || current.phase !== 'preview') return;
        let bytes = 0;
        let counted = 0;
        let failed = 0;
        if (result.ok) {
          for (const entry of result.value) {
            if (entry.ok) {
              bytes += entry.stats.bytesStored;
              counted += 1;
            } else failed += 1;
          }
        } else failed = uploads.length;
        const before = current.bytes;
        setPhase({ ...current, bytes: { bytes: before.bytes + bytes, counted: before.counted + counted, failed: before.failed + failed } });
      }
    }

    async function showPreview(bucketRef: BucketRef, request: BulkAbortRequest, targets: readonly AbortTarget[]): Promise<void> {
      const token = previewToken;
      set({ state: { phase: 'preview', request, targets, bytes: { bytes: 0, counted: 0, failed: 0 }, bucketRef } });
      await countBytes(token, bucketRef, targets);
    }

    function runTarget(request: BulkAbortRequest, targets: readonly AbortTarget[]): BulkAbortTarget {
      // Abort exactly what the preview showed: a filter evaluated again could now match uploads nobody saw. Only a
      // preview larger than one selection may carry (MAX_SELECTION_SIZE) falls back to the filter it came from.
      if (request.kind === 'filter' && targets.length > MAX_SELECTION_SIZE) return { kind: 'filter', filter: request.filter };
      return { kind: 'selection', uploads: targets.map((t) => ({ key: t.key, uploadId: t.uploadId })) };
    }

    return {
      state: { phase: 'idle', bucketRef: undefined },

      async previewFilter(bucketRef, prefix, olderThanDays) {
        if (get().state.phase === 'running') return;
        previewToken += 1;
        const token = previewToken;
        const olderThanMs = daysToMs(olderThanDays);
        const request: BulkAbortRequest = { kind: 'filter', filter: { prefix, olderThanMs }, olderThanDays };
        set({ state: { phase: 'listing', request, bucketRef } });
        const result = await api.bulkAbort({
          ...bucketRef,
          operationId: deps.newOperationId(),
          target: { kind: 'filter', filter: request.filter },
          dryRun: true,
        });
        if (token !== previewToken) return;
        if (!result.ok) return setPhase({ phase: 'error', error: result.error });
        const answer = result.value;
        await showPreview(bucketRef, request, answer.dryRun ? answer.targets : []);
      },

      async previewSelection(bucketRef, targets) {
        if (get().state.phase === 'running' || targets.length === 0) return;
        previewToken += 1;
        await showPreview(bucketRef, { kind: 'selection', targets }, targets);
      },

      async confirm() {
        const current = get().state;
        const bucketRef = current.bucketRef;
        if (current.phase !== 'preview' || bucketRef === undefined || current.targets.length === 0) return;
        previewToken += 1;
        const operationId = deps.newOperationId();
        removedInRun = new Set();
        const target = runTarget(current.request, current.targets);
        // Running before the command is sent: progress events can arrive before its answer.
        setPhase({ phase: 'running', operationId, canceling: false, ...startCounts(current.targets.length) });
        const result = await api.bulkAbort({ ...bucketRef, operationId, target, dryRun: false });
        const latest = get().state;
        if (latest.phase !== 'running' || latest.operationId !== operationId) return;
        if (!result.ok) {
          flushRemoved();
          return setPhase({ phase: 'error', error: result.error });
        }
        if (result.value.dryRun) return;
        for (const item of result.value.result.results) {
          if (item.outcome !== 'failed') noteRemoved(item);
        }
        flushRemoved();
        setPhase(finishBulkAbort(result.value.result));
      },

      async cancel() {
        const current = get().state;
        if (current.phase !== 'running' || current.canceling) return;
        setPhase({ ...current, canceling: true });
        const result = await api.cancelBulkAbort({ operationId: current.operationId });
        const latest = get().state;
        if (!result.ok && latest.phase === 'running' && latest.operationId === current.operationId) setPhase({ ...latest, canceling: false });
      },

      dismiss() {
        if (get().state.phase === 'running') return;
        previewToken += 1;
        setPhase({ phase: 'idle' });
      },
    };
  });

  const unsubscribe = deps.api.on('incomplete.bulkAbortProgress', (event) => {
    const current = store.getState().state;
    const next = applyBulkAbortProgress(current, event);
    if (next === current) return;
    if (event.item.outcome !== 'failed') noteRemoved(event.item);
    store.setState({ state: { ...next, bucketRef: current.bucketRef } });
  });

  return Object.assign(store, { dispose: unsubscribe });
}
