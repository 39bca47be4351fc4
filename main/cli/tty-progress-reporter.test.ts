import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { TtyProgressReporter } from './tty-progress-reporter';
import { jobSnapshot } from './test-support/job-snapshot-fixture';

const MiB = 1024 * 1024;

/** A stream cli-progress takes for a terminal: isTTY, a width, and everything written kept as text. */
function fakeTerminal(): { stream: PassThrough & { isTTY: boolean; columns: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 160 });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('TtyProgressReporter', () => {
  it('draws a bar per running file and a total bar, then a done line above them', async () => {
    const terminal = fakeTerminal();
    const r = new TtyProgressReporter({ stream: terminal.stream, labelOf: (job) => job.localPath });
    r.update([
      jobSnapshot({ bytesDone: 25 * MiB, bytesPerSecond: 10 * MiB, etaSeconds: 7.5 }),
      jobSnapshot({ id: 'job-2' as JobId, localPath: '/work/data/b.bin', status: 'queued' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 150)); // one redraw (10 per second)
    r.update([jobSnapshot({ status: 'completed', bytesDone: 100 * MiB, verifiedBy: 'md5+crc64' })]);
    r.note('a note');
    await new Promise((resolve) => setTimeout(resolve, 150)); // one redraw (10 per second)
    r.stop();
    const text = terminal.text();
    expect(text).toContain('Total (2 files)');
    expect(text).toMatch(/\/work\/data\/a\.bin\s+\|[█░]+\|\s+25% \| 25\.0 MiB \/ 100\.0 MiB \| 10\.0 MiB\/s \| ETA 8s/);
    expect(text).toContain('done     /work/data/a.bin -> oss://bucket/in/a.bin  100.0 MiB');
    expect(text).toContain('a note');
    expect(text).not.toContain('b.bin |'); // queued files get no bar
  });
});
