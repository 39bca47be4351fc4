import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogFile } from './log-file';
import { redactLogLine } from './redact-log-line';
import { removeDir } from './test-support/core-fixture';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'app-log-file-'));
  dirs.push(dir);
  return dir;
}

describe('redactLogLine', () => {
  it('cuts known secrets and credential-shaped text', () => {
    const line = [
      'secret=known-secret-value',
      'Authorization: OSS LTAI5tKeyId:c2lnbmF0dXJlLXZhbHVl',
      '"authorization":"OSS4-HMAC-SHA256 Credential=LTAI/20250101/cn-hangzhou/oss/aliyun_v4_request,Signature=abcdef0123"',
      'https://b.oss.example.com/k?OSSAccessKeyId=LTAI&Expires=1&Signature=sig%2Bvalue',
      'x-oss-signature=deadbeef&x-oss-expires=60',
      'x-oss-security-token:CAIS.token.value',
      'bare AbCdEfGhIjKlMnOpQrStUvWxYz1234 here',
      'plain known-secret-value again',
    ].join('\n');
    const out = redactLogLine(line, ['known-secret-value']);
    for (const leaked of ['known-secret-value', 'c2lnbmF0dXJlLXZhbHVl', 'abcdef0123', 'sig%2Bvalue', 'deadbeef', 'CAIS.token.value', 'AbCdEfGhIjKlMnOpQrStUvWxYz1234']) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('x-oss-expires=60');
  });

  it('keeps ids, digests and paths that only look long', () => {
    const line = 'job 3f2a9c4e-1b2d-4c5e-8f90-a1b2c3d4e5f6 md5 9e107d9d372bb6826bd81d3542a419d6 request 5C3D9B8A7F6E5D4C3B2A1908 /home/user/file.bin';
    expect(redactLogLine(line)).toBe(line);
  });
});

describe('createLogFile', () => {
  it('appends timestamped, redacted lines in order', async () => {
    const dir = await tempDir();
    const path = join(dir, 'logs', 'app.log');
    const log = createLogFile({ path, maxBytes: 1_000_000, secrets: () => ['s3cr3t-value'], now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
    log.info('started');
    log.warn('secret is s3cr3t-value');
    log.error('Authorization: OSS id:signature');
    await log.flush();
    expect(await readFile(path, 'utf8')).toBe(
      '2025-01-02T03:04:05.000Z INFO started\n' +
        '2025-01-02T03:04:05.000Z WARN secret is [redacted]\n' +
        '2025-01-02T03:04:05.000Z ERROR Authorization: [redacted]\n',
    );
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('rotates once to .1 when the file would pass maxBytes', async () => {
    const dir = await tempDir();
    const path = join(dir, 'app.log');
    // Each line is 58 bytes, so two fit under 130.
    const log = createLogFile({ path, maxBytes: 130, secrets: () => [], now: () => 0 });
    for (let i = 0; i < 6; i += 1) log.info(`line ${i} ${'x'.repeat(20)}`);
    await log.flush();
    const current = await readFile(path, 'utf8');
    const previous = await readFile(`${path}.1`, 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(130);
    expect(current).toContain('line 4');
    expect(current).toContain('line 5');
    expect(previous).toContain('line 2');
    expect(previous).toContain('line 3');
    expect(previous).not.toContain('line 1'); // only one old file is kept
    await expect(stat(`${path}.2`)).rejects.toThrow();
  });

  it('reports a failed write instead of throwing', async () => {
    const dir = await tempDir();
    const errors: unknown[] = [];
    const log = createLogFile({ path: join(dir, 'file-not-dir', 'app.log'), maxBytes: 100, secrets: () => [], onError: (e) => errors.push(e) });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'file-not-dir'), 'a file where a folder should be');
    log.info('lost');
    await log.flush();
    expect(errors).toHaveLength(1);
  });
});
