import { describe, expect, it } from 'vitest';
import { isOssError } from '../oss-error';
import { formatIsoBasic, formatRfc1123, parseIsoBasic } from './sign-dates';

describe('formatIsoBasic / formatRfc1123', () => {
  it.each([
    // §3.6 / §5 time
    [1_672_223_261_000, '20221228T102741Z', 'Wed, 28 Dec 2022 10:27:41 GMT'],
    // §4.5 V4-1 sign time
    [1_702_743_657_000, '20231216T162057Z', 'Sat, 16 Dec 2023 16:20:57 GMT'],
    // single-digit fields are zero-padded
    [Date.UTC(2024, 2, 5, 4, 5, 6), '20240305T040506Z', 'Tue, 05 Mar 2024 04:05:06 GMT'],
    // sub-second part is dropped, not rounded
    [1_672_223_261_999, '20221228T102741Z', 'Wed, 28 Dec 2022 10:27:41 GMT'],
    [0, '19700101T000000Z', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ])('%d → %s / %s', (ms, iso, rfc) => {
    expect(formatIsoBasic(ms)).toBe(iso);
    expect(formatRfc1123(ms)).toBe(rfc);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 1e20])('rejects the unsignable time %d', (ms) => {
    for (const format of [formatIsoBasic, formatRfc1123]) {
      let caught: unknown;
      try {
        format(ms);
      } catch (error) {
        caught = error;
      }
      expect(isOssError(caught) && caught.code === 'InvalidArgument').toBe(true);
    }
  });
});

describe('parseIsoBasic', () => {
  it('inverts formatIsoBasic to the second', () => {
    for (const ms of [0, 1_672_223_261_000, 1_702_785_388_000, Date.UTC(2099, 11, 31, 23, 59, 59)]) {
      expect(parseIsoBasic(formatIsoBasic(ms))).toBe(ms);
    }
  });

  it.each([
    '20231216T162057', // no Z
    '20231216t162057z', // lower case
    '2023-12-16T16:20:57Z', // extended form
    '20231316T162057Z', // month 13
    '20230230T000000Z', // 30 February
    '20231216T246000Z', // 24:60
    ' 20231216T162057Z',
    '',
  ])('rejects %j', (value) => {
    expect(parseIsoBasic(value)).toBeUndefined();
  });
});
