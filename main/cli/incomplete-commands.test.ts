// The `uploads`, `parts`, `abort` and `resume-remote` commands run in-process on a commander program against the
// emulator, with stdout and stderr captured and the exit status read from process.exitCode.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  failNext,
  initiateMany,
  NO_LIST_CREDENTIALS,
  setInitiated,
  startIncompleteFixture,
  TEST_BUCKET,
  type IncompleteFixture,
} from '../incomplete/test-support/incomplete-fixtures';
import type { Credentials } from '../oss/credentials';
import { registerIncompleteCommands, type IncompleteCommandDeps } from './incomplete-commands';

const DAY = 86_400_000;
const LISTED = 1_010; // more than one page of 1000

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly clientOptions: Readonly<Record<string, unknown>>[];
}

describe('oss-upload incomplete-upload commands', () => {
  let f: IncompleteFixture;
  let dir: string;
  let keys: string[];
  let ids: string[];
  const old = new Set<string>();
  const now = Date.now();

  beforeAll(async () => {
    f = await startIncompleteFixture();
    dir = await mkdtemp(join(tmpdir(), 'incomplete-cli-'));
    keys = Array.from({ length: LISTED }, (_, i) => `cli/${i % 2 === 0 ? 'even' : 'odd'}/${String(i).padStart(4, '0')}.bin`);
    ids = await initiateMany(f.client, keys);
    for (let i = 3; i < LISTED; i += 50) {
      const id = ids[i] ?? '';
      await setInitiated(f, id, now - 8 * DAY);
      old.add(id);
    }
  });

  afterAll(async () => {
    await f.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    process.exitCode = undefined;
  });

  /** Runs one command line the way bin/oss-upload would, with `--endpoint` as a root option. */
  async function run(argv: string[], overrides: Partial<IncompleteCommandDeps> & { credentials?: Credentials } = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const clientOptions: Readonly<Record<string, unknown>>[] = [];
    const program = new Command('oss-upload').exitOverride().option('--endpoint <url>', 'endpoint');
    registerIncompleteCommands(program, {
      makeClient: (options) => {
        clientOptions.push(options);
        return f.makeClient(overrides.credentials);
      },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => now,
      makeManager: overrides.makeManager,
      ...(overrides.makeClient === undefined ? {} : { makeClient: overrides.makeClient }),
    });
    process.exitCode = undefined;
    await program.parseAsync(argv, { from: 'user' });
    const exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return { stdout, stderr, exitCode, clientOptions };
  }

  function lines(text: string): string[] {
    return text.split('\n').filter((line) => line !== '');
  }

  it('uploads: follows every page, one line per upload (key, uploadId, initiated), in server order', async () => {
    const r = await run(['uploads', `oss://${TEST_BUCKET}/cli/`, '--endpoint', 'http://given-after-the-command']);
    expect(r.exitCode).toBe(0);
    const rows = lines(r.stdout).map((line) => line.split('\t'));
    expect(rows).toHaveLength(LISTED);
    const expected = keys.map((key, i) => [key, ids[i] ?? '']).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
    expect(rows.map((row) => [row[0], row[1]])).toEqual(expected);
    expect(rows.every((row) => /^\d{4}-\d\d-\d\dT/.test(row[2] ?? ''))).toBe(true);
    expect(r.clientOptions).toEqual([expect.objectContaining({ endpoint: 'http://given-after-the-command' })]);
  });

  it('uploads --delimiter / --json: folders and no uploads at the top', async () => {
    const r = await run(['uploads', `oss://${TEST_BUCKET}/cli/`, '--delimiter', '/', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ bucket: TEST_BUCKET, prefix: 'cli/', uploads: [], folders: ['cli/even/', 'cli/odd/'] });
    const text = await run(['uploads', `oss://${TEST_BUCKET}/`, '--delimiter', '/']);
    expect(lines(text.stdout)).toEqual(['PRE\tcli/']);
  });

  it('uploads --older-than 7d: only uploads initiated at least 7 days ago', async () => {
    const r = await run(['uploads', `oss://${TEST_BUCKET}/cli/`, '--older-than', '7d']);
    expect(new Set(lines(r.stdout).map((line) => line.split('\t')[1]))).toEqual(old);
  });

  it('parts: every part with size, ETag and CRC-64, then totals', async () => {
    const key = 'parts/one.bin';
    const { uploadId } = await f.client.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    for (const partNumber of [1, 2]) {
      const body = Buffer.alloc(1000 * partNumber, partNumber);
      await f.client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber, body, contentLength: body.length });
    }
    const r = await run(['parts', `oss://${TEST_BUCKET}/${key}`, '--upload-id', uploadId]);
    expect(r.exitCode).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^1\t1000\t"[0-9A-F]{32}"\t\d+\t\d{4}-/);
    expect(out[1]).toMatch(/^2\t2000\t/);
    expect(out[2]).toBe('2 parts, 3000 bytes stored');
    const json = await run(['parts', `oss://${TEST_BUCKET}/${key}`, '--upload-id', uploadId, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ key, uploadId, partCount: 2, bytesStored: 3000 });
  });

  it('abort --upload-id: aborted, then already gone (not a failure)', async () => {
    const [id] = await initiateMany(f.client, ['single/x.bin']);
    const first = await run(['abort', `oss://${TEST_BUCKET}/single/x.bin`, '--upload-id', id ?? '']);
    expect(lines(first.stdout)[0]).toBe(`aborted\tsingle/x.bin\t${id}`);
    expect(first.exitCode).toBe(0);
    const again = await run(['abort', `oss://${TEST_BUCKET}/single/x.bin`, '--upload-id', id ?? '']);
    expect(lines(again.stdout)).toEqual([`already-gone\tsingle/x.bin\t${id}`, '0 aborted, 1 already gone, 0 failed, 0 not attempted (of 1)']);
    expect(again.exitCode).toBe(0);
  });

  it('abort --all --older-than 7d --dry-run lists exactly what would go, and changes nothing', async () => {
    const r = await run(['abort', `oss://${TEST_BUCKET}/cli/`, '--all', '--older-than', '7d', '--dry-run']);
    const out = lines(r.stdout);
    expect(out.at(-1)).toBe(`${old.size} uploads would be aborted (dry run: nothing was changed)`);
    expect(new Set(out.slice(0, -1).map((line) => line.split('\t')[2]))).toEqual(old);
    expect(out.slice(0, -1).every((line) => line.startsWith('would-abort\tcli/'))).toBe(true);
    expect(f.t.emulator.stats().requests['AbortMultipartUpload'] ?? 0).toBe(2); // only the single-abort test's
  });

  it('abort --all with one failure injected in the middle: the rest are aborted, the failure is reported, exit 1', async () => {
    const targets = [...old];
    const middleId = targets[Math.floor(targets.length / 2)];
    const middleKey = keys[ids.indexOf(middleId ?? '')] ?? '';
    await failNext(f, { operation: 'AbortMultipartUpload', code: 'AccessDenied', status: 403, keyPrefix: middleKey });
    const r = await run(['abort', `oss://${TEST_BUCKET}/cli/`, '--all', '--older-than', '7d', '--concurrency', '4']);
    expect(r.exitCode).toBe(1);
    const out = lines(r.stdout);
    expect(out.filter((line) => line.startsWith('aborted\t'))).toHaveLength(old.size - 1);
    expect(out.filter((line) => line.startsWith('failed\t'))).toEqual([
      expect.stringMatching(new RegExp(`^failed\\t${middleKey}\\t${middleId}\\tAccessDenied: .+ \\(request id [0-9A-F]{24}\\)$`)),
    ]);
    expect(out.at(-1)).toBe(`${old.size - 1} aborted, 0 already gone, 1 failed, 0 not attempted (of ${old.size})`);
    const left = await run(['uploads', `oss://${TEST_BUCKET}/cli/`, '--older-than', '7d', '--json']);
    expect(JSON.parse(left.stdout).uploads.map((u: { uploadId: string }) => u.uploadId)).toEqual([middleId]);
  });

  it('abort --all --json prints one document with results and summary', async () => {
    const r = await run(['abort', `oss://${TEST_BUCKET}/cli/`, '--all', '--older-than', '7d', '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dryRun: false, canceled: false, summary: { total: 1, aborted: 1, failed: 0 } });
  });

  it.each([
    [['abort', `oss://${TEST_BUCKET}/x`], /either --upload-id ID or --all/],
    [['abort', `oss://${TEST_BUCKET}/x`, '--all', '--upload-id', 'U'], /either --upload-id ID or --all/],
    [['abort', `oss://${TEST_BUCKET}/dir/`, '--upload-id', 'U'], /naming one object/],
    [['abort', `oss://${TEST_BUCKET}/`, '--all', '--concurrency', '0'], /--concurrency must be 1..64/],
    [['uploads', 's3://bucket/'], /Expected oss:\/\//],
    [['uploads', `oss://${TEST_BUCKET}/`, '--older-than', '7x'], /Invalid duration/],
    [['parts', `oss://${TEST_BUCKET}/k`], /--upload-id ID is required/],
    [['resume-remote', `oss://${TEST_BUCKET}/k`, '--upload-id', 'U'], /--file PATH is required/],
  ])('bad usage %j → exit 2', async (argv, message) => {
    const r = await run(argv);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a client that cannot be built (bad options) is a usage error', async () => {
    const r = await run(['uploads', `oss://${TEST_BUCKET}/`], {
      makeClient: () => {
        throw new Error('no credentials: set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET');
      },
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no credentials/);
  });

  it('an account that may not list uploads: exit 1 with that advice', async () => {
    const r = await run(['uploads', `oss://${TEST_BUCKET}/`], { credentials: NO_LIST_CREDENTIALS });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: AccessDenied: This account may not list incomplete uploads/);
    expect(r.stderr).toMatch(/request id [0-9A-F]{24}/);
  });

  it('resume-remote: sends what is missing and prints the summary; a wrong file is refused with exit 1', async () => {
    const part = 100 * 1024;
    const file = randomBytes(3 * part + 17);
    const filePath = join(dir, 'resume.bin');
    await writeFile(filePath, file);
    const key = 'resume/cli.bin';
    const { uploadId } = await f.client.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    const first = file.subarray(0, part);
    await f.client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber: 1, body: first, contentLength: part });

    const wrongPath = join(dir, 'wrong.bin');
    await writeFile(wrongPath, randomBytes(file.length));
    const refused = await run(['resume-remote', `oss://${TEST_BUCKET}/${key}`, '--upload-id', uploadId, '--file', wrongPath]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/refused: 1 of the 1 parts on the server differ/);

    const r = await run(['resume-remote', `oss://${TEST_BUCKET}/${key}`, '--upload-id', uploadId, '--file', filePath]);
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^completed oss://${TEST_BUCKET}/${key}: kept 1 parts, sent 3 parts \\(${2 * part + 17} bytes\\); CRC-64 \\d+ verified$`)),
    ]);
    expect(lines(r.stderr)).toEqual(['checking…', 'sending…', 'completing…', 'verifying…']);
    expect((await f.client.headObject({ bucket: TEST_BUCKET, key })).contentLength).toBe(file.length);
  });
});
