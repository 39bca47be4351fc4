import { describe, expect, it } from 'vitest';
import type { BulkAbortArgs } from '../../../shared/ipc/command-payloads';
import { errorResult, okResult } from '../../../shared/ipc/result';
import type { AbortItemResult, AbortTarget, UploadSelection } from '../../../shared/models/remote-upload';
import { applyBulkAbortProgress, daysToMs, startCounts } from './bulk-abort-state';
import { createBulkAbortStore } from './bulk-abort-store';
import { createFakeUploader } from '../../bridge/fake-uploader';

const bucketRef = { accountId: 'acc1', bucket: 'bucket-1' };
const targets: AbortTarget[] = [
  { key: 'old/a', uploadId: 'u1', initiated: '2024-01-01T00:00:00Z', ageMs: daysToMs(40) },
  { key: 'old/b', uploadId: 'u2', initiated: '2024-01-02T00:00:00Z', ageMs: daysToMs(39) },
  { key: 'old/c', uploadId: 'u3', initiated: '2024-01-03T00:00:00Z', ageMs: daysToMs(38) },
];

function setup() {
  const bridge = createFakeUploader();
  const removed: UploadSelection[][] = [];
  const flushes: (() => void)[] = [];
  let ids = 0;
  bridge.answer({
    'incomplete.stats': (args) => okResult(args.uploads.map((u) => ({ ...u, ok: true as const, stats: { partCount: 2, bytesStored: 1000 } }))),
  });
  const store = createBulkAbortStore({
    api: bridge.api,
    newOperationId: () => `op-${++ids}`,
    onRemoved: (uploads) => removed.push([...uploads]),
    scheduleRemovalFlush: (flush) => flushes.push(flush),
  });
  return { bridge, store, removed, flushes };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('bulk abort flow', () => {
  it('previews a dry run with its keys and total bytes, then aborts exactly those under a fresh operation id', async () => {
    const { bridge, store, removed, flushes } = setup();
    let finish: (args: BulkAbortArgs) => void = () => undefined;
    bridge.answer({
      'incomplete.bulkAbort': (args) =>
        args.dryRun
          ? okResult({ dryRun: true as const, targets })
          : new Promise((resolve) => {
              finish = (a) => {
                const results: AbortItemResult[] = [
                  { key: 'old/a', uploadId: 'u1', outcome: 'aborted' },
                  { key: 'old/b', uploadId: 'u2', outcome: 'failed', error: { code: 'AccessDenied', message: 'no', requestId: 'r1' } },
                  { key: 'old/c', uploadId: 'u3', outcome: 'alreadyGone' },
                ];
                void a;
                resolve(okResult({ dryRun: false as const, result: { results, canceled: false, summary: { total: 3, aborted: 1, alreadyGone: 1, failed: 1, notAttempted: 0 } } }));
              };
            }),
    });

    await store.getState().previewFilter(bucketRef, 'old/', 30);
    const dry = bridge.argsOf('incomplete.bulkAbort')[0];
    expect(dry).toMatchObject({ ...bucketRef, dryRun: true, operationId: 'op-1', target: { kind: 'filter', filter: { prefix: 'old/', olderThanMs: daysToMs(30) } } });
    const preview = store.getState().state;
    expect(preview.phase).toBe('preview');
    if (preview.phase !== 'preview') return;
    expect(preview.targets.map((t) => t.key)).toEqual(['old/a', 'old/b', 'old/c']);
    expect(preview.bytes).toEqual({ bytes: 3000, counted: 3, failed: 0 });

    const running = store.getState().confirm();
    await tick();
    const real = bridge.argsOf('incomplete.bulkAbort')[1];
    expect(real?.dryRun).toBe(false);
    expect(real?.operationId).toBe('op-2');
    // The confirmed run names the previewed uploads, not the filter again.
    expect(real?.target).toEqual({ kind: 'selection', uploads: targets.map((t) => ({ key: t.key, uploadId: t.uploadId })) });
    expect(store.getState().state).toMatchObject({ phase: 'running', total: 3, done: 0 });

    bridge.emit('incomplete.bulkAbortProgress', { operationId: 'op-2', done: 1, total: 3, item: { key: 'old/a', uploadId: 'u1', outcome: 'aborted' } });
    bridge.emit('incomplete.bulkAbortProgress', { operationId: 'other', done: 1, total: 9, item: { key: 'x', uploadId: 'x', outcome: 'aborted' } });
    bridge.emit('incomplete.bulkAbortProgress', {
      operationId: 'op-2',
      done: 2,
      total: 3,
      item: { key: 'old/b', uploadId: 'u2', outcome: 'failed', error: { code: 'AccessDenied', message: 'no', requestId: 'r1' } },
    });
    expect(store.getState().state).toMatchObject({ phase: 'running', done: 2, aborted: 1, failed: 1, alreadyGone: 0 });
    expect(flushes).toHaveLength(1);
    flushes[0]?.();
    expect(removed).toEqual([[{ key: 'old/a', uploadId: 'u1' }]]);

    finish(dry as BulkAbortArgs);
    await running;
    const done = store.getState().state;
    expect(done).toMatchObject({ phase: 'finished', total: 3, done: 3, aborted: 1, alreadyGone: 1, failed: 1, canceled: false });
    if (done.phase === 'finished') expect(done.failures).toEqual([{ key: 'old/b', uploadId: 'u2', error: { code: 'AccessDenied', message: 'no', requestId: 'r1' } }]);
    // old/c arrived only in the answer; old/a is not reported twice.
    expect(removed.flat()).toEqual([{ key: 'old/a', uploadId: 'u1' }, { key: 'old/c', uploadId: 'u3' }]);
  });

  it('previews a selection without a dry run and can be dismissed', async () => {
    const { bridge, store } = setup();
    await store.getState().previewSelection(bucketRef, targets.slice(0, 2));
    expect(bridge.argsOf('incomplete.bulkAbort')).toEqual([]);
    expect(store.getState().state).toMatchObject({ phase: 'preview', bytes: { bytes: 2000, counted: 2 } });
    store.getState().dismiss();
    expect(store.getState().state.phase).toBe('idle');
  });

  it('cancels a running bulk abort by its operation id and shows what was not attempted', async () => {
    const { bridge, store } = setup();
    let finish: () => void = () => undefined;
    bridge.answer({
      'incomplete.bulkAbort': (args) =>
        args.dryRun
          ? okResult({ dryRun: true as const, targets })
          : new Promise((resolve) => {
              finish = () =>
                resolve(
                  okResult({
                    dryRun: false as const,
                    result: { results: [{ key: 'old/a', uploadId: 'u1', outcome: 'aborted' as const }], canceled: true, summary: { total: 3, aborted: 1, alreadyGone: 0, failed: 0, notAttempted: 2 } },
                  }),
                );
            }),
      'incomplete.cancelBulkAbort': () => okResult(undefined),
    });
    await store.getState().previewFilter(bucketRef, 'old/', 30);
    const running = store.getState().confirm();
    await tick();
    await store.getState().cancel();
    expect(bridge.argsOf('incomplete.cancelBulkAbort')).toEqual([{ operationId: 'op-2' }]);
    expect(store.getState().state).toMatchObject({ phase: 'running', canceling: true });
    store.getState().dismiss(); // ignored while running
    expect(store.getState().state.phase).toBe('running');
    finish();
    await running;
    expect(store.getState().state).toMatchObject({ phase: 'finished', canceled: true, notAttempted: 2, aborted: 1 });
  });

  it('shows a failed dry run as an error', async () => {
    const { bridge, store } = setup();
    bridge.answer({ 'incomplete.bulkAbort': () => errorResult({ code: 'AccessDenied', message: 'cannot list', retryable: false, advice: 'grant oss:ListMultipartUploads' }) });
    await store.getState().previewFilter(bucketRef, '', 7);
    expect(store.getState().state).toMatchObject({ phase: 'error', error: { code: 'AccessDenied' } });
  });
});

describe('applyBulkAbortProgress', () => {
  it('ignores events when no run is in flight', () => {
    const idle = { phase: 'idle' } as const;
    expect(applyBulkAbortProgress(idle, { operationId: 'a', done: 1, total: 1, item: { key: 'k', uploadId: 'u', outcome: 'aborted' } })).toBe(idle);
  });

  it('takes done and total from main', () => {
    const running = { phase: 'running', operationId: 'a', canceling: false, ...startCounts(0) } as const;
    const next = applyBulkAbortProgress(running, { operationId: 'a', done: 5, total: 40, item: { key: 'k', uploadId: 'u', outcome: 'alreadyGone' } });
    expect(next).toMatchObject({ done: 5, total: 40, alreadyGone: 1 });
  });
});
