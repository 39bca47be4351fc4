import { createHash } from 'node:crypto';
import { stat, utimes } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../oss/crc64';
import { staticCredentials } from '../oss/credentials';
import { OssClient } from '../oss/oss-client';
import { readRequestBody, startHttpServer, type LocalServer } from '../oss/test-support/local-servers';
import { BandwidthLimiter } from './bandwidth-limiter';
import {
  hashFileRange,
  LIMITED_READ_CHUNK_BYTES,
  PART_READ_CHUNK_BYTES,
  putObjectOnce,
  uploadPartOnce,
  type PartTarget,
} from './part-runner';
import { RequestScheduler } from './request-scheduler';
import { runWithRetries, type RetryRunner } from './request-retry';
import { makeTempDir, writeSeededFile } from './test-support/seeded-files';

// The part runner against a tiny HTTP server that answers UploadPart/PutObject the way a test needs: honestly, with
// a wrong ETag or CRC-64 (once or always), with ETags that are not MD5s, or with nothing to verify against.

type Behaviour = 'honest' | 'wrong-etag-once' | 'wrong-etag' | 'wrong-crc' | 'non-md5-etag' | 'unverifiable';

interface Received {
  readonly url: string;
  readonly bytes: number;
}

let behaviour: Behaviour = 'honest';
let received: Received[] = [];
let server: LocalServer;
let client: OssClient;
let temp: { path: string; remove: () => Promise<void> };
let filePath: string;
let content: Buffer;

const FILE_BYTES = 1_500_000;

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readRequestBody(req);
  const url = req.url ?? '';
  received.push({ url, bytes: body.length });
  const md5 = createHash('md5').update(body).digest('hex').toUpperCase();
  let etag = `"${md5}"`;
  let crc: string | undefined = formatCrc64(crc64(body));
  const firstForUrl = received.filter((r) => r.url === url).length === 1;
  if (behaviour === 'wrong-etag' || (behaviour === 'wrong-etag-once' && firstForUrl)) etag = `"${'0'.repeat(32)}"`;
  if (behaviour === 'wrong-crc') crc = '12345';
  if (behaviour === 'non-md5-etag' || behaviour === 'unverifiable') etag = '"kms-encrypted-etag-1"';
  if (behaviour === 'unverifiable') crc = undefined;
  const headers: Record<string, string> = { etag, 'x-oss-request-id': `req-${received.length}` };
  if (crc !== undefined) headers['x-oss-hash-crc64ecma'] = crc;
  res.writeHead(200, headers).end();
}

beforeAll(async () => {
  temp = await makeTempDir('part-runner-');
  filePath = join(temp.path, 'source.bin');
  content = await writeSeededFile(filePath, FILE_BYTES, 5);
  server = await startHttpServer((req, res) => void answer(req, res));
  client = new OssClient({
    endpoint: server.origin,
    region: 'cn-hangzhou',
    addressing: 'path-style',
    signatureVersion: 'v1',
    credentials: staticCredentials({ accessKeyId: 'ak', accessKeySecret: 'sk' }),
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
  await temp.remove();
});

async function target(limiter = new BandwidthLimiter()): Promise<PartTarget> {
  const info = await stat(filePath);
  return {
    client,
    bucket: 'bucket',
    key: 'key',
    limiter,
    source: { path: filePath, sizeBytes: info.size, mtimeMs: info.mtimeMs },
  };
}

const PART = { partNumber: 2, offset: 100_000, size: 1_300_000 };
const partBytes = (): Buffer => content.subarray(PART.offset, PART.offset + PART.size);

function reset(next: Behaviour): void {
  behaviour = next;
  received = [];
}

describe('uploadPartOnce', () => {
  it('streams the range once in read-sized chunks and verifies ETag and CRC-64', async () => {
    reset('honest');
    const deltas: number[] = [];
    const result = await uploadPartOnce(await target(), 'upload-1', PART, new AbortController().signal, (delta) => deltas.push(delta));
    expect(result.verifiedBy).toBe('md5+crc64');
    expect(result.crc64).toBe(crc64(partBytes()));
    expect(result.etag).toBe(`"${createHash('md5').update(partBytes()).digest('hex').toUpperCase()}"`);
    expect(received).toEqual([{ url: expect.stringContaining('partNumber=2'), bytes: PART.size }]);
    // Byte-level progress, never more than one read chunk at a time: no part-sized buffer on the way.
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(PART.size);
    expect(Math.max(...deltas)).toBeLessThanOrEqual(PART_READ_CHUNK_BYTES);
    expect(deltas.length).toBeGreaterThan(1);
  });

  it('reads in small chunks while a bandwidth limit is set, and still verifies', async () => {
    reset('honest');
    const deltas: number[] = [];
    // Fast enough for a test (1.3 MB in well under a second), but on: the limiter paces every chunk.
    const limiter = new BandwidthLimiter({ bytesPerSecond: 50 * 1024 * 1024 });
    const result = await uploadPartOnce(await target(limiter), 'upload-1', PART, new AbortController().signal, (delta) => deltas.push(delta));
    expect(result.crc64).toBe(crc64(partBytes()));
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(PART.size);
    expect(Math.max(...deltas)).toBeLessThanOrEqual(LIMITED_READ_CHUNK_BYTES);
  });

  it('rejects a wrong ETag and a wrong CRC-64 as a retryable IntegrityMismatch', async () => {
    reset('wrong-etag');
    await expect(uploadPartOnce(await target(), 'u', PART, new AbortController().signal, () => undefined)).rejects.toMatchObject({
      code: 'IntegrityMismatch',
      retryable: true,
      requestId: 'req-1',
    });
    reset('wrong-crc');
    await expect(uploadPartOnce(await target(), 'u', PART, new AbortController().signal, () => undefined)).rejects.toMatchObject({
      code: 'IntegrityMismatch',
      message: expect.stringContaining('CRC-64 12345'),
    });
  });

  it('lets CRC-64 alone decide when the ETag is not an MD5, and refuses an answer with nothing to verify', async () => {
    reset('non-md5-etag');
    const result = await uploadPartOnce(await target(), 'u', PART, new AbortController().signal, () => undefined);
    expect(result.verifiedBy).toBe('crc64');
    reset('unverifiable');
    await expect(uploadPartOnce(await target(), 'u', PART, new AbortController().signal, () => undefined)).rejects.toMatchObject({
      code: 'IntegrityUnverifiable',
      retryable: false,
    });
  });

  it('sends a part again when its answer did not match, and then succeeds', async () => {
    reset('wrong-etag-once');
    const runner: RetryRunner = {
      scheduler: new RequestScheduler({ now: Date.now }),
      policy: () => ({ maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 }),
      random: () => 0,
      now: Date.now,
      sleep: () => Promise.resolve(),
    };
    const signal = new AbortController().signal;
    const t = await target();
    const retries: string[] = [];
    const result = await runWithRetries(
      runner,
      'part',
      signal,
      () => uploadPartOnce(t, 'u', PART, signal, () => undefined),
      (notice) => retries.push((notice.error as { code: string }).code),
    );
    expect(retries).toEqual(['IntegrityMismatch']);
    expect(received.map((r) => r.bytes)).toEqual([PART.size, PART.size]);
    expect(result.crc64).toBe(crc64(partBytes()));
  });

  it('fails with SourceChanged when the mtime changed before the read: the stat after the part sees it', async () => {
    reset('honest');
    const t = await target();
    await utimes(filePath, new Date(), new Date(Date.now() + 60_000));
    let requestDone = 0;
    await expect(
      uploadPartOnce(t, 'u', PART, new AbortController().signal, () => undefined, () => (requestDone += 1)),
    ).rejects.toMatchObject({
      code: 'SourceChanged',
      message: expect.stringContaining('file changed since the upload started'),
    });
    // The part went out (the server's copy is never completed into an object: the job fails), and the caller heard
    // that the request was over before the checks ran.
    expect(received.map((r) => r.bytes)).toEqual([PART.size]);
    expect(requestDone).toBe(1);
  });
});

describe('putObjectOnce and hashFileRange', () => {
  it('puts a whole file with the same checks', async () => {
    reset('honest');
    const result = await putObjectOnce(await target(), new AbortController().signal, () => undefined);
    expect(result.crc64).toBe(crc64(content));
    expect(result.reportedCrc64).toBe(crc64(content));
    expect(received[0]?.bytes).toBe(FILE_BYTES);
    reset('wrong-etag');
    await expect(putObjectOnce(await target(), new AbortController().signal, () => undefined)).rejects.toMatchObject({ code: 'IntegrityMismatch' });
  });

  it('hashes a range of a file as MD5 and CRC-64', async () => {
    const hashes = await hashFileRange(filePath, PART.offset, PART.size);
    expect(hashes.md5Hex).toBe(createHash('md5').update(partBytes()).digest('hex').toUpperCase());
    expect(hashes.crc64).toBe(crc64(partBytes()));
    expect(hashes.bytes).toBe(PART.size);
  });
});
