import { describe, expect, it } from 'vitest';
import { parseCrc64Decimal } from './parse-crc64-decimal';

describe('parseCrc64Decimal', () => {
  it.each([
    ['0', 0n],
    ['6571598172666981661', 6571598172666981661n], // oss-protocol.md §5, body "upload part 1"
    ['12066172435287683848', 12066172435287683848n], // §6.5 sample, above 2^63
    ['9007199254740993', 9007199254740993n], // 2^53 + 1: a Number would round it
    ['18446744073709551615', 18446744073709551615n],
    ['000123', 123n],
  ])('parses %s exactly', (text, expected) => {
    expect(parseCrc64Decimal(text, 'crc')).toBe(expected);
  });

  it.each(['', ' 1', '1 ', '-1', '+1', '0x1F', '1e5', '1.0', '18446744073709551616', '123456789012345678901', 'abc'])(
    'rejects %j as MalformedResponse',
    (text) => {
      expect(() => parseCrc64Decimal(text, 'x-oss-hash-crc64ecma')).toThrow(
        expect.objectContaining({ code: 'MalformedResponse', retryable: true }),
      );
    },
  );
});
