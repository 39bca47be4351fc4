import { describe, expect, it } from 'vitest';
import { ReadLeases } from './read-leases';

describe('ReadLeases', () => {
  it('removes at once when nobody reads', async () => {
    const leases = new ReadLeases<object>();
    const removed: string[] = [];
    await leases.retire({}, () => Promise.resolve(void removed.push('x')));
    expect(removed).toEqual(['x']);
  });

  it('holds the removal until the last reader releases, and refuses new readers meanwhile', async () => {
    const leases = new ReadLeases<object>();
    const item = {};
    let removals = 0;
    expect(leases.acquire(item)).toBe(true);
    expect(leases.acquire(item)).toBe(true);
    await leases.retire(item, () => Promise.resolve(void removals++));
    expect(removals).toBe(0);
    expect(leases.acquire(item)).toBe(false);
    await leases.release(item);
    expect(removals).toBe(0);
    await leases.release(item);
    expect(removals).toBe(1);
    await leases.release(item);
    expect(removals).toBe(1);
  });

  it('keeps items apart, and a release without a retire removes nothing', async () => {
    const leases = new ReadLeases<object>();
    const a = {};
    const b = {};
    let removals = 0;
    leases.acquire(a);
    leases.acquire(b);
    await leases.release(b);
    await leases.retire(a, () => Promise.resolve(void removals++));
    expect(removals).toBe(0);
    await leases.release(a);
    expect(removals).toBe(1);
  });
});
