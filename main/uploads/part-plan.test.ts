import { describe, expect, it } from 'vitest';
import { MAX_PART_COUNT, MAX_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES } from '../../shared/limits';
import { inferPartSize, partRange, PartPlanError, planParts, type PartPlan, type PartPlanErrorCode } from './part-plan';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function codeOf(action: () => unknown): PartPlanErrorCode | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PartPlanError);
    expect(error).toBeInstanceOf(RangeError);
    return (error as PartPlanError).code;
  }
  return undefined;
}

function allRanges(plan: PartPlan): { offset: number; size: number }[] {
  return Array.from({ length: plan.partCount }, (_, index) => partRange(plan, index + 1));
}

describe('planParts', () => {
  it.each([
    ['empty file', 0],
    ['1 byte', 1],
    ['100 KB − 1', MIN_PART_SIZE_BYTES - 1],
    ['exactly one part', 8 * MiB],
  ])('sends a file that fits in one part (%s) with one PutObject', (_name, size) => {
    const plan = planParts(size);
    expect(plan).toEqual({ mode: 'single', fileSizeBytes: size, partSizeBytes: 8 * MiB, partCount: 1 });
    expect(partRange(plan, 1)).toEqual({ offset: 0, size });
  });

  it('goes multipart at one part + 1 byte, with a 1-byte last part', () => {
    const plan = planParts(8 * MiB + 1);
    expect(plan).toMatchObject({ mode: 'multipart', partSizeBytes: 8 * MiB, partCount: 2 });
    expect(partRange(plan, 2)).toEqual({ offset: 8 * MiB, size: 1 });
  });

  it('plans 3.5 parts as four, the last one half', () => {
    const plan = planParts(3.5 * 8 * MiB);
    expect(plan.partCount).toBe(4);
    expect(allRanges(plan)).toEqual([
      { offset: 0, size: 8 * MiB },
      { offset: 8 * MiB, size: 8 * MiB },
      { offset: 16 * MiB, size: 8 * MiB },
      { offset: 24 * MiB, size: 4 * MiB },
    ]);
  });

  it('accepts the smallest and largest part sizes and refuses anything outside them', () => {
    expect(planParts(10 * MiB, MIN_PART_SIZE_BYTES).partSizeBytes).toBe(MIN_PART_SIZE_BYTES);
    expect(planParts(10 * GiB, MAX_PART_SIZE_BYTES)).toMatchObject({ partSizeBytes: MAX_PART_SIZE_BYTES, partCount: 2 });
    expect(codeOf(() => planParts(1, MIN_PART_SIZE_BYTES - 1))).toBe('PartSizeOutOfRange');
    expect(codeOf(() => planParts(1, MAX_PART_SIZE_BYTES + 1))).toBe('PartSizeOutOfRange');
    expect(codeOf(() => planParts(1, 1.5 * MiB + 0.5))).toBe('PartSizeOutOfRange');
    expect(codeOf(() => planParts(1, Number.NaN))).toBe('PartSizeOutOfRange');
  });

  it('refuses sizes that are not whole, non-negative numbers of bytes', () => {
    expect(codeOf(() => planParts(-1))).toBe('InvalidFileSize');
    expect(codeOf(() => planParts(1.5))).toBe('InvalidFileSize');
    expect(codeOf(() => planParts(Number.POSITIVE_INFINITY))).toBe('InvalidFileSize');
  });

  it('keeps the requested size while 10,000 parts suffice', () => {
    expect(planParts(MAX_PART_COUNT * 8 * MiB)).toMatchObject({ partSizeBytes: 8 * MiB, partCount: MAX_PART_COUNT });
  });

  it('raises the part size to the next whole MiB when 10,000 parts would not suffice', () => {
    expect(planParts(MAX_PART_COUNT * 8 * MiB + 1)).toMatchObject({ partSizeBytes: 9 * MiB, partCount: 8_889 });
    // 1 TiB / 10,000 = 109,951,163 B ≈ 104.9 MiB → 105 MiB; 1,048,576 MiB / 105 MiB → 9,987 parts.
    expect(planParts(1024 * GiB)).toMatchObject({ mode: 'multipart', partSizeBytes: 105 * MiB, partCount: 9_987 });
    const small = planParts(2 * GiB, MIN_PART_SIZE_BYTES);
    expect(small.partSizeBytes % MiB).toBe(0);
    expect(small.partCount).toBeLessThanOrEqual(MAX_PART_COUNT);
  });

  it('plans the largest possible object as 10,000 parts of 5 GB and refuses one byte more', () => {
    const largest = MAX_PART_COUNT * MAX_PART_SIZE_BYTES;
    const plan = planParts(largest);
    expect(plan).toMatchObject({ partSizeBytes: MAX_PART_SIZE_BYTES, partCount: MAX_PART_COUNT });
    expect(partRange(plan, MAX_PART_COUNT)).toEqual({ offset: largest - MAX_PART_SIZE_BYTES, size: MAX_PART_SIZE_BYTES });
    expect(codeOf(() => planParts(largest + 1))).toBe('FileTooLarge');
  });

  it('covers every byte exactly once, with every part but the last full (seeded sizes)', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 200; i += 1) {
      const size = Math.floor(random() * 200 * MiB);
      const requested = MIN_PART_SIZE_BYTES + Math.floor(random() * 16 * MiB);
      const plan = planParts(size, requested);
      const ranges = allRanges(plan);
      let next = 0;
      for (const [index, range] of ranges.entries()) {
        expect(range.offset).toBe(next);
        if (index < ranges.length - 1) expect(range.size).toBe(plan.partSizeBytes);
        next += range.size;
      }
      expect(next).toBe(size);
      expect(plan.mode).toBe(size <= plan.partSizeBytes ? 'single' : 'multipart');
    }
  });
});

describe('partRange', () => {
  it('refuses part numbers outside 1 … partCount', () => {
    const plan = planParts(20 * MiB);
    for (const bad of [0, 4, 1.5, -1]) expect(codeOf(() => partRange(plan, bad))).toBe('InvalidPartNumber');
  });
});

describe('inferPartSize', () => {
  const part = (partNumber: number, size: number): { partNumber: number; size: number } => ({ partNumber, size });

  it('reads the shared size of all parts but the last (any order, gaps allowed)', () => {
    expect(inferPartSize([part(3, 5 * MiB), part(1, 8 * MiB), part(2, 8 * MiB)])).toEqual({ ok: true, partSizeBytes: 8 * MiB });
    expect(inferPartSize([part(1, 8 * MiB), part(4, 8 * MiB)])).toEqual({ ok: true, partSizeBytes: 8 * MiB });
  });

  it('refuses parts whose sizes disagree', () => {
    expect(inferPartSize([part(1, 8 * MiB), part(2, 4 * MiB), part(3, 8 * MiB)])).toMatchObject({ ok: false, reason: 'inconsistentSizes' });
    expect(inferPartSize([part(1, 4 * MiB), part(2, 8 * MiB)])).toMatchObject({ ok: false, reason: 'inconsistentSizes' });
  });

  it('refuses no parts, duplicates and sizes OSS would not accept', () => {
    expect(inferPartSize([])).toMatchObject({ ok: false, reason: 'noParts' });
    expect(inferPartSize([part(2, MiB), part(2, MiB)])).toMatchObject({ ok: false, reason: 'duplicatePartNumbers' });
    expect(inferPartSize([part(1, 1000), part(2, 1000)])).toMatchObject({ ok: false, reason: 'partSizeOutOfRange' });
  });

  it('needs the file size to read a single part', () => {
    expect(inferPartSize([part(1, 8 * MiB)])).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(inferPartSize([part(1, 8 * MiB)], 20 * MiB)).toEqual({ ok: true, partSizeBytes: 8 * MiB });
    // Part 3 of 5 MiB in a 21 MiB file: a full 5 MiB part would put part 3 at 10..15 MiB (fits); as the last
    // part it would mean 8 MiB parts (2 × 8 + 5 = 21). Both fit, so the answer is ambiguous.
    expect(inferPartSize([part(3, 5 * MiB)], 21 * MiB)).toMatchObject({ ok: false, reason: 'ambiguous' });
    // Part 3 of 50 KB is too small to be a full part, so it is the last part of 8 MiB parts.
    expect(inferPartSize([part(3, 50 * 1024)], 16 * MiB + 50 * 1024)).toEqual({ ok: true, partSizeBytes: 8 * MiB });
  });

  it('checks the parts against the local file when its size is given', () => {
    expect(inferPartSize([part(1, 8 * MiB), part(3, 4 * MiB)], 20 * MiB)).toEqual({ ok: true, partSizeBytes: 8 * MiB });
    expect(inferPartSize([part(1, 8 * MiB), part(3, 4 * MiB)], 21 * MiB)).toMatchObject({ ok: false, reason: 'doesNotFitFile' });
    expect(inferPartSize([part(1, 8 * MiB), part(5, 8 * MiB)], 20 * MiB)).toMatchObject({ ok: false, reason: 'doesNotFitFile' });
  });
});
