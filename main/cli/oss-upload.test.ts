// The `oss-upload` command line end to end against the emulator: usage errors, a wrong secret, prefix and directory
// destinations, Ctrl-C and `resume`. In-process runs (runCli) for everything that needs no signal; a child process
// for SIGINT and for the entry point itself.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_KEY_SECRET,
  incompleteUploads,
  md5OfFile,
  md5OfObject,
  runCliInProcess,
  spawnCli,
  startCliTestEnv,
  waitUntil,
  type CliTestEnv,
} from './test-support/cli-test-env';
import { writeLargeSeededFile } from '../uploads/test-support/seeded-files';

const MiB = 1024 * 1024;

describe('oss-upload', () => {
  let t: CliTestEnv;
  beforeAll(async () => {
    t = await startCliTestEnv();
  });
  afterAll(async () => {
    await t.dispose();
  });

  const run = (args: readonly string[], env: Readonly<Record<string, string>> = t.env): ReturnType<typeof runCliInProcess> =>
    runCliInProcess(args, { env, cwd: t.dir });

  it.each([
    ['no command', []],
    ['put without a destination', ['put', 'a.txt']],
    ['an unknown option', ['put', 'a.txt', 'oss://cli-bucket/', '--nope']],
    ['a size that is not one', ['put', 'a.txt', 'oss://cli-bucket/', '--part-size', '8XB']],
    ['a part size below the OSS minimum', ['put', 'one.txt', 'oss://cli-bucket/', '--part-size', '50KB']],
    ['no endpoint', ['put', 'one.txt', 'oss://cli-bucket/', '--region', 'cn-hangzhou']],
    ['not an oss:// destination', ['put', 'one.txt', 's3://cli-bucket/']],
    ['several files to one key', ['put', 'one.txt', 'two.txt', 'oss://cli-bucket/single-key']],
    ['a missing file', ['put', 'missing.txt', 'oss://cli-bucket/']],
    ['a bad --sign', ['put', 'one.txt', 'oss://cli-bucket/', '--sign', 'v2']],
  ])('exits 2 on bad usage: %s', async (_name, args) => {
    await writeFile(join(t.dir, 'one.txt'), '1');
    await writeFile(join(t.dir, 'two.txt'), '2');
    const endpoint = args.includes('--region') || args.length < 3 ? [] : t.endpointArgs;
    const result = await run([...args, ...endpoint]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error|Usage: oss-upload/);
  });

  it('exits 2 without credentials, naming the variables to set', async () => {
    await writeFile(join(t.dir, 'one.txt'), '1');
    const result = await run(['put', 'one.txt', 'oss://cli-bucket/', ...t.endpointArgs], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OSS_ACCESS_KEY_ID');
  });

  it('exits 1 on a wrong secret, with the error code, request id and advice, and never prints a secret', async () => {
    await writeFile(join(t.dir, 'secret-test.bin'), Buffer.alloc(300 * 1024, 7));
    const wrong = 'wrong-secret-SHOULD-NOT-PRINT';
    const result = await run(['put', 'secret-test.bin', 'oss://cli-bucket/wrong/', ...t.endpointArgs, '--state-dir', 'state-wrong'], {
      ...t.env,
      OSS_ACCESS_KEY_SECRET: wrong,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/FAILED .*SignatureDoesNotMatch.*\(request id [^)]+\)/);
    expect(result.stderr).toContain('Check the AccessKey secret and the region.');
    const everything = result.stdout + result.stderr;
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(ACCESS_KEY_SECRET);
  });

  it('puts several files under a prefix, keeping their names, and exits 0 once each is verified', async () => {
    await writeFile(join(t.dir, 'a b+c.txt'), 'first file');
    await writeLargeSeededFile(join(t.dir, 'multi.bin'), 3 * MiB + 5, 11);
    const result = await run(['put', 'a b+c.txt', 'multi.bin', 'oss://cli-bucket/in/#deep/', ...t.endpointArgs, '--part-size', '1MiB', '--state-dir', 'state-prefix']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/done .*multi\.bin -> oss:\/\/cli-bucket\/in\/#deep\/multi\.bin .*verified by MD5 and CRC-64/);
    expect(result.stdout).toContain('2 files uploaded and verified.');
    expect((await md5OfObject(t.client, 'in/#deep/a b+c.txt')).md5).toBe(await md5OfFile(join(t.dir, 'a b+c.txt')));
    expect((await md5OfObject(t.client, 'in/#deep/multi.bin')).md5).toBe(await md5OfFile(join(t.dir, 'multi.bin')));
    // Done jobs leave the journal: only the accounts file (and no lock) remains.
    expect(await readdir(join(t.dir, 'state-prefix'))).toEqual(['oss-upload.accounts.json']);
  });

  it('walks a directory, keeping its name and tree under the prefix; one file to a plain key uses that key', async () => {
    const tree = join(t.dir, 'photos');
    await mkdir(join(tree, '2024', 'summer'), { recursive: true });
    await writeFile(join(tree, 'index.txt'), 'index');
    await writeFile(join(tree, '2024', 'summer', 'beach.jpg'), 'beach');
    await writeFile(join(tree, '2024', 'empty.txt'), '');
    const walked = await run(['put', 'photos', 'oss://cli-bucket/backup/', ...t.endpointArgs, '--state-dir', 'state-tree']);
    expect(walked.code).toBe(0);
    for (const key of ['backup/photos/index.txt', 'backup/photos/2024/summer/beach.jpg', 'backup/photos/2024/empty.txt']) {
      const local = join(t.dir, key.replace('backup/', ''));
      expect(await md5OfObject(t.client, key)).toEqual({ md5: await md5OfFile(local), size: (await readFile(local)).length });
    }
    const single = await run(['put', 'photos/index.txt', 'oss://cli-bucket/renamed.txt', ...t.endpointArgs, '--state-dir', 'state-tree']);
    expect(single.code).toBe(0);
    expect((await md5OfObject(t.client, 'renamed.txt')).size).toBe(5);
  });

  it('pauses on SIGINT, exits 130 with a resume hint and a journal; `resume --state-dir` finishes the upload', async () => {
    const file = join(t.dir, 'interrupted.bin');
    await writeLargeSeededFile(file, 48 * MiB, 5);
    const stateDir = join(t.dir, 'state-sigint');
    const before = t.emulator.stats().uploadPartBytesReceived;
    // A bandwidth limit keeps the upload running long enough to be interrupted in the middle.
    const cli = spawnCli(['put', file, 'oss://cli-bucket/sigint/', ...t.endpointArgs, '--part-size', '1MiB', '--bandwidth', '16MiB/s', '--state-dir', stateDir], {
      env: t.env,
      cwd: t.dir,
    });
    await waitUntil(() => t.emulator.stats().uploadPartBytesReceived - before > 8 * MiB || cli.child.exitCode !== null, 30_000, 'upload progress');
    cli.child.kill('SIGINT');
    const { code } = await cli.exited;
    expect(code).toBe(130);
    expect(cli.output()).toContain(`oss-upload resume --state-dir ${stateDir}`);
    const records = (await readdir(stateDir)).filter((name) => /^[\w-]+\.json$/.test(name));
    expect(records).toHaveLength(1);
    const record = JSON.parse(await readFile(join(stateDir, records[0] ?? ''), 'utf8')) as { status: string; parts: unknown[]; uploadId: string };
    expect(record.status).toBe('paused');
    expect(record.parts.length).toBeGreaterThan(0);
    expect(await incompleteUploads(t.client)).toContain(`sigint/interrupted.bin ${record.uploadId}`);

    const resumed = await run(['resume', '--state-dir', stateDir]);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/start .*interrupted\.bin .*\(resuming: [\d.]+ MiB already uploaded\)/);
    expect(await md5OfObject(t.client, 'sigint/interrupted.bin')).toEqual({ md5: await md5OfFile(file), size: 48 * MiB });
    expect(await incompleteUploads(t.client)).toEqual([]);
    expect((await run(['resume', '--state-dir', stateDir])).stdout).toContain('Nothing to resume');
  });

  it('refuses to mix a file changed since its upload started, and --restart starts it over', async () => {
    const file = join(t.dir, 'changing.bin');
    await writeLargeSeededFile(file, 24 * MiB, 6);
    const stateDir = join(t.dir, 'state-restart');
    const args = ['put', file, 'oss://cli-bucket/restart/changing.bin', ...t.endpointArgs, '--part-size', '1MiB', '--state-dir', stateDir];
    const before = t.emulator.stats().uploadPartBytesReceived;
    const cli = spawnCli([...args, '--bandwidth', '8MiB/s'], { env: t.env, cwd: t.dir });
    await waitUntil(() => t.emulator.stats().uploadPartBytesReceived - before > 4 * MiB || cli.child.exitCode !== null, 30_000, 'upload progress');
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(130);
    const [oldUpload] = await incompleteUploads(t.client);
    expect(oldUpload).toMatch(/^restart\/changing\.bin /);

    await writeLargeSeededFile(file, 24 * MiB + 1, 7); // new content, new size and mtime
    const changed = await run(args);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/FAILED .*changing\.bin.*SourceChanged/);
    expect(changed.stderr).toContain('--restart');

    const restarted = await run([...args, '--restart']);
    expect(restarted.stderr).toBe('');
    expect(restarted.code).toBe(0);
    expect(await md5OfObject(t.client, 'restart/changing.bin')).toEqual({ md5: await md5OfFile(file), size: 24 * MiB + 1 });
    expect(await incompleteUploads(t.client)).toEqual([]); // the old upload was aborted, not orphaned
  });

  it('prints its usage with --help and exits 0 (as a process, through the real entry point)', async () => {
    const cli = spawnCli(['--help'], { env: {}, cwd: t.dir });
    expect((await cli.exited).code).toBe(0);
    expect(cli.output()).toMatch(/Usage: oss-upload .*\n[\s\S]*put \[options\] <paths\.\.\.>/);
  });
});
