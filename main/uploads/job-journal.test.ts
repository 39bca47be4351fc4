import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { JobJournal } from './job-journal';
import { encodeJournalRecord, type JournalPart, type JournalRecord } from './journal-record';

const MiB = 1024 * 1024;
const jobId = (id: string): JobId => id as JobId;

function record(id: string, parts: readonly JournalPart[] = [], overrides: Partial<JournalRecord> = {}): JournalRecord {
  return {
    jobId: jobId(id),
    localPath: `/data/${id}.bin`,
    sizeBytes: 80_000 * MiB,
    mtimeMs: 1_700_000_000_000,
    accountId: 'acc',
    bucket: 'bucket',
    key: `backups/${id}.bin`,
    partSizeBytes: 8 * MiB,
    mode: 'multipart',
    uploadId: `upload-${id}`,
    parts,
    status: 'uploading',
    createdAtMs: 0,
    updatedAtMs: 0,
    ...overrides,
  };
}

function finishedPart(partNumber: number): JournalPart {
  return { partNumber, etag: `"${partNumber.toString(16).toUpperCase().padStart(32, '0')}"`, crc64: String(partNumber * 7919), size: 8 * MiB };
}

/** Wraps the real atomic writer to count writes. */
function countingWriter(): { write: (path: string, data: string) => Promise<void>; writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    write: (path, data) => {
      writes.push(data);
      return writeFileAtomic(path, data, { fsync: true });
    },
  };
}

let directory: string;

beforeEach(async () => {
  // Only setTimeout and Date are virtual: file I/O and setImmediate stay real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
  directory = join(await mkdtemp(join(tmpdir(), 'job-journal-')), 'state');
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(join(directory, '..'), { recursive: true, force: true });
});

describe('JobJournal saving', () => {
  it('writes one file per job that loadAll reads back', async () => {
    const journal = new JobJournal({ directory });
    journal.save(jobId('a'), record('a', [finishedPart(1)]));
    await journal.saveNow(jobId('b'), record('b', [], { status: 'paused' }));
    await journal.flushAll();
    expect((await readdir(directory)).sort()).toEqual(['a.json', 'b.json']);
    const loaded = await new JobJournal({ directory }).loadAll();
    expect(loaded.problems).toEqual([]);
    expect(loaded.records).toEqual([record('a', [finishedPart(1)]), record('b', [], { status: 'paused' })]);
  });

  it('writes at most once per second per job, with the latest state', async () => {
    const writer = countingWriter();
    const journal = new JobJournal({ directory, writeFile: writer.write });
    journal.save(jobId('a'), record('a', [finishedPart(1)]));
    await journal.idle();
    expect(writer.writes).toHaveLength(1); // the first save goes out at once
    for (let n = 2; n <= 9; n += 1) {
      await vi.advanceTimersByTimeAsync(100);
      journal.save(jobId('a'), record('a', Array.from({ length: n }, (_, i) => finishedPart(i + 1))));
    }
    await journal.idle();
    expect(writer.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200); // one second after the first write
    await journal.idle();
    expect(writer.writes).toHaveLength(2);
    const loaded = await new JobJournal({ directory }).loadAll();
    expect(loaded.records[0]?.parts).toHaveLength(9);
  });

  it('writes status changes at once with saveNow, even inside the interval', async () => {
    const writer = countingWriter();
    const journal = new JobJournal({ directory, writeFile: writer.write });
    journal.save(jobId('a'), record('a'));
    journal.save(jobId('a'), record('a', [finishedPart(1)]));
    await journal.saveNow(jobId('a'), record('a', [finishedPart(1)], { status: 'paused' }));
    expect(writer.writes).toHaveLength(2);
    expect(JSON.parse(await readFile(journal.pathOf(jobId('a')), 'utf8'))).toMatchObject({ status: 'paused' });
    await vi.advanceTimersByTimeAsync(5_000);
    await journal.idle();
    expect(writer.writes).toHaveLength(2); // nothing was left pending
  });

  it('writes a 10,000-part upload a bounded number of times while its parts finish within 5 s', async () => {
    const writer = countingWriter();
    const journal = new JobJournal({ directory, writeFile: writer.write });
    const parts: JournalPart[] = [];
    let builds = 0;
    const build = (): JournalRecord => {
      builds += 1;
      return record('big', [...parts]);
    };
    for (let n = 1; n <= 10_000; n += 1) {
      parts.push(finishedPart(n));
      journal.save(jobId('big'), build);
      if (n % 20 === 0) {
        // 10,000 parts over 5 simulated seconds. Each write is allowed to finish before time moves on, so only
        // the throttle (not the speed of this disk) can keep the count down.
        await vi.advanceTimersByTimeAsync(10);
        await journal.idle();
      }
    }
    await journal.saveNow(jobId('big'), () => record('big', [...parts], { status: 'completing' }));
    await journal.idle();
    // 5 s at one write per second, plus the first and the final saveNow: 7. Per-part writes would be 10,000.
    expect(writer.writes.length).toBeLessThanOrEqual(7);
    expect(writer.writes.length).toBeGreaterThanOrEqual(2);
    expect(builds).toBe(writer.writes.length - 1); // records are built only when written
    const lastWrite = writer.writes.at(-1) ?? '';
    expect(lastWrite.length).toBeLessThan(1_000_000);
    const loaded = await new JobJournal({ directory }).loadAll();
    expect(loaded.records[0]?.parts).toHaveLength(10_000);
    expect(loaded.records[0]?.status).toBe('completing');
  });

  it('reports background write errors to onError and rejects saveNow', async () => {
    const errors: unknown[] = [];
    const failing = (): Promise<void> => Promise.reject(new Error('disk full'));
    const journal = new JobJournal({ directory, writeFile: failing, onError: (_id, error) => errors.push(error) });
    journal.save(jobId('a'), record('a'));
    await journal.idle();
    expect(errors).toEqual([new Error('disk full')]);
    await expect(journal.saveNow(jobId('a'), record('a'))).rejects.toThrow('disk full');
    journal.save(jobId('b'), () => {
      throw new Error('cannot build');
    });
    await journal.idle();
    expect(errors.at(-1)).toEqual(new Error('cannot build'));
  });

  it('refuses job ids that cannot be file names, and records saved under another id', async () => {
    const journal = new JobJournal({ directory });
    expect(() => journal.save(jobId('../../etc/passwd'), record('a'))).toThrow(RangeError);
    await expect(journal.saveNow(jobId('b'), record('a'))).rejects.toThrow('saved under job b');
  });
});

describe('JobJournal remove', () => {
  it('deletes the file, waits for a write in flight, and ignores later saves', async () => {
    const journal = new JobJournal({ directory });
    await journal.saveNow(jobId('a'), record('a'));
    journal.save(jobId('a'), record('a', [finishedPart(1)])); // pending (inside the interval)
    await journal.remove(jobId('a'));
    journal.save(jobId('a'), record('a', [finishedPart(2)]));
    await journal.saveNow(jobId('a'), record('a', [finishedPart(3)]));
    await vi.advanceTimersByTimeAsync(5_000);
    await journal.flushAll();
    expect(await readdir(directory)).toEqual([]);
    await expect(journal.remove(jobId('never-saved'))).resolves.toBeUndefined();
  });
});

describe('JobJournal loadAll', () => {
  it('returns nothing for a missing state directory', async () => {
    expect(await new JobJournal({ directory: join(directory, 'nope') }).loadAll()).toEqual({ records: [], problems: [] });
  });

  it('moves corrupt, unknown-version and misnamed files aside and still loads the rest', async () => {
    const journal = new JobJournal({ directory });
    await journal.saveNow(jobId('good'), record('good'));
    await writeFile(join(directory, 'torn.json'), '{"version":1,"jobId":"torn","localPa');
    await writeFile(join(directory, 'future.json'), JSON.stringify({ ...encodeJournalRecord(record('future')), version: 9 }));
    await writeFile(join(directory, 'renamed.json'), JSON.stringify(encodeJournalRecord(record('other'))));
    await writeFile(join(directory, 'notes.txt'), 'not a journal file');
    await writeFile(join(directory, 'torn.json.corrupt'), 'an earlier casualty');

    const loaded = await new JobJournal({ directory, now: () => 42 }).loadAll();
    expect(loaded.records).toEqual([record('good')]);
    expect(loaded.problems.map((problem) => [problem.file, problem.movedTo])).toEqual([
      [join(directory, 'future.json'), join(directory, 'future.json.corrupt')],
      [join(directory, 'renamed.json'), join(directory, 'renamed.json.corrupt')],
      [join(directory, 'torn.json'), join(directory, 'torn.json.42.corrupt')],
    ]);
    expect(loaded.problems.map((problem) => problem.reason)).toEqual([
      'unknown journal version 9',
      'file name does not match job id other',
      expect.stringContaining('not valid JSON') as unknown,
    ]);
    expect((await readdir(directory)).sort()).toEqual([
      'future.json.corrupt',
      'good.json',
      'notes.txt',
      'renamed.json.corrupt',
      'torn.json.42.corrupt',
      'torn.json.corrupt',
    ]);
    // A second start finds only the good record and no problems.
    expect(await new JobJournal({ directory }).loadAll()).toEqual({ records: [record('good')], problems: [] });
  });

  it('survives a crash between writing the temp file and renaming it: the previous version wins', async () => {
    const journal = new JobJournal({ directory });
    const before = record('a', [finishedPart(1)], { status: 'paused' });
    await journal.saveNow(jobId('a'), before);
    // What a kill -9 during the next write leaves behind: write-file-atomic's temp file `<target>.<uint32>`,
    // possibly truncated, next to the untouched previous version.
    const next = JSON.stringify(encodeJournalRecord(record('a', [finishedPart(1), finishedPart(2)])));
    await writeFile(join(directory, 'a.json.3735928559'), next.slice(0, next.length / 2));

    const loaded = await new JobJournal({ directory }).loadAll();
    expect(loaded).toEqual({ records: [before], problems: [] });
    expect(await readdir(directory)).toEqual(['a.json']); // the stale temp file is cleaned up
  });
});
