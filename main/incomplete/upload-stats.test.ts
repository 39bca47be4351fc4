import { describe, expect, it } from 'vitest';
import type { ListPartsArgs } from '../oss/oss-client-multipart';
import type { ListPartsPage } from '../oss/oss-types';
import { fakeClient, NO_WAIT_RETRY } from './test-support/fake-client';
import { UploadStatsService } from './upload-stats';

/** A fake ListParts: `partsPerUpload` parts of 100 bytes, 1000 per page, answered after a macrotask. */
function partsLister(partsPerUpload: number) {
  const state = { calls: 0, running: 0, peak: 0 };
  const listParts = async (args: ListPartsArgs): Promise<ListPartsPage> => {
    state.calls += 1;
    state.running += 1;
    state.peak = Math.max(state.peak, state.running);
    await new Promise((resolve) => setImmediate(resolve));
    state.running -= 1;
    const from = (args.partNumberMarker ?? 0) + 1;
    const to = Math.min(partsPerUpload, from + 999);
    const parts = [];
    for (let n = from; n <= to; n += 1) parts.push({ partNumber: n, etag: '"E"', size: 100, lastModified: '', crc64: undefined });
    return {
      requestId: '',
      bucket: args.bucket,
      key: args.key,
      uploadId: args.uploadId,
      partNumberMarker: from - 1,
      nextPartNumberMarker: to,
      maxParts: 1000,
      isTruncated: to < partsPerUpload,
      parts,
    };
  };
  return { state, client: fakeClient({ listParts }) };
}

const ref = (i: number) => ({ bucket: 'b', key: `k${i}`, uploadId: `U${i}` });

describe('UploadStatsService', () => {
  it('sums every ListParts page', async () => {
    const { client, state } = partsLister(2_500);
    const stats = new UploadStatsService({ clients: () => client, now: () => 0, retry: NO_WAIT_RETRY });
    expect(await stats.get(ref(1))).toEqual({ partCount: 2_500, bytesStored: 250_000 });
    expect(state.calls).toBe(3);
  });

  it('runs at most 4 walks at once by default', async () => {
    const { client, state } = partsLister(3);
    const stats = new UploadStatsService({ clients: () => client, now: () => 0, retry: NO_WAIT_RETRY });
    await Promise.all(Array.from({ length: 20 }, (_, i) => stats.get(ref(i))));
    expect(state.calls).toBe(20);
    expect(state.peak).toBe(4);
  });

  it('caches, shares a walk between concurrent callers, and walks again after invalidate or expiry', async () => {
    const { client, state } = partsLister(3);
    let now = 0;
    const stats = new UploadStatsService({ clients: () => client, now: () => now, retry: NO_WAIT_RETRY, maxAgeMs: 1_000 });
    await Promise.all([stats.get(ref(1)), stats.get(ref(1))]);
    await stats.get(ref(1));
    expect(state.calls).toBe(1);
    stats.invalidate(ref(1));
    await stats.get(ref(1));
    expect(state.calls).toBe(2);
    now = 1_000;
    await stats.get(ref(1));
    expect(state.calls).toBe(3);
  });

  it('does not cache a walk that an abort invalidated while it ran', async () => {
    const { client, state } = partsLister(3);
    const stats = new UploadStatsService({ clients: () => client, now: () => 0, retry: NO_WAIT_RETRY });
    const running = stats.get(ref(1));
    stats.invalidate(ref(1));
    await running;
    await stats.get(ref(1));
    expect(state.calls).toBe(2);
  });

  it('evicts the least recently used upload when full', async () => {
    const { client, state } = partsLister(1);
    const stats = new UploadStatsService({ clients: () => client, now: () => 0, retry: NO_WAIT_RETRY, maxEntries: 2 });
    await stats.get(ref(1));
    await stats.get(ref(2));
    await stats.get(ref(3));
    await stats.get(ref(1));
    expect(state.calls).toBe(4);
  });
});
