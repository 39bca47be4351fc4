// `npm run bench:abort`: issue 4 item 4, "Aborting 1,000 uploads must take at most 1/8 of the time of doing them
// one by one". One run against the emulator in a SEPARATE process (bench-emulator.ts) with a latency added to every
// request, to imitate a real round trip: the peer is AbortMultipartUpload sent one at a time through the OssClient;
// the candidate is the manager's bulkAbort by prefix filter (its listing included) at its default concurrency.
// Prints the times and the goal, and writes them as Markdown to bench-results/abort.md.
// Not a test: it never fails on a missed goal (the machine is shared; numbers vary), it reports PASS or MISS.
//
//   npm run bench:abort -- [--count 1000] [--latency-ms 20]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_BULK_ABORT_CONCURRENCY } from '../main/incomplete/bulk-abort';
import { IncompleteUploadManager } from '../main/incomplete/incomplete-upload-manager';
import { runPool } from '../main/incomplete/run-pool';
import { staticCredentials } from '../main/oss/credentials';
import { listAllMultipartUploads } from '../main/oss/list-iterators';
import { OssClient } from '../main/oss/oss-client';
import type { UploadInfo } from '../main/oss/oss-types';
import { startEmulatorProcess } from './bench-emulator';

const BUCKET = 'bench-bucket';
const ACCESS_KEY_ID = 'bench-ak';
const ACCESS_KEY_SECRET = 'bench-secret';
/** Issue 4 item 4: bulk at most 1/8 of one by one. */
const GOAL_RATIO = 1 / 8;
/** Uploads initiated at once while setting up (setup is not timed). */
const SETUP_CONCURRENCY = 32;

/** One timed way of aborting `count` uploads. */
interface Timing {
  readonly name: string;
  readonly count: number;
  readonly seconds: number;
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function nonNegativeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** Initiates `count` uploads under `prefix`, SETUP_CONCURRENCY at once. */
async function createUploads(client: OssClient, prefix: string, count: number): Promise<void> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}.bin`);
  await runPool(keys, SETUP_CONCURRENCY, async (key) => {
    await client.initiateMultipartUpload({ bucket: BUCKET, key });
  });
}

async function listUploads(client: OssClient, prefix: string): Promise<UploadInfo[]> {
  const uploads: UploadInfo[] = [];
  for await (const page of listAllMultipartUploads(client, { bucket: BUCKET, prefix })) uploads.push(...page.uploads);
  return uploads;
}

/** Throws unless nothing is left under `prefix`: a timing of aborts that did not all happen would mean nothing. */
async function assertNoneLeft(client: OssClient, prefix: string): Promise<void> {
  const left = (await listUploads(client, prefix)).length;
  if (left !== 0) throw new Error(`${left} uploads under ${prefix} survived the abort`);
}

/** The peer: one AbortMultipartUpload after another, each waiting for the previous answer. */
async function abortOneByOne(client: OssClient, prefix: string): Promise<Timing> {
  const uploads = await listUploads(client, prefix);
  const started = performance.now();
  for (const upload of uploads) await client.abortMultipartUpload({ bucket: BUCKET, key: upload.key, uploadId: upload.uploadId });
  const seconds = (performance.now() - started) / 1000;
  await assertNoneLeft(client, prefix);
  return { name: 'one by one (OssClient, sequential)', count: uploads.length, seconds };
}

/** The candidate: the manager's bulk abort of everything under `prefix`, listing included, default concurrency. */
async function abortInBulk(client: OssClient, prefix: string): Promise<Timing> {
  const manager = new IncompleteUploadManager({ clients: () => client, now: Date.now });
  const started = performance.now();
  const result = await manager.bulkAbort({ bucket: BUCKET, target: { kind: 'filter', filter: { prefix } } });
  const seconds = (performance.now() - started) / 1000;
  const { summary } = result;
  if (summary.aborted !== summary.total) throw new Error(`bulk abort did not abort everything: ${JSON.stringify(summary)}`);
  await assertNoneLeft(client, prefix);
  return { name: `bulkAbort (manager, concurrency ${DEFAULT_BULK_ABORT_CONCURRENCY}, listing included)`, count: summary.total, seconds };
}

/** The report as plain text lines (the console) or Markdown (the results file). */
function formatReport(timings: readonly [Timing, Timing], latencyMs: number, markdown: boolean): string {
  const [peer, bulk] = timings;
  const ratio = bulk.seconds / peer.seconds;
  const verdict = ratio <= GOAL_RATIO ? 'PASS' : 'MISS';
  const cells = (t: Timing): string[] => [t.name, String(t.count), t.seconds.toFixed(2), (t.count / t.seconds).toFixed(1)];
  const headers = ['method', 'uploads', 'seconds', 'uploads/s'];
  const goal = `bulk / one-by-one = ${ratio.toFixed(3)} (goal ≤ ${GOAL_RATIO}: ${verdict})`;
  const notes = [
    `Emulator in its own process with ${latencyMs} ms added to every request (a real round trip); one run.`,
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; the machine may be shared.`,
    'Uploads are initiated before each timing (not timed); every timing is checked afterwards by listing: none left.',
  ];
  if (!markdown) {
    return [...[peer, bulk].map((t) => `${cells(t)[0]}: ${t.count} uploads in ${cells(t)[2]} s (${cells(t)[3]} uploads/s)`), goal, ...notes].join('\n');
  }
  const line = (row: readonly string[]): string => `| ${row.join(' | ')} |`;
  return [
    '# Abort benchmark (issue 4 item 4)',
    '',
    line(headers),
    line(['---', '---:', '---:', '---:']),
    line(cells(peer)),
    line(cells(bulk)),
    '',
    `**${goal}**`,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const options = new Command('bench:abort')
    .option('--count <n>', 'uploads per timing', positiveInteger, 1000)
    .option('--latency-ms <ms>', 'added to every request by the emulator', nonNegativeInteger, 20)
    .parse([...argv], { from: 'user' })
    .opts<{ count: number; latencyMs: number }>();
  const work = await mkdtemp(join(tmpdir(), 'bench-abort-'));
  console.log(`Abort benchmark: ${options.count} uploads, ${options.latencyMs} ms added latency, working in ${work}`);
  const emulator = await startEmulatorProcess({
    dataDir: join(work, 'emulator'),
    bucket: BUCKET,
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    latencyMs: options.latencyMs,
  });
  const client = new OssClient({
    endpoint: emulator.url,
    region: 'cn-hangzhou',
    addressing: 'path-style',
    signatureVersion: 'v4',
    credentials: staticCredentials({ accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET }),
    connectionsPerOrigin: SETUP_CONCURRENCY,
  });
  try {
    await createUploads(client, 'one-by-one/', options.count);
    const peer = await abortOneByOne(client, 'one-by-one/');
    await createUploads(client, 'bulk/', options.count);
    const bulk = await abortInBulk(client, 'bulk/');
    console.log(formatReport([peer, bulk], options.latencyMs, false));
    const outDir = join(__dirname, '..', 'bench-results');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'abort.md'), formatReport([peer, bulk], options.latencyMs, true));
    console.log(`Wrote ${join(outDir, 'abort.md')}`);
  } finally {
    await client.close();
    await emulator.stop();
    await rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
