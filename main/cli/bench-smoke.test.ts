// Proof that the upload benchmark's code works (bench/upload.ts is run by hand, not by the test suite): every client
// row uploads a few MiB correctly in-process, the child-process path and the emulator process start and report, and
// the report functions turn measurements into a table and goals.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorProcess } from '../../bench/bench-emulator';
import { formatMarkdown, formatTable, medianRun, memoryGoal, ratioGoal, type BenchRow, type ClientMeasurement } from '../../bench/bench-report';
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
      rows.push(medianRun([{ row: 'smoke', tool, settings: '1 MiB × 2', result }]));
    }
    const [engine, ali, ceiling] = rows.map((r) => r.result);
    if (engine === undefined || ali === undefined || ceiling === undefined) throw new Error('missing rows');
    const table = formatTable(rows);
    expect(table.split('\n')).toHaveLength(5);
    expect(table).toMatch(/^row\s+tool\s+settings\s+MiB\/s\s+runs MiB\/s\s+CPU s\/GiB\s+emulator CPU s\/GiB\s+emulator idle s\/GiB\s+peak RSS MB/);
    const goals = [ratioGoal('engine vs ali-oss', [engine], [ali], 1.0), memoryGoal(engine, engine, 10_000, 32)];
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
        serverPid: emulator.pid,
      });
      expect(result.bytes).toBe(FILE_BYTES);
      expect(result.maxRssBytes).toBeGreaterThan(10 * MiB);
      const serverCpu = await emulator.cpuSeconds();
      // /proc exists on Linux only; elsewhere the columns read "—".
      if (process.platform === 'linux') {
        expect(serverCpu).toBeGreaterThan(0);
        // The emulator slept at least while the client signed requests and read the file: more than nothing, less than the upload.
        expect(result.serverIdleSeconds).toBeGreaterThan(0);
        expect(result.serverIdleSeconds).toBeLessThan(result.seconds);
      } else {
        expect(serverCpu).toBeUndefined();
        expect(result.serverIdleSeconds).toBeUndefined();
      }
      await expect(
        runClientProcess({ tool: 'ceiling', endpoint: emulator.url, bucket: 'smoke-bucket', key: 'bad.bin', filePath: file, accessKeyId: 'smoke-ak', accessKeySecret: 'wrong' }),
      ).rejects.toThrow(/ceiling client exited with 1/);
    } finally {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('reports the median of several runs and judges ratios on the median of per-round pairs', () => {
    const run = (seconds: number): ClientMeasurement => ({ bytes: 100 * MiB, seconds, cpuSeconds: 1, maxRssBytes: 50 * MiB });
    const runs = [run(1), run(0.5), run(2)].map((result) => ({ row: 'r', tool: 'engine', settings: 's', result }));
    const row = medianRun(runs);
    expect(row.result.seconds).toBe(1); // 100 MiB/s: the middle of 50, 100 and 200
    expect(row.runsMiBPerSecond).toEqual([100, 200, 50]);
    expect(formatTable([row])).toContain('50–200');
    // Emulator idle per GiB: 0.5 s over 100 MiB is 5.12 s/GiB; not measured reads "—".
    const idle = medianRun([{ row: 'r', tool: 'engine', settings: 's', result: { ...run(1), serverIdleSeconds: 0.5 } }]);
    expect(formatTable([idle]).split('\n')[2]).toMatch(/\s5\.12\s+52$/);
    expect(formatTable([row]).split('\n')[2]).toMatch(/—\s+—\s+52$/);
    // Per-round ratios 1.25, 0.90 and 2.00: the goal is judged on their median.
    const goal = ratioGoal('paired', [run(1), run(0.5), run(2)], [run(1.25), run(0.45), run(4)], 1.0);
    expect(goal.measured).toBe('1.25× (rounds: 1.25, 0.90, 2.00)');
    expect(goal.pass).toBe(true);
    expect(ratioGoal('one round', [run(1)], [run(0.9)], 1.0)).toMatchObject({ measured: '0.90×', pass: false });
    expect(() => ratioGoal('unpaired', [run(1)], [run(1), run(1)], 1.0)).toThrow(/paired runs/);
  });
});
