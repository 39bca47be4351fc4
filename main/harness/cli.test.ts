import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_PATHS } from './harness-protocol';

const CLI = path.join(__dirname, 'cli.ts');

interface Run {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

function runCli(args: readonly string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: path.resolve(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function printedUrl(run: Run): Promise<string> {
  for (;;) {
    const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output());
    if (match !== null && match[1] !== '0') return match[0];
    if (run.child.exitCode !== null) throw new Error(`the harness exited: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('dev:web CLI', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('prints its URL with --port 0, serves the bridge, and exits 0 on SIGTERM after shutting the core down', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'oss-harness-cli-'));
    dirs.push(dataDir);
    const run = runCli(['--port', '0', '--data-dir', dataDir, '--no-build']);
    const url = await printedUrl(run);
    const bridge = await fetch(`${url}${HARNESS_PATHS.bridge}`);
    expect(bridge.status).toBe(200);
    expect(bridge.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(run.output()).toMatch(/Embedded OSS emulator: http:\/\/127\.0\.0\.1:\d+/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(await readFile(path.join(dataDir, 'logs', 'harness.log'), 'utf8')).toContain('Harness stopped');
  });

  it('refuses a port that is not a number', async () => {
    const run = runCli(['--port', 'eighty', '--no-build']);
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('must be a port number');
  });
});
