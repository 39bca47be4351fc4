// Issue 4 "Tests": 2,500 incomplete uploads across nested prefixes, one key with several upload ids straddling a
// page boundary; paging, delimiter grouping, older-than, and an account that may not list uploads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteUpload, RemoteUploadPage, UploadCursor } from '../../shared/models/remote-upload';
import { IncompleteUploadManager } from './incomplete-upload-manager';
import { isListUploadsDenied } from './list-uploads-denied';
import {
  initiateMany,
  NO_LIST_CREDENTIALS,
  setInitiated,
  startIncompleteFixture,
  TEST_BUCKET,
  type IncompleteFixture,
} from './test-support/incomplete-fixtures';

const DAY = 86_400_000;
const DISTINCT_KEYS = 2_494;
const SAME_KEY_UPLOADS = 6;
/** The shared key's uploads take positions 997..1002 of the listing: three on page 1, three on page 2. */
const SAME_KEY_POSITION = 997;

/** `p0..p3/q0..q4/f00000.bin`: fixed width, so no key is a prefix of another and sorting is predictable. */
function keyOf(i: number): string {
  return `p${i % 4}/q${Math.floor(i / 4) % 5}/f${String(i).padStart(5, '0')}.bin`;
}

interface Listed {
  readonly key: string;
  readonly uploadId: string;
}

function byKeyThenId(a: Listed, b: Listed): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.uploadId < b.uploadId ? -1 : a.uploadId > b.uploadId ? 1 : 0;
}

describe('browsing 2,500 incomplete uploads', () => {
  let f: IncompleteFixture;
  let manager: IncompleteUploadManager;
  let expected: Listed[];
  let sameKey: string;
  const now = Date.now();

  beforeAll(async () => {
    f = await startIncompleteFixture();
    manager = new IncompleteUploadManager({ clients: () => f.client, now: () => now });
    const keys = Array.from({ length: DISTINCT_KEYS }, (_, i) => keyOf(i));
    const sorted = [...keys].sort();
    // Sorts right after the 997th distinct key, so its uploads start at position 997.
    sameKey = `${sorted[SAME_KEY_POSITION - 1] ?? ''}.dup`;
    const ids = await initiateMany(f.client, keys);
    const sameIds: string[] = [];
    for (let i = 0; i < SAME_KEY_UPLOADS; i += 1) sameIds.push(...(await initiateMany(f.client, [sameKey])));
    expected = [...keys.map((key, i) => ({ key, uploadId: ids[i] ?? '' })), ...sameIds.map((uploadId) => ({ key: sameKey, uploadId }))];
    expected.sort(byKeyThenId);
  });

  afterAll(async () => {
    await f.dispose();
  });

  async function allPages(args: { prefix?: string; delimiter?: string; pageSize?: number; olderThanMs?: number }): Promise<RemoteUploadPage[]> {
    const pages: RemoteUploadPage[] = [];
    let cursor: UploadCursor | undefined;
    do {
      const page = await manager.browseUploads({ bucket: TEST_BUCKET, ...args, cursor });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return pages;
  }

  it('pages of 1000 return every upload exactly once, in key then upload-id order', async () => {
    const pages = await allPages({ pageSize: 1000 });
    expect(pages.map((p) => p.uploads.length)).toEqual([1000, 1000, 500]);
    const listed = pages.flatMap((p) => p.uploads.map((u) => ({ key: u.key, uploadId: u.uploadId })));
    expect(listed).toEqual(expected);
  });

  it('the key with several upload ids straddles the first page boundary and still comes out whole and in order', async () => {
    const [first, second] = await allPages({ pageSize: 1000 });
    const onFirst = first?.uploads.filter((u) => u.key === sameKey) ?? [];
    const onSecond = second?.uploads.filter((u) => u.key === sameKey) ?? [];
    expect(onFirst.length).toBe(3);
    expect(onSecond.length).toBe(3);
    expect(first?.nextCursor).toEqual({ keyMarker: sameKey, uploadIdMarker: onFirst[2]?.uploadId });
    const ids = [...onFirst, ...onSecond].map((u) => u.uploadId);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(SAME_KEY_UPLOADS);
  });

  it('reports initiated time and age from the injected clock', async () => {
    const [page] = await allPages({ prefix: 'p0/q0/f00000', pageSize: 10 });
    const upload: RemoteUpload | undefined = page?.uploads[0];
    expect(upload?.initiated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(upload?.ageMs).toBe(Math.max(0, now - (upload?.initiatedMs ?? 0)));
    expect(Math.abs((upload?.initiatedMs ?? 0) - now)).toBeLessThan(5 * 60_000);
  });

  it('groups by delimiter: top-level folders, then the folders of one prefix across small pages', async () => {
    const top = await allPages({ delimiter: '/' });
    expect(top.flatMap((p) => p.folders)).toEqual(['p0/', 'p1/', 'p2/', 'p3/']);
    expect(top.flatMap((p) => p.uploads)).toEqual([]);

    const nested = await allPages({ prefix: 'p1/', delimiter: '/', pageSize: 2 });
    expect(nested.map((p) => p.folders)).toEqual([['p1/q0/', 'p1/q1/'], ['p1/q2/', 'p1/q3/'], ['p1/q4/']]);

    const leaf = await allPages({ prefix: 'p2/q3/', delimiter: '/' });
    expect(leaf.flatMap((p) => p.folders)).toEqual([]);
    expect(leaf.flatMap((p) => p.uploads).map((u) => u.uploadId)).toEqual(
      expected.filter((u) => u.key.startsWith('p2/q3/')).map((u) => u.uploadId),
    );
  });

  it('--older-than selects by initiated time', async () => {
    const old = expected.filter((_, i) => i % 100 === 7); // 25 uploads, spread over every page
    const recent = expected.filter((_, i) => i % 100 === 8);
    for (const u of old) await setInitiated(f, u.uploadId, now - 10 * DAY);
    for (const u of recent) await setInitiated(f, u.uploadId, now - 3 * DAY);
    const pages = await allPages({ olderThanMs: 7 * DAY });
    expect(pages.flatMap((p) => p.uploads).map((u) => u.uploadId)).toEqual(old.map((u) => u.uploadId));
    const targets = await manager.previewBulkAbort({ bucket: TEST_BUCKET, target: { kind: 'filter', filter: { prefix: '', olderThanMs: 2 * DAY } } });
    expect(targets.map((t) => t.uploadId).sort()).toEqual([...old, ...recent].map((u) => u.uploadId).sort());
    expect(targets.every((t) => (t.ageMs ?? 0) >= 2 * DAY)).toBe(true);
  });

  it('refuses page sizes the server would not accept', async () => {
    await expect(manager.browseUploads({ bucket: TEST_BUCKET, pageSize: 1001 })).rejects.toThrow(RangeError);
    await expect(manager.browseUploads({ bucket: TEST_BUCKET, pageSize: 0 })).rejects.toThrow(RangeError);
  });

  it('an account that may not list uploads gets a typed error with advice, and can still upload', async () => {
    const denied = f.makeClient(NO_LIST_CREDENTIALS);
    const deniedManager = new IncompleteUploadManager({ clients: () => denied, now: () => now });
    const error = await deniedManager.browseUploads({ bucket: TEST_BUCKET }).catch((e: unknown) => e);
    expect(isListUploadsDenied(error)).toBe(true);
    expect(error).toMatchObject({ code: 'AccessDenied', status: 403, retryable: false });
    expect((error as Error).message).toMatch(/may not list incomplete uploads/);
    const preview = deniedManager.previewBulkAbort({ bucket: TEST_BUCKET, target: { kind: 'filter', filter: { prefix: '' } } });
    await expect(preview).rejects.toSatisfy(isListUploadsDenied);

    const key = 'denied/still-uploads.bin';
    const { uploadId } = await denied.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    const body = Buffer.from('uploading still works');
    const part = await denied.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber: 1, body, contentLength: body.length });
    await denied.completeMultipartUpload({ bucket: TEST_BUCKET, key, uploadId, parts: [{ partNumber: 1, etag: part.etag }] });
    expect((await denied.headObject({ bucket: TEST_BUCKET, key })).contentLength).toBe(body.length);
  });
});
