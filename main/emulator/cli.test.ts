import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { send, xmlField } from './emulator-test-client';

const CLI = join(__dirname, 'cli.ts');

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs the CLI under tsx and resolves once it printed its URL line. */
function runCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m !== null) resolve({ child, url: m[0], output: () => out, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

describe('emulator CLI', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('prints its URL with --port 0, serves, never prints a given secret, and exits cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oss-emulator-cli-'));
    dirs.push(dir);
    const run = await runCli(['--port', '0', '--data-dir', dir, '--bucket', 'cli-bucket', '--access-key-id', 'cli-ak', '--access-key-secret', 'cli-secret-value']);
    const res = await send(`${run.url}/cli-bucket/x`, 'GET', {});
    expect(xmlField(res.text, 'Code')).toBe('AccessDenied');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('cli-ak');
    expect(run.output()).not.toContain('cli-secret-value');
  });

  it('generates a key pair when none is given and labels the secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oss-emulator-cli-'));
    dirs.push(dir);
    const run = await runCli(['--port', '0', '--data-dir', dir, '--bucket', 'cli-bucket', '--error-500-rate', '0.5', '--seed', '3']);
    // The secret line follows the URL line; it may arrive in a later chunk.
    while (!/Generated access key secret \(shown only now\): \S+\n/.test(run.output())) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(run.output()).toMatch(/Access key id: LTAI[0-9a-f]{20}/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });
});
