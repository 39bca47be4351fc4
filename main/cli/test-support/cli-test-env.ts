// TEST-ONLY: what the oss-upload tests share: an emulator in the test process, a temp directory, an OssClient to
// check results with, and two ways to run the CLI: in-process through runCli (fast, for everything that needs no
// signal) and as a real child process through tsx (signals, kill -9).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { startEmulator } from '../../emulator/emulator-server';
import type { RunningEmulator } from '../../emulator/emulator-types';
import { staticCredentials } from '../../oss/credentials';
import { listAllMultipartUploads } from '../../oss/list-iterators';
import { OssClient } from '../../oss/oss-client';
import type { CliContext } from '../cli-context';
import { runCli } from '../oss-upload';

/** The bucket every CLI test uploads to. */
export const BUCKET = 'cli-bucket';
const ACCESS_KEY_ID = 'cli-test-ak';
/** The emulator's secret; tests check it never shows up in any output. */
export const ACCESS_KEY_SECRET = 'cli-test-secret-VALUE';

const CLI_ENTRY = join(__dirname, '..', 'oss-upload.ts');
/** tsx's loader by absolute URL: `--import tsx` would be resolved from the child's working directory (a temp dir). */
const TSX_LOADER = pathToFileURL(createRequire(__filename).resolve('tsx')).href;

/** An emulator, a temp directory and helpers. */
export interface CliTestEnv {
  readonly emulator: RunningEmulator;
  /** Temp directory for files and state directories; removed by dispose(). */
  readonly dir: string;
  /** A client of the emulator's bucket, to check what the CLI uploaded. */
  readonly client: OssClient;
  /** `--endpoint URL --region cn-hangzhou`. */
  readonly endpointArgs: readonly string[];
  /** Environment with the emulator's credentials. */
  readonly env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

/** Starts an emulator and a temp directory. */
export async function startCliTestEnv(): Promise<CliTestEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'oss-cli-test-'));
  const emulator = await startEmulator({
    port: 0,
    dataDir: join(dir, 'emulator'),
    buckets: [BUCKET],
    credentials: [{ accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET }],
  });
  const client = new OssClient({
    endpoint: emulator.url,
    region: 'cn-hangzhou',
    signatureVersion: 'v4',
    credentials: staticCredentials({ accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET }),
  });
  return {
    emulator,
    dir,
    client,
    endpointArgs: ['--endpoint', emulator.url, '--region', 'cn-hangzhou'],
    env: { OSS_ACCESS_KEY_ID: ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET },
    dispose: async () => {
      await client.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

/** Runs the CLI in this process (no TTY: plain lines). */
export async function runCliInProcess(args: readonly string[], options: { env: Readonly<Record<string, string>>; cwd: string }): Promise<CliRun> {
  const out = collector();
  const err = collector();
  const ctx: CliContext = {
    stdout: out.stream,
    stderr: err.stream,
    env: options.env,
    cwd: options.cwd,
    homeDir: options.cwd,
    onInterrupt: () => () => undefined,
    forceExit: (code) => {
      throw new Error(`forceExit(${code}) in an in-process run`);
    },
  };
  const code = await runCli(args, ctx);
  await new Promise((resolve) => setImmediate(resolve)); // let the collectors see the last writes
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A CLI child process. */
export interface SpawnedCli {
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `oss-upload` as a child process under tsx, as `npm run oss-upload` does. */
export function spawnCli(args: readonly string[], options: { env: Readonly<Record<string, string>>; cwd: string }): SpawnedCli {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI_ENTRY, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Hex MD5 of a local file. */
export async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hex MD5 and size of an object, streamed with GetObject. */
export async function md5OfObject(client: OssClient, key: string): Promise<{ md5: string; size: number }> {
  const object = await client.getObject({ bucket: BUCKET, key });
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of object.body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { md5: hash.digest('hex'), size };
}

/** Every incomplete multipart upload left in the bucket. */
export async function incompleteUploads(client: OssClient): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of listAllMultipartUploads(client, { bucket: BUCKET })) keys.push(...page.uploads.map((u) => `${u.key} ${u.uploadId}`));
  return keys;
}

/** Resolves once `condition()` is true, checking every `intervalMs`; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
