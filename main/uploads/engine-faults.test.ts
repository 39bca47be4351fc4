import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PART, TEST_ACCOUNT, TEST_BUCKET, startEngineFixture, type EngineFixture } from './test-support/engine-fixture';
import { compareObjectWithFile } from './test-support/object-bytes';

// Issue 3, tests: under emulator faults (10% of part bodies reset mid-stream, 5% 503, 2% 500, added latency) 20
// uploads of mixed sizes all complete byte-exact. The faults are seeded, and so is the backoff jitter.

let world: EngineFixture;

beforeAll(async () => {
  world = await startEngineFixture({
    emulator: {
      faults: { seed: 20_251, resetPartBodyRate: 0.1, resetAfterBytes: 40_000, error503Rate: 0.05, error500Rate: 0.02, latencyMs: 3 },
    },
  });
});

afterAll(async () => {
  await world.dispose();
});

function seededRandom(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe('UploadEngine under faults', () => {
  it('completes 20 uploads of mixed sizes byte-exact through resets, 503s, 500s and latency', async () => {
    const random = seededRandom(7);
    const sizes = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? Math.floor(random() * SMALL_PART) : Math.floor(SMALL_PART + random() * 6 * SMALL_PART)));
    const items = await Promise.all(
      sizes.map(async (size, i) => ({
        localPath: await world.file(`faults/${i}.bin`, size, 1_000 + i),
        destination: { accountId: TEST_ACCOUNT, bucket: TEST_BUCKET, key: `faults/file-${i}.bin` },
      })),
    );
    const engine = world.engine({ random: seededRandom(11) });
    const ids = engine.addFiles(items);
    await engine.waitForIdle();
    const stats = world.emulator.stats();
    // The checks below read through the same emulator: they should not meet the faults.
    world.emulator.setFaults({ resetPartBodyRate: 0, error503Rate: 0, error500Rate: 0, latencyMs: 0 });
    for (const [i, id] of ids.entries()) {
      const job = engine.get(id);
      expect(job?.status, `${i}: ${JSON.stringify(job?.error)}`).toBe('completed');
      expect(job?.verifiedBy).toBe('md5+crc64');
      const comparison = await compareObjectWithFile(world.client, TEST_BUCKET, `faults/file-${i}.bin`, items[i]?.localPath ?? '');
      expect(comparison.equal, `file ${i}`).toBe(true);
    }
    // The faults really happened, and the engine retried through them.
    expect(stats.faultsInjected['reset'] ?? 0).toBeGreaterThan(0);
    expect(stats.faultsInjected['error503'] ?? 0).toBeGreaterThan(0);
    expect(stats.faultsInjected['error500'] ?? 0).toBeGreaterThan(0);
    expect(engine.list().reduce((sum, job) => sum + job.retries, 0)).toBeGreaterThan(0);
    expect(await world.listUploads('faults/')).toEqual([]);
  });
});
