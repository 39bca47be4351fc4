import { describe, expect, it } from 'vitest';
import { isUploadIdShape, newRequestId, UploadIdGenerator } from './emulator-ids';

describe('ids', () => {
  it('request ids are 24 upper-case hex characters', () => {
    expect(newRequestId()).toMatch(/^[0-9A-F]{24}$/);
  });

  it('upload ids are 32 upper-case hex characters sorting in creation order, even with a stalled or backward clock', () => {
    const gen = new UploadIdGenerator();
    const ids = [gen.next(1000), gen.next(1000), gen.next(1000), gen.next(999), gen.next(2000)];
    for (const id of ids) expect(isUploadIdShape(id)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ids issued after a restart sort after the ones already on disk', () => {
    const before = new UploadIdGenerator();
    const old = before.next(5_000_000);
    const after = new UploadIdGenerator([old, 'not-an-id']);
    expect(after.next(1).localeCompare(old)).toBe(1);
  });
});
