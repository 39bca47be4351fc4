import { describe, expect, it } from 'vitest';
import { PlainProgressReporter } from './plain-progress-reporter';
import { jobSnapshot } from './test-support/job-snapshot-fixture';

const MiB = 1024 * 1024;

function reporter(): { out: string[]; err: string[]; r: PlainProgressReporter; clock: { ms: number } } {
  const out: string[] = [];
  const err: string[] = [];
  const clock = { ms: 1_000 };
  const r = new PlainProgressReporter({ out: (l) => out.push(l), err: (l) => err.push(l), labelOf: (j) => j.localPath, now: () => clock.ms });
  return { out, err, r, clock };
}

describe('PlainProgressReporter', () => {
  it('prints a start line, one line per 10% passed, and a done line with the verification method', () => {
    const { out, err, r, clock } = reporter();
    r.update([jobSnapshot({ status: 'queued' })]);
    expect(out).toEqual([]);
    r.update([jobSnapshot({ status: 'preparing' })]);
    for (let done = 0; done <= 100; done += 5) {
      r.update([jobSnapshot({ bytesDone: done * MiB, bytesPerSecond: 20 * MiB, etaSeconds: (100 - done) / 20 })]);
    }
    clock.ms += 5_000;
    r.update([jobSnapshot({ status: 'completed', bytesDone: 100 * MiB, verifiedBy: 'md5+crc64' })]);
    expect(out[0]).toBe('start    /work/data/a.bin -> oss://bucket/in/a.bin  100.0 MiB');
    const percents = out.slice(1, -1).map((line) => line.trim().split(/\s+/)[0]);
    expect(percents).toEqual(['10%', '20%', '30%', '40%', '50%', '60%', '70%', '80%', '90%']);
    expect(out[5]).toBe(' 50%     /work/data/a.bin  50.0 MiB / 100.0 MiB  20.0 MiB/s  ETA 3s');
    expect(out.at(-1)).toBe('done     /work/data/a.bin -> oss://bucket/in/a.bin  100.0 MiB in 5s (20.0 MiB/s), verified by MD5 and CRC-64');
    expect(err).toEqual([]);
  });

  it('says how much a resumed job had already uploaded and counts tenths from there', () => {
    const { out, r } = reporter();
    r.update([jobSnapshot({ status: 'preparing', bytesDone: 64 * MiB })]);
    r.update([jobSnapshot({ bytesDone: 72 * MiB })]);
    expect(out).toEqual(['start    /work/data/a.bin -> oss://bucket/in/a.bin  100.0 MiB (resuming: 64.0 MiB already uploaded)', expect.stringMatching(/^ 72% /)]);
  });

  it('prints a failure once, on stderr, with code, request id and advice', () => {
    const { out, err, r } = reporter();
    const failed = jobSnapshot({
      status: 'failed',
      error: { code: 'SignatureDoesNotMatch', message: 'The request signature does not match', retryable: false, requestId: 'REQ-1' },
    });
    r.update([failed]);
    r.update([failed]);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'FAILED   /work/data/a.bin -> oss://bucket/in/a.bin: SignatureDoesNotMatch: The request signature does not match (request id REQ-1)',
      '         Check the AccessKey secret and the region.',
    ]);
  });

  it('says when CRC-64 alone verified the data, and prints nothing after stop', () => {
    const { out, r } = reporter();
    r.update([jobSnapshot({ status: 'completed', bytesDone: 100 * MiB, verifiedBy: 'crc64' })]);
    expect(out.at(-1)).toMatch(/verified by CRC-64 only/);
    r.stop();
    r.note('ignored');
    r.update([jobSnapshot({ id: 'job-2' as never, status: 'uploading' })]);
    expect(out).toHaveLength(1);
  });
});
