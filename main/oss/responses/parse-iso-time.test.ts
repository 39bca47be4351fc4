import { describe, expect, it } from 'vitest';
import { parseIsoTimeMs } from './parse-iso-time';

describe('parseIsoTimeMs', () => {
  it.each([
    ['2023-11-22T05:45:57.000Z', Date.UTC(2023, 10, 22, 5, 45, 57)],
    ['2023-11-22T05:45:57Z', Date.UTC(2023, 10, 22, 5, 45, 57)],
    ['2023-11-22T05:45:57.123Z', Date.UTC(2023, 10, 22, 5, 45, 57, 123)],
    ['2023-11-22T13:45:57+08:00', Date.UTC(2023, 10, 22, 5, 45, 57)],
  ])('parses %s', (text, expected) => {
    expect(parseIsoTimeMs(text, 'Initiated')).toBe(expected);
  });

  it.each(['', 'yesterday', 'Wed, 22 Nov 2023 05:45:57 GMT', '2023-11-22', '2023-11-22 05:45:57Z', '2023-13-45T99:99:99Z'])(
    'rejects %j',
    (text) => {
      expect(() => parseIsoTimeMs(text, 'Initiated')).toThrow(expect.objectContaining({ code: 'MalformedResponse' }));
    },
  );
});
