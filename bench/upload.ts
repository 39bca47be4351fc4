// `npm run bench`: the upload benchmark of issue 3. One generated file per row group (temp dir, deleted after), one
// emulator per row in a SEPARATE process (its CPU is not the client's), each client in its own process (its CPU and
// peak RSS are its own). Prints the table and the goals, and writes them as Markdown to bench-results/upload.md.
// Not a test: it never fails on a missed goal (the machine is shared; numbers vary), it reports PASS or MISS.
//
//   npm run bench -- [--size 1GiB] [--quick] [--rows 1,2,3] [--runs 3] [--cores split|shared]
//
// Rows 1 and 2 run in rounds (each round runs every client once, in a rotated order) and report the median: on the
// shared 2-core machine one client's throughput varies by ±10% from run to run, more than the differences measured.
// Ratios pair the runs of one round. The memory rows run once (peak RSS hardly varies).
//
// The long-distance link (row 2) is the emulator's link model: a fixed delay per request and a bandwidth cap per
// connection; see bench/README.md for what it models and what it leaves out.
import { mkdir, mkdtemp, open, rm, statfs, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { parseSize } from '../main/cli/parse-size';
import { writeLargeSeededFile } from '../main/uploads/test-support/seeded-files';
import { EMULATOR_NODE_FLAGS } from '../main/emulator/emulator-node-flags';
import { startEmulatorProcess } from './bench-emulator';
import { planCpuSplit, tasksetAvailable, type CpuSplit } from './cpu-split';
import {
  formatGoals,
  formatMarkdown,
  formatTable,
  memoryGoal,
  ratioGoal,
  medianRun,
  type BenchRow,
  type BenchRun,
  type ClientMeasurement,
  type GoalCheck,
} from './bench-report';
import { runClientProcess } from './run-client-process';
import type { BenchTool } from './upload-clients';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const BUCKET = 'bench-bucket';
const ACCESS_KEY_ID = 'bench-ak';
const ACCESS_KEY_SECRET = 'bench-secret';
/** The long-distance link of issue 3: 40 ms added to every request, 16 MiB/s per connection. */
const LINK = { latencyMs: 40, bandwidthBytesPerSecond: 16 * MiB } as const;
/** Free space the 2 GiB memory row needs: the file, the emulator's parts and the assembled object. */
const LARGE_ROW_MIN_FREE_BYTES = 8 * GiB;

interface Sizes {
  readonly loopback: number;
  readonly longDistance: number;
  readonly memorySmall: number;
  readonly memoryLarge: number;
}

function sizesFor(sizeBytes: number, quick: boolean): Sizes {
  if (quick) return { loopback: Math.min(sizeBytes, 64 * MiB), longDistance: 32 * MiB, memorySmall: 32 * MiB, memoryLarge: 128 * MiB };
  return { loopback: sizeBytes, longDistance: Math.min(sizeBytes, 256 * MiB), memorySmall: 256 * MiB, memoryLarge: 2 * GiB };
}

function sizeLabel(bytes: number): string {
  return bytes >= GiB ? `${bytes / GiB} GiB` : `${bytes / MiB} MiB`;
}

interface RowSpec {
  readonly row: string;
  readonly tool: BenchTool;
  readonly settings: string;
  readonly filePath: string;
  readonly partSizeBytes?: number;
  readonly parallel?: number;
  readonly link?: typeof LINK;
}

/**
 * One run: a fresh emulator process with its own data directory, one client process (each on its side of
 * `placement` when given), then both cleaned up.
 */
async function runOnce(work: string, spec: RowSpec, index: number, placement: CpuSplit | undefined): Promise<BenchRun> {
  const dataDir = join(work, `emulator-${index}`);
  const emulator = await startEmulatorProcess({
    dataDir,
    bucket: BUCKET,
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    cpus: placement?.server,
    ...spec.link,
  });
  try {
    process.stdout.write(`  ${spec.row}: ${spec.tool} (${spec.settings}) ... `);
    const serverCpuBefore = await emulator.cpuSeconds();
    const result = await runClientProcess({
      tool: spec.tool,
      endpoint: emulator.url,
      bucket: BUCKET,
      key: `bench/${index}-${spec.tool}.bin`,
      filePath: spec.filePath,
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      partSizeBytes: spec.partSizeBytes,
      parallel: spec.parallel,
      serverPid: emulator.pid,
    }, placement?.client);
    const serverCpuAfter = await emulator.cpuSeconds();
    process.stdout.write(`${(result.bytes / MiB / result.seconds).toFixed(1)} MiB/s\n`);
    // Includes the client process's start-up, when the emulator only waits: a few hundredths of a second.
    const serverCpuSeconds = serverCpuBefore === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpuBefore;
    return { row: spec.row, tool: spec.tool, settings: spec.settings, result, serverCpuSeconds };
  } finally {
    await emulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Generates an input file and flushes it to disk before any row reads it, so the kernel's write-back of the fresh
 * file does not fall into the first row after it (the engine's, in every group) while the emulator writes and syncs.
 */
async function writeInputFile(path: string, size: number, seed: number): Promise<void> {
  await writeLargeSeededFile(path, size, seed);
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/**
 * Runs every spec `runs` times, round by round; round r starts with spec r (mod count), so no client always runs
 * first (right after the input file was written) or last. Returns each spec's runs in round order.
 */
async function runRounds(
  work: string,
  specs: readonly RowSpec[],
  runs: number,
  nextIndex: () => number,
  placement: CpuSplit | undefined,
): Promise<BenchRun[][]> {
  const results: BenchRun[][] = specs.map(() => []);
  for (let round = 0; round < runs; round++) {
    if (runs > 1) console.log(`  round ${round + 1} of ${runs}`);
    for (let k = 0; k < specs.length; k++) {
      const at = (round + k) % specs.length;
      const spec = specs[at];
      if (spec !== undefined) results[at]?.push(await runOnce(work, spec, nextIndex(), placement));
    }
  }
  return results;
}

/** The runs of one client in one row group, for the paired ratio goals. */
function runsOf(groups: readonly (readonly BenchRun[])[], tool: BenchTool): ClientMeasurement[] {
  return groups.find((runs) => runs[0]?.tool === tool)?.map((r) => r.result) ?? [];
}

/** Runs every row; returns the rows, the goals and notes for the report. */
async function runBenchmark(
  work: string,
  sizes: Sizes,
  groups: ReadonlySet<number>,
  runs: number,
  placement: CpuSplit | undefined,
): Promise<{ rows: BenchRow[]; goals: GoalCheck[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const goals: GoalCheck[] = [];
  let index = 0;
  const nextIndex = (): number => index++;

  const loopbackRow = `1 loopback ${sizeLabel(sizes.loopback)}`;
  if (groups.has(1)) {
    const loopFile = join(work, 'loopback.bin');
    await writeInputFile(loopFile, sizes.loopback, 1);
    const specs = (['engine', 'ali-oss', 'ceiling'] as const).map(
      (tool): RowSpec => ({ row: loopbackRow, tool, settings: '8 MiB × 4', filePath: loopFile, partSizeBytes: 8 * MiB, parallel: 4 }),
    );
    const results = await runRounds(work, specs, runs, nextIndex, placement);
    await rm(loopFile, { force: true });
    rows.push(...results.map(medianRun));
    goals.push(ratioGoal('loopback: engine vs ali-oss', runsOf(results, 'engine'), runsOf(results, 'ali-oss'), 1.0));
    goals.push(ratioGoal('loopback: engine vs ceiling', runsOf(results, 'engine'), runsOf(results, 'ceiling'), 0.8));
  }

  const linkRow = `2 long-distance ${sizeLabel(sizes.longDistance)}`;
  if (groups.has(2)) {
    const linkFile = join(work, 'long-distance.bin');
    await writeInputFile(linkFile, sizes.longDistance, 2);
    const specs: RowSpec[] = [
      { row: linkRow, tool: 'engine', settings: 'defaults: 8 MiB × 8', filePath: linkFile, link: LINK },
      { row: linkRow, tool: 'ali-oss', settings: 'defaults: 1 MiB × 5', filePath: linkFile, link: LINK },
      // Not a goal: what the link and the emulator allow at the engine's settings, to read the engine's row against.
      { row: linkRow, tool: 'ceiling', settings: '8 MiB × 8', filePath: linkFile, link: LINK, partSizeBytes: 8 * MiB, parallel: 8 },
    ];
    const results = await runRounds(work, specs, runs, nextIndex, placement);
    await rm(linkFile, { force: true });
    rows.push(...results.map(medianRun));
    goals.push(ratioGoal('long-distance: engine vs ali-oss (defaults)', runsOf(results, 'engine'), runsOf(results, 'ali-oss'), 2.0));
  }

  const memoryRows: ClientMeasurement[] = [];
  for (const size of groups.has(3) ? [sizes.memorySmall, sizes.memoryLarge] : []) {
    if (size > 2 * GiB - 1 && (await freeBytes(work)) < LARGE_ROW_MIN_FREE_BYTES) {
      notes.push(`memory row for ${sizeLabel(size)} skipped: less than ${LARGE_ROW_MIN_FREE_BYTES / GiB} GiB free in ${work}`);
      console.log(`  skipped the ${sizeLabel(size)} memory row: not enough free disk space`);
      continue;
    }
    const file = join(work, `memory-${size}.bin`);
    await writeInputFile(file, size, 3);
    const run = await runOnce(work, { row: `3 memory ${sizeLabel(size)}`, tool: 'engine', settings: 'defaults: 8 MiB × 8', filePath: file }, nextIndex(), placement);
    rows.push(medianRun([run]));
    memoryRows.push(run.result);
    await rm(file, { force: true });
  }

  const [small, large] = memoryRows;
  if (small && large) goals.push(memoryGoal(small, large, 200, 32));

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  notes.push(
    `${cpus().length} cores (${cpu}), Node ${process.version}; emulator and each client in separate processes; rows 1 and 2: ${runs} round${runs === 1 ? '' : 's'}, median shown, ratios are the median of the per-round ratios.`,
    placement === undefined
      ? 'Cores shared: the emulator and the client may run on every core, so CPU one spends is taken from the other (--cores shared, or no taskset).'
      : `Cores split: the emulator runs on CPU ${placement.server} and the clients on CPU ${placement.client} (taskset), as OSS never runs on the uploader's cores (bench/README.md).`,
    'The emulator runs with --no-fsync: it answers once a body and its record are in their files, without waiting for this machine\'s one disk to flush them, as OSS answers once a part is on its replicas (bench/README.md).',
    `The emulator runs with ${EMULATOR_NODE_FLAGS.join(' ')}: with V8's defaults it fell into full-GC storms that slowed every client at random (bench/README.md).`,
    `Long-distance link: the emulator adds ${LINK.latencyMs} ms to every request and caps each connection at ${LINK.bandwidthBytesPerSecond / MiB} MiB/s (bench/README.md).`,
    'CPU is the client process only (user + system, all threads) during the upload; emulator CPU is the emulator process over the same run (Linux /proc); peak RSS is the client process over its life.',
    'Emulator idle is how long the emulator\'s main thread slept during the timed upload (neither running nor waiting for a CPU), per GiB: mostly the time the client left the server waiting, plus the emulator\'s own disk waits. It does not follow the emulator\'s own CPU cost, which varies from run to run (bench/README.md).',
    'The ceiling holds the whole file in memory before timing (its RSS is not comparable), and neither hashes nor checks anything; neither does ali-oss.',
    'The long-distance ceiling row (the engine\'s part size and parallelism, nothing else) shows what the link and the emulator allow; it has no goal.',
  );
  return { rows, goals, notes };
}

/** `--rows 1,3` → {1, 3}; only the three row groups exist. */
function parseGroups(text: string): Set<number> {
  const groups = new Set(text.split(',').map((part) => Number(part.trim())));
  for (const group of groups) {
    if (![1, 2, 3].includes(group)) throw new InvalidArgumentError(`row groups are 1, 2 and 3, got ${JSON.stringify(text)}`);
  }
  return groups;
}

function parseCores(text: string): 'split' | 'shared' {
  if (text !== 'split' && text !== 'shared') throw new InvalidArgumentError(`cores is split or shared, got ${JSON.stringify(text)}`);
  return text;
}

function parseRuns(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new InvalidArgumentError(`runs is a whole number from 1 to 20, got ${JSON.stringify(text)}`);
  return n;
}

/** The split of this machine's CPUs, or undefined (shared) with a warning where it cannot be had. */
function splitOrWarn(): CpuSplit | undefined {
  const split = planCpuSplit(cpus().length);
  if (split === undefined || !tasksetAvailable()) {
    console.log('  cores shared: a split needs at least 2 CPUs and taskset (util-linux, Linux only)');
    return undefined;
  }
  return split;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('bench')
    .option('--size <size>', 'loopback file size', (text) => parseSize(text), GiB)
    .option('--quick', 'small sizes, for a smoke run')
    .option('--rows <list>', 'row groups to run: 1 loopback, 2 long distance, 3 memory', parseGroups, new Set([1, 2, 3]))
    .option('--runs <n>', 'rounds of rows 1 and 2 (the median is reported)', parseRuns, 3)
    .option('--cores <mode>', 'split: emulator and clients on separate cores (Linux taskset); shared: all cores for both', parseCores, 'split')
    .parse([...argv], { from: 'user' });
  const options = program.opts<{ size: number; quick?: boolean; rows: ReadonlySet<number>; runs: number; cores: 'split' | 'shared' }>();
  const sizes = sizesFor(options.size, options.quick === true);
  const work = await mkdtemp(join(tmpdir(), 'bench-upload-'));
  console.log(`Upload benchmark${options.quick === true ? ' (quick)' : ''}, working in ${work}`);
  try {
    const placement = options.cores === 'split' ? splitOrWarn() : undefined;
    const { rows, goals, notes } = await runBenchmark(work, sizes, options.rows, options.runs, placement);
    console.log(`\n${formatTable(rows)}\n\n${formatGoals(goals)}\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
    const outDir = join(__dirname, '..', 'bench-results');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'upload.md'), formatMarkdown(rows, goals, notes));
    console.log(`\nWrote ${join(outDir, 'upload.md')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
