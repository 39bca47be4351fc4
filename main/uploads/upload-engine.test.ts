import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobId, JobSnapshot } from '../../shared/models/job';
import { CrashableDispatcher } from './test-support/crash-switch';
import { SMALL_PART, TEST_ACCOUNT, TEST_BUCKET, TEST_SETTINGS, startEngineFixture, type EngineFixture } from './test-support/engine-fixture';
import { startLyingProxy } from './test-support/lying-proxy';
import { compareObjectWithFile } from './test-support/object-bytes';
import { waitUntil } from './test-support/wait-until';

const MiB = 1024 * 1024;

let world: EngineFixture;

beforeAll(async () => {
  world = await startEngineFixture();
});

afterAll(async () => {
  await world.dispose();
});

function destination(key: string): { accountId: string; bucket: string; key: string } {
  return { accountId: TEST_ACCOUNT, bucket: TEST_BUCKET, key };
}

async function expectUploaded(job: JobSnapshot): Promise<void> {
  expect(job.status, `${job.destination.key}: ${JSON.stringify(job.error)}`).toBe('completed');
  expect(job.bytesDone).toBe(job.sizeBytes);
  const comparison = await compareObjectWithFile(world.client, TEST_BUCKET, job.destination.key, job.localPath);
  expect(comparison).toEqual({ equal: true, objectBytes: job.sizeBytes, fileBytes: job.sizeBytes, firstDifference: -1 });
}

describe('UploadEngine uploads', () => {
  it('uploads files of every boundary size byte-exact, verified by MD5 and CRC-64', async () => {
    const sizes = [0, 1, SMALL_PART - 1, SMALL_PART, SMALL_PART + 1, Math.floor(SMALL_PART * 3.5)];
    const paths = await Promise.all(sizes.map((size, i) => world.file(`sizes/file-${size}.bin`, size, 100 + i)));
    const engine = world.engine();
    const ids = engine.addFiles(paths.map((localPath, i) => ({ localPath, destination: destination(`sizes/${sizes[i]}.bin`) })));
    await engine.waitForIdle();
    const jobs = ids.map((id) => engine.get(id));
    for (const [i, job] of jobs.entries()) {
      expect(job).toBeDefined();
      if (job === undefined) continue;
      await expectUploaded(job);
      expect(job.verifiedBy).toBe('md5+crc64');
      expect(job.partCount).toBe(sizes[i] === SMALL_PART + 1 ? 2 : (sizes[i] ?? 0) > SMALL_PART ? 4 : 1);
      // Multipart jobs keep their uploadId; a file that fits in one part goes up with one PutObject.
      expect(job.uploadId === undefined).toBe((sizes[i] ?? 0) <= SMALL_PART);
    }
    expect(await world.listUploads('sizes/')).toEqual([]);
  });

  it('sends parts of many read chunks from reused buffers exactly as hashed: no part needs a second attempt', async () => {
    let id: JobId | undefined;
    // 24 MiB parts are 96 reads of 256 KiB each, so each part's stream reads into its own buffers again, and the third
    // part, started when one of the first two is answered, into buffers that part handed back (body-source.ts). Any buffer read into while a socket still held
    // it would send bytes other than those hashed: the server's MD5 would reject that part and it would be retried.
    // The emulator reads each connection at 32 MiB/s: once the kernel's socket buffers (a few MiB each way) are
    // full, the client's writes wait, as they do against a slow server.
    const localPath = await world.file('reuse/big.bin', 3 * 24 * MiB + 12_345, 77);
    const engine = world.engine({ settings: { ...TEST_SETTINGS, partSizeBytes: 24 * MiB, maxRequests: 2 } });
    world.emulator.setFaults({ bandwidthBytesPerSecond: 32 * MiB });
    try {
      const [added] = engine.addFiles([{ localPath, destination: destination('reuse/big.bin') }]);
      id = added;
      await engine.waitForIdle();
    } finally {
      world.emulator.setFaults({ bandwidthBytesPerSecond: 0 });
    }
    const job = id === undefined ? undefined : engine.get(id);
    if (job === undefined) throw new Error('job missing');
    await expectUploaded(job);
    const parts = engine.getParts(job.id);
    expect(parts).toHaveLength(4);
    for (const part of parts) expect(part.state).toMatchObject({ kind: 'done', attempts: 1 });
  });

  it('uploads keys with spaces, +, %, #, ?, unicode and deep prefixes', async () => {
    const keys = [
      'keys/with spaces/file one.bin',
      'keys/a+b=c.bin',
      'keys/100%/pct%20.bin',
      'keys/hash#frag.bin',
      'keys/question?mark=1&x.bin',
      'keys/unicode/文件-ñ-😀.bin',
      'keys/deep/a/b/c/d/e/f/g/h/i/j/file.bin',
    ];
    const engine = world.engine();
    const ids: JobId[] = [];
    for (const [i, key] of keys.entries()) {
      const localPath = await world.file(`keys/${i}.bin`, SMALL_PART + 5_000 * i, 200 + i);
      ids.push(...engine.addFiles([{ localPath, destination: destination(key) }]));
    }
    await engine.waitForIdle();
    for (const id of ids) {
      const job = engine.get(id);
      expect(job).toBeDefined();
      if (job !== undefined) await expectUploaded(job);
    }
  });
});

describe('UploadEngine scheduling', () => {
  it('runs at most maxFiles jobs at once and queues the rest', async () => {
    world.emulator.setFaults({ latencyMs: 5 });
    try {
      const engine = world.engine({ settings: { ...TEST_SETTINGS, maxFiles: 2 } });
      const paths = await Promise.all([0, 1, 2, 3, 4].map((i) => world.file(`files/${i}.bin`, 4 * SMALL_PART, 70 + i)));
      const ids = engine.addFiles(paths.map((localPath, i) => ({ localPath, destination: destination(`files/${i}.bin`) })));
      let most = 0;
      let queuedWhileBusy = false;
      const active = new Set(['preparing', 'uploading', 'completing', 'verifying']);
      while (engine.list().some((job) => job.status !== 'completed' && job.status !== 'failed')) {
        const jobs = engine.list();
        const running = jobs.filter((job) => active.has(job.status)).length;
        most = Math.max(most, running);
        if (running === 2 && jobs.some((job) => job.status === 'queued')) queuedWhileBusy = true;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(most).toBe(2);
      expect(queuedWhileBusy).toBe(true);
      for (const id of ids) expect(engine.get(id)?.status).toBe('completed');
    } finally {
      world.emulator.setFaults({ latencyMs: 0 });
    }
  });
});

describe('UploadEngine integrity', () => {
  it('sends a part again when the server answers with a wrong ETag, and completes verified', async () => {
    const lied = new Set<string>();
    const proxy = await startLyingProxy(world.emulator.url, (url) => {
      if (!url.includes('partNumber=2&') || lied.has(url)) return false;
      lied.add(url);
      return true;
    });
    try {
      const engine = world.engine({ client: world.makeClient({ endpoint: proxy.origin }) });
      const path = await world.file('integrity/lied.bin', 3 * SMALL_PART, 301);
      const [id] = engine.addFiles([{ localPath: path, destination: destination('integrity/lied.bin') }]);
      if (id === undefined) throw new Error('no job');
      await engine.waitForIdle();
      const job = engine.get(id);
      expect(proxy.lies()).toBe(1);
      expect(job?.retries).toBe(1);
      expect(engine.getParts(id)[1]?.state).toMatchObject({ kind: 'done', attempts: 2 });
      expect(world.emulator.stats().uploadPartAttemptsByPart[`${job?.uploadId}/2`]).toBe(2);
      if (job !== undefined) await expectUploaded(job);
    } finally {
      await proxy.close();
    }
  });
});

describe('UploadEngine journal order', () => {
  it('writes the record before Initiate, and the uploadId before any part is sent', async () => {
    const timeline: string[] = [];
    const firstWithUploadId: { status?: string } = {};
    const dispatcher = new CrashableDispatcher((options) => {
      const path = String(options.path);
      if (path.includes('?uploads')) timeline.push('initiate');
      else if (path.includes('partNumber=')) timeline.push('part');
    });
    const engine = world.engine({
      client: world.makeClient({ dispatcher }),
      journalWriteFile: async (path, data) => {
        const record = JSON.parse(data) as { uploadId: string | null; status: string; parts: unknown[] };
        timeline.push(record.uploadId === null ? 'write' : `write uploadId, ${record.parts.length} parts`);
        if (record.uploadId !== null) firstWithUploadId.status ??= record.status;
        await writeFileAtomic(path, data, { fsync: true });
      },
    });
    const path = await world.file('journal/order.bin', 3 * SMALL_PART, 61);
    const [id] = engine.addFiles([{ localPath: path, destination: destination('journal/order.bin') }]);
    if (id === undefined) throw new Error('no job');
    await engine.waitForIdle();
    expect(engine.get(id)?.status).toBe('completed');
    const initiate = timeline.indexOf('initiate');
    expect(timeline.indexOf('write')).toBeLessThan(initiate);
    expect(timeline.indexOf('write uploadId, 0 parts')).toBeGreaterThan(initiate);
    expect(timeline.indexOf('write uploadId, 0 parts')).toBeLessThan(timeline.indexOf('part'));
    // One write between Initiate and the first part: the uploadId goes to disk with the step to uploading.
    const beforeParts = timeline.slice(initiate + 1, timeline.indexOf('part'));
    expect(beforeParts).toEqual(['write uploadId, 0 parts']);
    expect(firstWithUploadId.status).toBe('uploading');
    expect(timeline.filter((entry) => entry === 'part')).toHaveLength(3);
    expect(timeline.at(-1)).toBe('write uploadId, 3 parts');
    await dispatcher.close();
  });

  it('writes only the statuses a restart needs: fsyncs per file are what a folder of small files pays', async () => {
    const written = new Map<string, string[]>();
    const engine = world.engine({
      journalWriteFile: async (path, data) => {
        const record = JSON.parse(data) as { key: string; status: string };
        written.set(record.key, [...(written.get(record.key) ?? []), record.status]);
        await writeFileAtomic(path, data, { fsync: true });
      },
    });
    const small = await world.file('journal/small.bin', 1000, 62);
    const large = await world.file('journal/large.bin', 3 * SMALL_PART, 63);
    engine.addFiles([
      { localPath: small, destination: destination('journal/small.bin') },
      { localPath: large, destination: destination('journal/large.bin') },
    ]);
    await engine.waitForIdle();
    // preparing, the step to the single PUT and verifying restore as queued: not written on their own.
    expect(written.get('journal/small.bin')).toEqual(['queued', 'completed']);
    const multipart = written.get('journal/large.bin') ?? [];
    expect(multipart.filter((status, i) => status !== multipart[i - 1])).toEqual(['queued', 'uploading', 'completing', 'completed']);
  });

  it('lets the next file start while a finished job\'s last record is being written, and waitForIdle waits for it', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldWrites = 0;
    const engine = world.engine({
      settings: { ...TEST_SETTINGS, maxFiles: 1 },
      journalWriteFile: async (path, data) => {
        const record = JSON.parse(data) as { status: string };
        if (record.status === 'completed') {
          heldWrites += 1;
          await held; // a slow disk
        }
        await writeFileAtomic(path, data, { fsync: true });
      },
    });
    const ids = engine.addFiles(
      await Promise.all(
        ['journal/first.bin', 'journal/second.bin'].map(async (key, i) => ({ localPath: await world.file(key, 1000, 64 + i), destination: destination(key) })),
      ),
    );
    // One file slot: both files can only have run if the first let go of it before its last record was on disk.
    await waitUntil('both files completed', () => ids.every((id) => engine.get(id)?.status === 'completed'));
    expect(heldWrites).toBe(2);
    let idle = false;
    const waiting = engine.waitForIdle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toBe(false);
    release();
    await waiting;
    for (const id of ids) {
      const onDisk = JSON.parse(await readFile(join(world.stateDir, `${id}.json`), 'utf8')) as { status: string };
      expect(onDisk.status).toBe('completed');
    }
  });
});

describe('UploadEngine settings at run time', () => {
  it('limits bandwidth of running uploads, and lifting the limit applies at once', async () => {
    const rate = 200_000;
    const engine = world.engine({ settings: { ...TEST_SETTINGS, bandwidthBytesPerSecond: rate } });
    const path = await world.file('settings/limited.bin', 20 * SMALL_PART, 51);
    const startedMs = performance.now();
    const [id] = engine.addFiles([{ localPath: path, destination: destination('settings/limited.bin') }]);
    if (id === undefined) throw new Error('no job');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const bytes = engine.get(id)?.bytesDone ?? 0;
    const elapsedSeconds = (performance.now() - startedMs) / 1000;
    // A token bucket lets through its burst (256 KiB) and then the rate; one 64 KiB chunk may be on its way.
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(256 * 1024 + rate * elapsedSeconds + 64 * 1024);
    expect(() => engine.updateSettings({ bandwidthBytesPerSecond: -5 })).toThrow(/bandwidthBytesPerSecond/);
    expect(engine.settings().bandwidthBytesPerSecond).toBe(rate);
    engine.updateSettings({ bandwidthBytesPerSecond: 0, maxRequests: 6 });
    await engine.waitForIdle();
    expect(engine.get(id)?.status).toBe('completed');
    // 2 MB at 200 kB/s would take 10 s; without the limit it is done well before.
    expect((performance.now() - startedMs) / 1000).toBeLessThan(5);
  });
});
