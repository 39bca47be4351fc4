import { describe, expect, it } from 'vitest';
import { percentEncode } from './uri-encode';

describe('percentEncode', () => {
  it.each([
    ['space is %20, never +', 'a b', false, 'a%20b'],
    ['+ is encoded', 'key+123', true, 'key%2B123'],
    ['/ kept when keepSlash', 'dir/sub/file', true, 'dir/sub/file'],
    ['/ encoded otherwise', 'dir/sub/file', false, 'dir%2Fsub%2Ffile'],
    ['unreserved set kept', 'AZaz09-._~', false, 'AZaz09-._~'],
    ["!'()* encoded (encodeURIComponent leaves them)", "!'()*", false, '%21%27%28%29%2A'],
    ['% itself encoded', '100%', false, '100%25'],
    ['two-byte UTF-8, upper-case hex', 'é', false, '%C3%A9'],
    ['three-byte UTF-8', '中文', true, '%E4%B8%AD%E6%96%87'],
    ['four-byte UTF-8 (astral)', '😀', false, '%F0%9F%98%80'],
    ['control characters', '\n\t\u0000', false, '%0A%09%00'],
    ['reserved delimiters', '?#&=;:,@$[]', false, '%3F%23%26%3D%3B%3A%2C%40%24%5B%5D'],
    ['lone surrogate becomes U+FFFD', '\ud800', false, '%EF%BF%BD'],
    ['empty string', '', true, ''],
  ])('%s', (_label, input, keepSlash, expected) => {
    expect(percentEncode(input, keepSlash)).toBe(expected);
  });

  it('round-trips through decodeURIComponent and leaves only unreserved characters and %XX', () => {
    const samples = ['dir/big file+1.bin', "a!b'c(d)e*f", 'ü/ñ/中/😀', ' ~-._ ', '%2F%20', 'a&b=c;d'];
    for (const s of samples) {
      for (const keepSlash of [true, false]) {
        const encoded = percentEncode(s, keepSlash);
        expect(decodeURIComponent(encoded)).toBe(s);
        const allowed = keepSlash ? /^(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})*$/ : /^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/;
        expect(encoded).toMatch(allowed);
      }
    }
  });
});
