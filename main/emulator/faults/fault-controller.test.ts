import { describe, expect, it } from 'vitest';
import { FailNextQueue } from './fail-next';
import { FaultController, validateFaults } from './fault-controller';
import { mulberry32 } from './mulberry32';

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('FaultController', () => {
  it('draws the same faults for the same seed, whatever rates are off', () => {
    const draws = (seed: number) => {
      const f = new FaultController({ seed, error500Rate: 0.5, resetPartBodyRate: 0.5 });
      return Array.from({ length: 50 }, () => f.draw());
    };
    expect(draws(3)).toEqual(draws(3));
    expect(draws(3)).not.toEqual(draws(4));
    const some = draws(3);
    expect(some.some((d) => d.error500)).toBe(true);
    expect(some.some((d) => !d.error500)).toBe(true);
    expect(some.every((d) => !d.error503 && !d.malformedXml && !d.truncatedXml)).toBe(true);
  });

  it('restarts the sequence when a seed is given again, and only then', () => {
    const f = new FaultController({ seed: 9, error503Rate: 0.5 });
    const first = Array.from({ length: 20 }, () => f.draw().error503);
    f.update({ latencyMs: 5 });
    const continued = Array.from({ length: 20 }, () => f.draw().error503);
    f.update({ seed: 9 });
    expect(Array.from({ length: 20 }, () => f.draw().error503)).toEqual(first);
    expect(continued).not.toEqual(first);
  });

  it('refuses rates outside [0, 1], negative sizes and fractional seeds', () => {
    expect(validateFaults({ error500Rate: 1.5 })).toMatch(/error500Rate/);
    expect(validateFaults({ latencyMs: -1 })).toMatch(/latencyMs/);
    expect(validateFaults({ seed: 1.5 })).toMatch(/seed/);
    expect(validateFaults({ error500Rate: 1, bandwidthBytesPerSecond: 0 })).toBeUndefined();
    expect(() => new FaultController({ truncatedXmlRate: -0.1 })).toThrow(RangeError);
  });
});

describe('FailNextQueue', () => {
  it('fails exactly count matching requests, honouring the key prefix, first rule first', () => {
    const q = new FailNextQueue();
    q.add({ operation: 'AbortMultipartUpload', code: 'InternalError', status: 500, count: 2, keyPrefix: 'b/' });
    q.add({ operation: 'UploadPart', code: 'SlowDown', status: 503, count: 1 });
    expect(q.take('AbortMultipartUpload', 'a/x')).toBeUndefined();
    expect(q.take('AbortMultipartUpload', 'b/x')?.code).toBe('InternalError');
    expect(q.pending()).toHaveLength(2);
    expect(q.take('AbortMultipartUpload', 'b/y')?.code).toBe('InternalError');
    expect(q.take('AbortMultipartUpload', 'b/z')).toBeUndefined();
    expect(q.take('UploadPart', 'anything')?.status).toBe(503);
    expect(q.pending()).toEqual([]);
  });
});
