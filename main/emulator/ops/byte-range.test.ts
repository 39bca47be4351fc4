import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../emulator-error';
import { resolveByteRange } from './byte-range';

describe('resolveByteRange', () => {
  it.each([
    ['bytes=0-4', 10, { start: 0, end: 4 }],
    ['bytes=5-', 10, { start: 5, end: 9 }],
    ['bytes=8-100', 10, { start: 8, end: 9 }],
    ['bytes=-3', 10, { start: 7, end: 9 }],
    ['bytes=-30', 10, { start: 0, end: 9 }],
    ['bytes=4-2', 10, undefined],
    ['bytes=0-1,3-4', 10, undefined],
    ['items=0-1', 10, undefined],
    ['bytes=10-', 10, undefined],
    ['bytes=-0', 10, undefined],
    [undefined, 10, undefined],
  ])('%s of %d bytes → %j', (header, size, expected) => {
    expect(resolveByteRange(header, size, false)).toEqual(expected);
  });

  it('answers 416 InvalidRange for an unsatisfiable range only in standard mode', () => {
    expect(() => resolveByteRange('bytes=10-', 10, true)).toThrow(EmulatorError);
    expect(resolveByteRange('bytes=0-1,3-4', 10, true)).toBeUndefined();
  });
});
