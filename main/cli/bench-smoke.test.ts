// Proof that the upload benchmark's code works (bench/upload.ts is run by hand, not by the test suite): every client
// row uploads a few MiB correctly in-process, the child-process path and the emulator process start and report, and
// the report functions turn measurements into a table and goals.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorProcess } from '../../bench/bench-emulator';
import { formatMarkdown, formatTable, memoryGoal, ratioGoal, type BenchRow } from '../../bench/bench-report';
import { runClientProcess } from '../../bench/run-client-process';
import { measureUpload, prepareUpload, type BenchTool } from '../../bench/upload-clients';
import { md5OfFile, md5OfObject, startCliTestEnv, type CliTestEnv } from './test-support/cli-test-env';
import { writeLargeSeededFile } from '../uploads/test-support/seeded-files';

const MiB = 1024 * 1024;
const FILE_BYTES = 3 * MiB + 12_345;

describe('upload benchmark (smoke)', () => {
  let t: CliTestEnv;
  let file: string;
  beforeAll(async () => {
    t = await startCliTestEnv();
    file = join(t.dir, 'bench-smoke.bin');
    await writeLargeSeededFile(file, FILE_BYTES, 9);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('uploads with each client row in-process and reports a measurement, and the report formats them', async () => {
    const rows: BenchRow[] = [];
    for (const tool of ['engine', 'ali-oss', 'ceiling'] as const satisfies readonly BenchTool[]) {
      const key = `bench-smoke/${tool}.bin`;
      const run = await prepareUpload({
        tool,
        endpoint: t.emulator.url,
        bucket: 'cli-bucket',
        key,
        filePath: file,
        accessKeyId: t.env['OSS_ACCESS_KEY_ID'] ?? '',
        accessKeySecret: t.env['OSS_ACCESS_KEY_SECRET'] ?? '',
        partSizeBytes: MiB,
        parallel: 2,
      });
      const result = await measureUpload(run);
      expect(result.bytes).toBe(FILE_BYTES);
      expect(result.seconds).toBeGreaterThan(0);
      expect(result.cpuSeconds).toBeGreaterThan(0);
      expect(result.maxRssBytes).toBeGreaterThan(10 * MiB);
      expect(await md5OfObject(t.client, key)).toEqual({ md5: await md5OfFile(file), size: FILE_BYTES });
      rows.push({ row: 'smoke', tool, settings: '1 MiB × 2', result });
    }
    const [engine, ali, ceiling] = rows.map((r) => r.result);
    if (engine === undefined || ali === undefined || ceiling === undefined) throw new Error('missing rows');
    const table = formatTable(rows);
    expect(table.split('\n')).toHaveLength(5);
    expect(table).toMatch(/^row\s+tool\s+settings\s+MiB\/s\s+CPU s\/GiB\s+peak RSS MB/);
    const goals = [ratioGoal('engine vs ali-oss', engine, ali, 1.0), memoryGoal(engine, engine, 10_000, 32)];
    expect(goals[1]?.pass).toBe(true);
    expect(formatMarkdown(rows, goals, ['note'])).toContain('| smoke | engine | 1 MiB × 2 |');
  });

  it('runs a client in its own process against an emulator in its own process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bench-smoke-emulator-'));
    const emulator = await startEmulatorProcess({ dataDir, bucket: 'smoke-bucket', accessKeyId: 'smoke-ak', accessKeySecret: 'smoke-secret' });
    try {
      const result = await runClientProcess({
        tool: 'engine',
        endpoint: emulator.url,
        bucket: 'smoke-bucket',
        key: 'child.bin',
        filePath: file,
        accessKeyId: 'smoke-ak',
        accessKeySecret: 'smoke-secret',
        partSizeBytes: MiB,
        parallel: 2,
      });
      expect(result.bytes).toBe(FILE_BYTES);
      expect(result.maxRssBytes).toBeGreaterThan(10 * MiB);
      await expect(
        runClientProcess({ tool: 'ceiling', endpoint: emulator.url, bucket: 'smoke-bucket', key: 'bad.bin', filePath: file, accessKeyId: 'smoke-ak', accessKeySecret: 'wrong' }),
      ).rejects.toThrow(/ceiling client exited with 1/);
    } finally {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
