import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAllMultipartUploads, listAllParts } from './list-iterators';
import type { ListMultipartUploadsArgs, ListPartsArgs } from './oss-client-multipart';
import { isOssError } from './oss-error';
import type { ListPartsPage, ListUploadsPage } from './oss-types';
import { startEmulatorFixture, TEST_BUCKET, type EmulatorFixture } from './test-support/emulator-fixture';

function partsPage(marker: number, next: number, isTruncated: boolean, numbers: number[]): ListPartsPage {
  return {
    requestId: `R${marker}`,
    bucket: 'b',
    key: 'k',
    uploadId: 'u',
    partNumberMarker: marker,
    nextPartNumberMarker: next,
    maxParts: 2,
    isTruncated,
    parts: numbers.map((partNumber) => ({ partNumber, etag: `"E${partNumber}"`, size: 1, lastModified: '', crc64: undefined })),
  };
}

function uploadsPage(nextKeyMarker: string, nextUploadIdMarker: string, isTruncated: boolean, keys: string[]): ListUploadsPage {
  return {
    requestId: 'R',
    bucket: 'b',
    prefix: '',
    delimiter: '',
    keyMarker: '',
    uploadIdMarker: '',
    nextKeyMarker,
    nextUploadIdMarker,
    maxUploads: 2,
    isTruncated,
    uploads: keys.map((key) => ({ key, uploadId: `U-${key}`, initiated: '', initiatedMs: 0, storageClass: undefined })),
    commonPrefixes: [],
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function malformed(iterable: AsyncIterable<unknown>): Promise<string> {
  try {
    await collect(iterable);
  } catch (error) {
    if (isOssError(error) && error.code === 'MalformedResponse') return error.message;
    throw error;
  }
  throw new Error('expected MalformedResponse');
}

describe('listAllParts with a scripted server', () => {
  it('sends NextPartNumberMarker as part-number-marker until a page is not truncated', async () => {
    const sent: Array<number | undefined> = [];
    const pages = [partsPage(0, 2, true, [1, 2]), partsPage(2, 4, true, [3, 4]), partsPage(4, 5, false, [5])];
    const lister = {
      listParts: (args: ListPartsArgs) => {
        sent.push(args.partNumberMarker);
        return Promise.resolve(pages[sent.length - 1] as ListPartsPage);
      },
    };
    const got = await collect(listAllParts(lister, { bucket: 'b', key: 'k', uploadId: 'u', maxParts: 2 }));
    expect(got.flatMap((p) => p.parts.map((part) => part.partNumber))).toEqual([1, 2, 3, 4, 5]);
    expect(sent).toEqual([undefined, 2, 4]);
  });

  it('refuses a truncated page whose marker does not advance', async () => {
    let calls = 0;
    const lister = {
      listParts: () => {
        calls += 1;
        return Promise.resolve(partsPage(3, 3, true, []));
      },
    };
    const message = await malformed(listAllParts(lister, { bucket: 'b', key: 'k', uploadId: 'u', partNumberMarker: 3 }));
    expect(message).toMatch(/does not advance/);
    expect(calls).toBe(1);
  });
});

describe('listAllMultipartUploads with a scripted server', () => {
  it('sends NextKeyMarker and NextUploadIdMarker as the next markers', async () => {
    const sent: Array<[string | undefined, string | undefined]> = [];
    const pages = [uploadsPage('a', 'U-a', true, ['a', 'a']), uploadsPage('b', 'U-b', false, ['b'])];
    const lister = {
      listMultipartUploads: (args: ListMultipartUploadsArgs) => {
        sent.push([args.keyMarker, args.uploadIdMarker]);
        return Promise.resolve(pages[sent.length - 1] as ListUploadsPage);
      },
    };
    const got = await collect(listAllMultipartUploads(lister, { bucket: 'b', prefix: 'p/' }));
    expect(got).toHaveLength(2);
    expect(sent).toEqual([
      ['', ''],
      ['a', 'U-a'],
    ]);
  });

  it('refuses markers that come back unchanged instead of looping', async () => {
    const lister = { listMultipartUploads: () => Promise.resolve(uploadsPage('k', 'U1', true, ['k'])) };
    expect(await malformed(listAllMultipartUploads(lister, { bucket: 'b' }))).toMatch(/do not advance/);
  });

  it('refuses markers that cycle back to an earlier pair', async () => {
    let n = 0;
    const cycle = [uploadsPage('a', '1', true, []), uploadsPage('b', '2', true, []), uploadsPage('a', '1', true, [])];
    const lister = { listMultipartUploads: () => Promise.resolve(cycle[n++ % 3] as ListUploadsPage) };
    await malformed(listAllMultipartUploads(lister, { bucket: 'b' }));
    expect(n).toBe(3);
  });

  it('refuses a truncated page without NextKeyMarker', async () => {
    const lister = { listMultipartUploads: () => Promise.resolve(uploadsPage('', '', true, [])) };
    await malformed(listAllMultipartUploads(lister, { bucket: 'b' }));
  });
});

describe('list iterators against the emulator', () => {
  let fixture: EmulatorFixture;
  beforeAll(async () => {
    fixture = await startEmulatorFixture();
  });
  afterAll(async () => {
    await fixture.close();
  });

  it.each(['v1', 'v4'] as const)('pages through all parts of an upload (%s)', async (signatureVersion) => {
    const client = fixture.client({ signatureVersion });
    const key = `iter-${signatureVersion}/parts.bin`;
    const { uploadId } = await client.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    const etags: string[] = [];
    for (let partNumber = 1; partNumber <= 7; partNumber += 1) {
      const body = Buffer.from(`part ${partNumber}`);
      etags.push((await client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber, body, contentLength: body.byteLength })).etag);
    }
    const pages = await collect(listAllParts(client, { bucket: TEST_BUCKET, key, uploadId, maxParts: 3 }));
    expect(pages.map((p) => p.parts.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.parts.map((part) => part.etag))).toEqual(etags);
    await client.abortMultipartUpload({ bucket: TEST_BUCKET, key, uploadId });
  });

  it.each(['v1', 'v4'] as const)('pages through uploads, several of one key split across pages (%s)', async (signatureVersion) => {
    const client = fixture.client({ signatureVersion });
    const prefix = `iter-${signatureVersion}/uploads/`;
    const started: Array<[string, string]> = [];
    for (const name of ['a', 'same', 'same', 'same', 'z z', 'ü']) {
      const key = `${prefix}${name}`;
      started.push([key, (await client.initiateMultipartUpload({ bucket: TEST_BUCKET, key })).uploadId]);
    }
    const pages = await collect(listAllMultipartUploads(client, { bucket: TEST_BUCKET, prefix, maxUploads: 2 }));
    expect(pages).toHaveLength(3);
    const listed = pages.flatMap((p) => p.uploads.map((u): [string, string] => [u.key, u.uploadId]));
    expect(listed).toHaveLength(started.length);
    expect(new Set(listed.map((pair) => pair.join('\n')))).toEqual(new Set(started.map((pair) => pair.join('\n'))));
    // The three uploads of `same` are split across page boundaries and none is lost or repeated.
    const sameByPage = pages.map((p) => p.uploads.filter((u) => u.key === `${prefix}same`).length);
    expect(sameByPage.filter((n) => n > 0).length).toBeGreaterThan(1);
    for (const [key, uploadId] of started) await client.abortMultipartUpload({ bucket: TEST_BUCKET, key, uploadId });
  });
});
