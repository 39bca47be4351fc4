// Proof that the emulator speaks real OSS (issue 2 item 4): the official ali-oss SDK (a test-only dev dependency)
// drives it with signature V1 and V4, virtual-hosted (IP endpoint, bucket Host) and path-style (localhost endpoint,
// sldEnable), exactly as oss-protocol.md §2 describes what ali-oss sends.
import OSS from 'ali-oss';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, TEST_CREDENTIALS, type TestEmulator } from './emulator-test-client';

const PART_SIZE = 100 * 1024;
/** Five parts, the last one short. */
const FILE_SIZE = 4 * PART_SIZE + 12_345;

type Style = 'virtual-hosted' | 'path-style';

function makeClient(t: TestEmulator, style: Style, authorizationV4: boolean, secret = TEST_CREDENTIALS.accessKeySecret): OSS {
  // `sldEnable` is an ali-oss option its type definitions lack.
  const options: OSS.Options & { sldEnable?: boolean } = {
    region: 'oss-cn-hangzhou',
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
    accessKeySecret: secret,
    bucket: 'test-bucket',
    authorizationV4,
    secure: false,
    timeout: 30_000,
    ...(style === 'virtual-hosted' ? { endpoint: t.emulator.url } : { endpoint: `http://localhost:${t.emulator.port}`, sldEnable: true }),
  };
  return new OSS(options);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

describe('ali-oss against the emulator', () => {
  let t: TestEmulator;
  let filePath: string;
  let fileBytes: Buffer;

  beforeAll(async () => {
    t = await startTestEmulator();
    fileBytes = Buffer.alloc(FILE_SIZE);
    for (let i = 0; i < FILE_SIZE; i++) fileBytes[i] = (i * 131 + 7) & 0xff;
    filePath = join(t.dataDir, 'upload-source.bin');
    await writeFile(filePath, fileBytes);
  });
  afterAll(async () => {
    await t.dispose();
  });

  const combos: Array<{ style: Style; v4: boolean }> = [
    { style: 'virtual-hosted', v4: false },
    { style: 'virtual-hosted', v4: true },
    { style: 'path-style', v4: false },
    { style: 'path-style', v4: true },
  ];

  it.each(combos)('$style, V4=$v4: multipartUpload (parallel 4), get, put', async ({ style, v4 }) => {
    const client = makeClient(t, style, v4);
    const name = `interop/${style}-${v4 ? 'v4' : 'v1'}/multi part+file.bin`;
    t.emulator.resetStats();
    const result = await client.multipartUpload(name, filePath, { parallel: 4, partSize: PART_SIZE });
    expect(result.res.status).toBe(200);
    expect(t.emulator.stats().requests['UploadPart']).toBe(5);
    const got = await client.get(name);
    expect(Buffer.isBuffer(got.content) && got.content.equals(fileBytes)).toBe(true);

    const small = `interop/${style}-${v4 ? 'v4' : 'v1'}/small (1).txt`;
    await client.put(small, Buffer.from('hello from ali-oss'));
    const gotSmall = await client.get(small);
    expect(String(gotSmall.content)).toBe('hello from ali-oss');
  });

  it.each(combos)('$style, V4=$v4: initMultipartUpload, uploadPart, listUploads, listParts, abortMultipartUpload', async ({ style, v4 }) => {
    const client = makeClient(t, style, v4);
    const prefix = `pending/${style}-${v4 ? 'v4' : 'v1'}/`;
    const name = `${prefix}unfinished.bin`;
    const { uploadId } = await client.initMultipartUpload(name);
    await client.uploadPart(name, uploadId, 1, filePath, 0, PART_SIZE);
    await client.uploadPart(name, uploadId, 2, filePath, PART_SIZE, 2 * PART_SIZE);

    const uploads = await client.listUploads({ prefix, 'max-uploads': 10 });
    expect(uploads.uploads.map((u) => [u.name, u.uploadId])).toEqual([[name, uploadId]]);

    // ali-oss hands back whatever its XML parser made of the body: one <Part> is an object, booleans are strings.
    const parts = await client.listParts(name, uploadId, { 'max-parts': 1, 'part-number-marker': 0, 'encoding-type': 'url' });
    const listed: unknown[] = [parts.parts].flat();
    expect(listed.map((p) => (typeof p === 'object' && p !== null && 'PartNumber' in p ? String(p.PartNumber) : ''))).toEqual(['1']);
    expect(String(parts.isTruncated)).toBe('true');
    expect(String(parts.nextPartNumberMarker)).toBe('1');

    // Typed as NormalSuccessResponse, but ali-oss resolves `{ res }`.
    const aborted: unknown = await client.abortMultipartUpload(name, uploadId);
    expect(aborted).toMatchObject({ res: { status: 204 } });
    expect((await client.listUploads({ prefix, 'max-uploads': 10 })).uploads).toEqual([]);
  });

  it.each(combos)('$style, V4=$v4: a wrong secret is refused with SignatureDoesNotMatch', async ({ style, v4 }) => {
    const client = makeClient(t, style, v4, 'not-the-secret');
    let caught: unknown;
    try {
      await client.put('refused.txt', Buffer.from('x'));
    } catch (error) {
      caught = error;
    }
    expect(errorCode(caught)).toBe('SignatureDoesNotMatch');
  });
});
