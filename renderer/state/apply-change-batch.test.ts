import { describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { applyJobChanges, applyPartUpdates, mergeListAnswer, partListFrom, partsOfJob, tableFromList } from './apply-change-batch';
import { makeJob, makePart } from './test-jobs';

const id = (value: string) => value as JobId;

describe('applyJobChanges', () => {
  it('upserts, appends new jobs in batch order, drops removed ids, and keeps unchanged jobs by identity', () => {
    const a = makeJob('a');
    const b = makeJob('b');
    const table = tableFromList([a, b]);
    const a2 = makeJob('a', { bytesDone: 10 });
    const next = applyJobChanges(table, { jobs: [a2, makeJob('d'), makeJob('c')], removedJobIds: [id('b')] });
    expect(next.order).toEqual(['a', 'd', 'c']);
    expect(next.jobs['a']).toBe(a2);
    expect(next.jobs['b']).toBeUndefined();
    const again = applyJobChanges(next, { jobs: [makeJob('c', { bytesDone: 1 })], removedJobIds: [] });
    expect(again.jobs['a']).toBe(a2);
    expect(again.jobs['d']).toBe(next.jobs['d']);
  });

  it('returns the same table for an empty batch', () => {
    const table = tableFromList([makeJob('a')]);
    expect(applyJobChanges(table, { jobs: [], removedJobIds: [] })).toBe(table);
  });
});

describe('mergeListAnswer', () => {
  it('keeps the newer snapshot of each job and drops ids removed while the list was in flight', () => {
    const fromBatch = tableFromList([makeJob('a', { updatedAtMs: 50, bytesDone: 5 }), makeJob('new', { updatedAtMs: 60 })]);
    const list = [makeJob('a', { updatedAtMs: 40 }), makeJob('b', { updatedAtMs: 40 }), makeJob('gone', { updatedAtMs: 40 })];
    const merged = mergeListAnswer(fromBatch, list, new Set(['gone']));
    expect(merged.order).toEqual(['a', 'b', 'new']);
    expect(merged.jobs['a']?.bytesDone).toBe(5);
    expect(merged.jobs['gone']).toBeUndefined();
  });
});

describe('part lists', () => {
  it('indexes parts by number and applies updates without touching the input', () => {
    const list = partListFrom([makePart(2), makePart(1)]);
    expect(list.map((part) => part?.partNumber)).toEqual([1, 2]);
    const next = applyPartUpdates(list, [makePart(2, { kind: 'inFlight', bytesSent: 10, attempt: 1 })]);
    expect(next[1]?.state.kind).toBe('inFlight');
    expect(list[1]?.state.kind).toBe('pending');
    expect(applyPartUpdates(list, [])).toBe(list);
  });

  it('with keepDone, never turns a done part back (updates of unknown order)', () => {
    const done = makePart(1, { kind: 'done', etag: '"e"', crc64: '1', attempts: 1 });
    const list = partListFrom([done, makePart(2)]);
    const next = applyPartUpdates(list, [makePart(1, { kind: 'inFlight', bytesSent: 1, attempt: 1 }), makePart(2, { kind: 'inFlight', bytesSent: 1, attempt: 1 })], true);
    expect(next[0]).toBe(done);
    expect(next[1]?.state.kind).toBe('inFlight');
  });

  it('picks the updates of one job from a batch', () => {
    const batch = { parts: [{ jobId: id('a'), part: makePart(1) }, { jobId: id('b'), part: makePart(2) }, { jobId: id('a'), part: makePart(3) }] };
    expect(partsOfJob(batch, id('a')).map((part) => part.partNumber)).toEqual([1, 3]);
  });
});
