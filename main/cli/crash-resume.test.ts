// Issue 3, "Tests" → Crash: a child process runs `oss-upload put` on a 200 MiB file and is killed with SIGKILL at
// five random (seeded) moments after it made progress; each re-run of the same command resumes from the journal;
// the final object is byte-exact, nothing is left incomplete on the server, and after each kill the bytes sent
// again for parts the server had already received bytes of stay within parallel × part size.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../emulator/faults/mulberry32';
import { incompleteUploads, md5OfFile, md5OfObject, spawnCli, startCliTestEnv, waitUntil, type CliTestEnv } from './test-support/cli-test-env';
import { writeLargeSeededFile } from '../uploads/test-support/seeded-files';

const MiB = 1024 * 1024;
const FILE_BYTES = 200 * MiB;
/** 2 MiB parts (100 of them) keep the run short on two shared cores and give every kill parts in flight. */
const PART_BYTES = 2 * MiB;
const PARALLEL = 4;
const KILLS = 5;
const KEY = 'crash/two-hundred.bin';

/**
 * Bytes received after `before` for parts that had received any bytes by then: what a resumed run sent again.
 * (Parts received completely and kept are never sent again; those cut off mid-body are sent again whole.)
 */
function resentBytes(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [part, bytes] of Object.entries(before)) if (bytes > 0) total += (after[part] ?? bytes) - bytes;
  return total;
}

/** Resolves once `read()` has not changed for 300 ms. */
async function waitForQuiet(read: () => number): Promise<void> {
  let last = read();
  let stableSince = Date.now();
  while (Date.now() - stableSince < 300) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = read();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
  }
}

describe('oss-upload put survives kill -9', () => {
  let t: CliTestEnv;
  beforeAll(async () => {
    t = await startCliTestEnv();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('resumes after five SIGKILLs and ends with a byte-exact object and nothing left over', async () => {
    const file = join(t.dir, 'two-hundred.bin');
    await writeLargeSeededFile(file, FILE_BYTES, 2024);
    const stateDir = join(t.dir, 'state');
    const args = ['put', file, `oss://cli-bucket/${KEY}`, ...t.endpointArgs, '--part-size', '2MiB', '--parallel', String(PARALLEL), '--state-dir', stateDir];
    const random = mulberry32(42);
    const received = (): number => t.emulator.stats().uploadPartBytesReceived;
    const resentPerKill: number[] = [];
    let killedAt: Readonly<Record<string, number>> | undefined;

    for (let kill = 0; kill < KILLS; kill++) {
      const cli = spawnCli(args, { env: t.env, cwd: t.dir });
      const start = received();
      // Kill after 4 … 28 MiB of new part bytes: always mid-upload, at a different point of a part each time.
      const progressBytes = Math.round((4 + random() * 24) * MiB);
      await waitUntil(() => received() - start >= progressBytes || cli.child.exitCode !== null, 60_000, `progress before kill ${kill + 1}`);
      expect(cli.child.exitCode, `run ${kill + 1} ended before its kill:\n${cli.output()}`).toBeNull();
      cli.child.kill('SIGKILL');
      expect((await cli.exited).signal).toBe('SIGKILL');
      // The kernel still delivers what the dead process had queued on its sockets: count it as sent before the kill.
      await waitForQuiet(received);
      const now = t.emulator.stats().uploadPartBytesByPart;
      if (killedAt !== undefined) resentPerKill.push(resentBytes(killedAt, now));
      killedAt = now;
    }

    const last = spawnCli(args, { env: t.env, cwd: t.dir });
    const { code } = await last.exited;
    expect(code, last.output()).toBe(0);
    expect(last.output()).toMatch(/resuming: [\d.]+ MiB already uploaded/);
    if (killedAt !== undefined) resentPerKill.push(resentBytes(killedAt, t.emulator.stats().uploadPartBytesByPart));

    expect(resentPerKill).toHaveLength(KILLS);
    for (const bytes of resentPerKill) expect(bytes).toBeLessThanOrEqual(PARALLEL * PART_BYTES);
    // One upload id for the whole story: every run continued the same multipart upload.
    expect(new Set(Object.keys(t.emulator.stats().uploadPartBytesByPart).map((part) => part.split('/')[0])).size).toBe(1);
    expect(await md5OfObject(t.client, KEY)).toEqual({ md5: await md5OfFile(file), size: FILE_BYTES });
    expect(await incompleteUploads(t.client)).toEqual([]);
  });
});
