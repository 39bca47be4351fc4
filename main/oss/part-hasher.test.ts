import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { createPartHasher, etagFromMd5Hex, md5HexFromEtag } from './part-hasher';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('createPartHasher', () => {
  it('hashes "upload part 1" to its MD5 forms and the official CRC-64 (§9)', () => {
    const hasher = createPartHasher();
    hasher.update(text('upload '));
    hasher.update(text('part 1'));
    const hashes = hasher.digest();
    const md5 = createHash('md5').update('upload part 1').digest();
    expect(hashes).toEqual({
      md5Base64: md5.toString('base64'),
      md5Hex: md5.toString('hex').toUpperCase(),
      crc64: 6571598172666981661n,
      bytes: 13,
    });
    expect(hashes.md5Hex).toMatch(/^[0-9A-F]{32}$/);
  });

  it('gives the known empty-input values for a part with no bytes', () => {
    expect(createPartHasher().digest()).toEqual({
      md5Base64: '1B2M2Y8AsgTpgAmY7PhCfg==',
      md5Hex: 'D41D8CD98F00B204E9800998ECF8427E',
      crc64: 0n,
      bytes: 0,
    });
  });

  it('counts bytes as they go and across many chunks of a larger body', () => {
    const body = new Uint8Array(300_001);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) & 0xff;
    const hasher = createPartHasher();
    for (let at = 0; at < body.length; at += 65_536) {
      hasher.update(body.subarray(at, at + 65_536));
      expect(hasher.bytes).toBe(Math.min(body.length, at + 65_536));
    }
    const whole = createPartHasher();
    whole.update(body);
    expect(hasher.digest()).toEqual(whole.digest());
    expect(hasher.digest().md5Hex).toBe(createHash('md5').update(body).digest('hex').toUpperCase());
  });

  it('returns the same result from a second digest() and refuses updates after it', () => {
    const hasher = createPartHasher();
    hasher.update(text('upload part 2'));
    const first = hasher.digest();
    expect(hasher.digest()).toBe(first);
    expect(first.crc64).toBe(2060813895736234537n);
    expect(() => hasher.update(text('more'))).toThrow(/after digest/);
  });

  it('gives the same hashes with the shared four-lane MD5 pool, several parts interleaved as the engine feeds them', () => {
    const parts = [0, 1, 2, 3, 4].map((n) => {
      const body = new Uint8Array(700_000 + n * 100_003);
      for (let i = 0; i < body.length; i++) body[i] = (i * (n + 3) + n) & 0xff;
      return body;
    });
    const laned = parts.map(() => createPartHasher('lanes'));
    const chunk = 256 * 1024;
    for (let at = 0; parts.some((p) => at < p.length); at += chunk) {
      parts.forEach((body, n) => {
        if (at < body.length) laned[n]?.update(body.subarray(at, at + chunk));
      });
    }
    parts.forEach((body, n) => {
      const reference = createPartHasher('crypto');
      reference.update(body);
      expect(laned[n]?.digest()).toEqual(reference.digest());
    });
    expect(createPartHasher('lanes').digest().md5Hex).toBe('D41D8CD98F00B204E9800998ECF8427E');
  });
});

describe('ETag helpers', () => {
  const hex = 'D41D8CD98F00B204E9800998ECF8427E';

  it('etagFromMd5Hex quotes and upper-cases', () => {
    expect(etagFromMd5Hex(hex)).toBe(`"${hex}"`);
    expect(etagFromMd5Hex(hex.toLowerCase())).toBe(`"${hex}"`);
  });

  it.each(['', 'D41D8CD98F00B204E9800998ECF8427', `${hex}0`, 'G41D8CD98F00B204E9800998ECF8427E', `"${hex}"`])(
    'etagFromMd5Hex rejects %j',
    (value) => {
      expect(() => etagFromMd5Hex(value)).toThrow(RangeError);
    },
  );

  it.each([
    [`"${hex}"`, hex],
    [`"${hex.toLowerCase()}"`, hex],
    [hex, hex],
    [hex.toLowerCase(), hex],
  ])('md5HexFromEtag(%j) is the MD5', (etag, expected) => {
    expect(md5HexFromEtag(etag)).toBe(expected);
  });

  it.each([
    ['multipart object ETag', `"${hex}-3"`],
    ['too short', '"D41D8CD98F00B204E9800998ECF8427"'],
    ['too long', `"${hex}00"`],
    ['not hex', '"Z41D8CD98F00B204E9800998ECF8427E"'],
    ['weak ETag', `W/"${hex}"`],
    ['one quote only', `"${hex}`],
    ['spaces inside the quotes', `" ${hex} "`],
    ['empty', ''],
    ['empty quotes', '""'],
    ['a lone quote', '"'],
  ])('md5HexFromEtag rejects a %s', (_name, etag) => {
    expect(md5HexFromEtag(etag)).toBeUndefined();
  });

  it('round-trips through a hasher digest', () => {
    const hasher = createPartHasher();
    hasher.update(text('upload part 1'));
    const { md5Hex } = hasher.digest();
    expect(md5HexFromEtag(etagFromMd5Hex(md5Hex))).toBe(md5Hex);
  });
});
