// Issue 4 item 4: bulk abort by selection or filter, dry run, bounded concurrency, per-item results past failures,
// cancellation and progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkAbortProgress } from '../../shared/models/remote-upload';
import { abortTargets } from './bulk-abort';
import { IncompleteUploadManager } from './incomplete-upload-manager';
import { fakeClient, NO_WAIT_RETRY } from './test-support/fake-client';
import { failNext, initiateMany, setInitiated, startIncompleteFixture, TEST_BUCKET, type IncompleteFixture } from './test-support/incomplete-fixtures';

const DAY = 86_400_000;

describe('abortTargets (fake client)', () => {
  function slowAbortClient() {
    const state = { running: 0, peak: 0, calls: 0 };
    const client = fakeClient({
      abortMultipartUpload: async () => {
        state.calls += 1;
        state.running += 1;
        state.peak = Math.max(state.peak, state.running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        state.running -= 1;
        return { requestId: 'R' };
      },
    });
    return { client, state };
  }
  const targets = Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, uploadId: `U${i}` }));

  it('keeps 16 aborts in flight by default', async () => {
    const { client, state } = slowAbortClient();
    const result = await abortTargets(client, 'b', targets, { ownership: undefined, retry: NO_WAIT_RETRY });
    expect(state.peak).toBe(16);
    expect(result.summary).toEqual({ total: 100, aborted: 100, alreadyGone: 0, failed: 0, notAttempted: 0 });
  });

  it('honours a given concurrency and refuses one out of range', async () => {
    const { client, state } = slowAbortClient();
    await abortTargets(client, 'b', targets.slice(0, 20), { ownership: undefined, retry: NO_WAIT_RETRY }, { concurrency: 3 });
    expect(state.peak).toBe(3);
    await expect(abortTargets(client, 'b', targets, { ownership: undefined, retry: NO_WAIT_RETRY }, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});

describe('bulk abort against the emulator', () => {
  let f: IncompleteFixture;
  const now = Date.now();
  beforeAll(async () => {
    f = await startIncompleteFixture();
  });
  afterAll(async () => {
    await f.dispose();
  });

  function newManager(): IncompleteUploadManager {
    return new IncompleteUploadManager({ clients: () => f.client, now: () => now, sleep: () => Promise.resolve() });
  }

  async function remaining(prefix: string): Promise<string[]> {
    const page = await f.client.listMultipartUploads({ bucket: TEST_BUCKET, prefix });
    return page.uploads.map((u) => u.uploadId);
  }

  it('aborts every match of a filter past an injected failure, reports it, and the dry run listed exactly those', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `logs/${i % 3}/part-${String(i).padStart(3, '0')}`);
    const ids = await initiateMany(f.client, keys);
    const old = new Set(ids.filter((_, i) => i % 4 !== 0)); // 45 old uploads, 15 recent ones
    for (const id of old) await setInitiated(f, id, now - 8 * DAY);
    const recent = ids.filter((id) => !old.has(id));
    const manager = newManager();
    const request = { bucket: TEST_BUCKET, target: { kind: 'filter', filter: { prefix: 'logs/', olderThanMs: 7 * DAY } } } as const;

    const preview = await manager.previewBulkAbort(request);
    expect(new Set(preview.map((t) => t.uploadId))).toEqual(old);
    expect(await remaining('logs/')).toHaveLength(60); // the dry run changed nothing

    const middle = preview[Math.floor(preview.length / 2)];
    await failNext(f, { operation: 'AbortMultipartUpload', code: 'AccessDenied', status: 403, keyPrefix: middle?.key });
    const progress: BulkAbortProgress[] = [];
    const result = await manager.bulkAbort(request, { onProgress: (p) => progress.push(p) });

    expect(result.summary).toEqual({ total: 45, aborted: 44, alreadyGone: 0, failed: 1, notAttempted: 0 });
    expect(result.canceled).toBe(false);
    const failed = result.results.filter((r) => r.outcome === 'failed');
    expect(failed).toEqual([
      { key: middle?.key, uploadId: middle?.uploadId, outcome: 'failed', error: { code: 'AccessDenied', message: expect.any(String), requestId: expect.stringMatching(/^[0-9A-F]{24}$/) } },
    ]);
    expect(result.results.map((r) => r.uploadId).sort()).toEqual(preview.map((t) => t.uploadId).sort());
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 45)).toBe(true);
    expect(new Set(await remaining('logs/'))).toEqual(new Set([...recent, middle?.uploadId]));
  });

  it('retries a transient failure, and reports uploads already gone as such', async () => {
    const keys = ['retry/a', 'retry/b', 'retry/c'];
    const ids = await initiateMany(f.client, keys);
    await f.client.abortMultipartUpload({ bucket: TEST_BUCKET, key: 'retry/c', uploadId: ids[2] ?? '' });
    await failNext(f, { operation: 'AbortMultipartUpload', code: 'ServiceUnavailable', status: 503, keyPrefix: 'retry/a' });
    const injectedBefore = f.t.emulator.stats().faultsInjected['failNext'] ?? 0;
    const selection = keys.map((key, i) => ({ key, uploadId: ids[i] ?? '' }));
    const result = await newManager().bulkAbort({
      bucket: TEST_BUCKET,
      target: { kind: 'selection', uploads: [...selection, selection[0] ?? { key: '', uploadId: '' }] },
    });
    expect(result.summary).toEqual({ total: 3, aborted: 2, alreadyGone: 1, failed: 0, notAttempted: 0 });
    expect(result.results.find((r) => r.key === 'retry/c')?.outcome).toBe('alreadyGone');
    expect(f.t.emulator.stats().faultsInjected['failNext']).toBe(injectedBefore + 1); // the 503 was served, then retried
    expect(await remaining('retry/')).toEqual([]);
  });

  it('stops starting new aborts when canceled and says what was not attempted', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `cancel/${i}`);
    await initiateMany(f.client, keys);
    const controller = new AbortController();
    const result = await newManager().bulkAbort(
      { bucket: TEST_BUCKET, target: { kind: 'filter', filter: { prefix: 'cancel/' } } },
      { concurrency: 2, signal: controller.signal, onProgress: (p) => (p.done === 3 ? controller.abort() : undefined) },
    );
    expect(result.canceled).toBe(true);
    expect(result.summary.aborted).toBe(result.results.length);
    expect(result.summary.aborted).toBeGreaterThanOrEqual(3);
    expect(result.summary.aborted).toBeLessThanOrEqual(4); // the one still in flight finishes
    expect(result.summary.notAttempted).toBe(10 - result.results.length);
    expect(await remaining('cancel/')).toHaveLength(result.summary.notAttempted);
  });
});
