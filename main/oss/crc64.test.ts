import { describe, it, expect } from 'vitest';
import { mulberry32Uint32 } from '../emulator/faults/mulberry32';
import { randomBytes, randomCrc } from './test-support/random-data';
import { CRC64_MAX, Crc64, crc64, crc64Combine, formatCrc64, parseCrc64 } from './crc64';

// Vectors: ../shared/oss-protocol.md §9 ([official] from gov1/gov2 tests, [derived] as regression fixtures).

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const EBS = 'This is a test of the emergency broadcast system.';

/** Slow, obviously-correct reference: one bit at a time with BigInt, as the textbook reflected CRC. */
function referenceCrc64(data: Uint8Array, previous = 0n): bigint {
  const poly = 0xc96c5795d7870f42n;
  let crc = previous ^ CRC64_MAX;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return crc ^ CRC64_MAX;
}

describe('crc64 vectors (§9)', () => {
  const vectors: ReadonlyArray<readonly [string, Uint8Array, bigint]> = [
    ['"123456789" [official]', text('123456789'), 0x995dc9bbdf1939fan],
    ['emergency broadcast [official]', text(EBS), 0x27db187fc15bbc72n],
    ['"upload part 1" [official]', text('upload part 1'), 6571598172666981661n],
    ['"upload part 2" [official]', text('upload part 2'), 2060813895736234537n],
    ['empty input', new Uint8Array(0), 0n],
    ['"upload part 1upload part 2" [derived]', text('upload part 1upload part 2'), 13570749449290420744n],
    ['"123456789" + emergency broadcast [derived]', text(`123456789${EBS}`), 0x6a7aa19fcbf48688n],
  ];

  it.each(vectors)('%s', (_name, data, expected) => {
    expect(crc64(data)).toBe(expected);
    expect(new Crc64().update(data).digest()).toBe(expected);
    expect(referenceCrc64(data)).toBe(expected);
  });

  it('has the decimal wire form of the official vector', () => {
    expect(formatCrc64(crc64(text('123456789')))).toBe('11051210869376104954');
  });

  it('continues from a previous CRC (gov2 "init from first part")', () => {
    expect(crc64(text('upload part 2'), 6571598172666981661n)).toBe(13570749449290420744n);
    expect(crc64(text(EBS), 0x995dc9bbdf1939fan)).toBe(0x6a7aa19fcbf48688n);
    expect(new Crc64(6571598172666981661n).update(text('upload part 2')).digest()).toBe(13570749449290420744n);
  });

  it('combines the derived vectors from their parts', () => {
    expect(crc64Combine(6571598172666981661n, 2060813895736234537n, 13)).toBe(13570749449290420744n);
    expect(crc64Combine(0x995dc9bbdf1939fan, 0x27db187fc15bbc72n, EBS.length)).toBe(0x6a7aa19fcbf48688n);
    // The whole-object fold starts at 0: combine(0, crc, len) must be crc.
    expect(crc64Combine(0n, 6571598172666981661n, 13)).toBe(6571598172666981661n);
  });
});

describe('crc64 against the bit-by-bit reference', () => {
  it('agrees for every length 0..300 at every byte offset mod 8, with and without a previous CRC', () => {
    const next = mulberry32Uint32(1);
    for (let length = 0; length <= 300; length++) {
      const offset = length % 8; // exercises the unaligned head of the word path
      const backing = randomBytes(next, length + 16);
      const data = backing.subarray(offset, offset + length);
      const previous = length % 3 === 0 ? 0n : randomCrc(next);
      expect(crc64(data, previous), `length ${length}`).toBe(referenceCrc64(data, previous));
    }
  });

  it('agrees on larger random inputs', () => {
    const next = mulberry32Uint32(2);
    for (const length of [4093, 65_536, 65_541]) {
      const data = randomBytes(next, length + 3).subarray(3);
      expect(crc64(data)).toBe(referenceCrc64(data));
    }
  });

  it('reads only the bytes of a view, not its neighbours in the backing buffer', () => {
    const next = mulberry32Uint32(3);
    const backing = randomBytes(next, 10_000);
    const view = backing.subarray(1001, 9_000);
    expect(crc64(view)).toBe(crc64(Uint8Array.from(view)));
    expect(crc64(Buffer.from(backing.buffer, 1001, 7999))).toBe(crc64(view));
  });
});

describe('Crc64 incremental hashing', () => {
  it('gives the one-call CRC for random splits of random data (seeded)', () => {
    for (const seed of [10, 11, 12]) {
      const next = mulberry32Uint32(seed);
      const data = randomBytes(next, (1 << 20) + (next() % 4096));
      const whole = crc64(data);
      const hasher = new Crc64();
      let chained = 0n;
      let at = 0;
      while (at < data.length) {
        // Mostly small and odd-sized chunks, sometimes empty, sometimes tens of KiB.
        const pick = next() % 10;
        const size = pick === 0 ? 0 : pick < 6 ? next() % 200 : next() % 70_000;
        const chunk = data.subarray(at, Math.min(data.length, at + size));
        hasher.update(chunk);
        chained = crc64(chunk, chained);
        at += chunk.length;
      }
      expect(hasher.digest(), `seed ${seed}`).toBe(whole);
      expect(chained, `seed ${seed}`).toBe(whole);
    }
  });

  it('hashes one array longer than the 64 MiB run limit like the same bytes in 1 MiB chunks', () => {
    const data = new Uint8Array((64 << 20) + 4099 + 3).subarray(3); // unaligned, not a multiple of 8
    for (let i = 0; i < data.length; i++) data[i] = Math.imul(i, 0x9e3779b1) >>> 24;
    const chunked = new Crc64();
    for (let at = 0; at < data.length; at += 1 << 20) chunked.update(data.subarray(at, at + (1 << 20)));
    expect(crc64(data)).toBe(chunked.digest());
  });

  it('digest is repeatable and does not end the hash', () => {
    const hasher = new Crc64().update(text('upload part 1'));
    expect(hasher.digest()).toBe(6571598172666981661n);
    expect(hasher.digest()).toBe(6571598172666981661n);
    expect(hasher.update(text('upload part 2')).digest()).toBe(13570749449290420744n);
  });

  it('reset starts over, from 0 or from a given CRC', () => {
    const hasher = new Crc64().update(text('junk'));
    expect(hasher.reset().digest()).toBe(0n);
    expect(hasher.update(text('123456789')).digest()).toBe(0x995dc9bbdf1939fan);
    expect(hasher.reset(6571598172666981661n).update(text('upload part 2')).digest()).toBe(13570749449290420744n);
  });

  it('rejects a previous CRC outside 0..2^64-1', () => {
    expect(() => crc64(text('a'), -1n)).toThrow(RangeError);
    expect(() => crc64(text('a'), CRC64_MAX + 1n)).toThrow(RangeError);
    expect(() => new Crc64(CRC64_MAX + 1n)).toThrow(RangeError);
    expect(crc64(new Uint8Array(0), CRC64_MAX)).toBe(CRC64_MAX);
  });
});

describe('parseCrc64 / formatCrc64', () => {
  it('round-trips 0, 1, the maximum and random values', () => {
    const next = mulberry32Uint32(4);
    const values = [0n, 1n, 9n, 10n, CRC64_MAX, CRC64_MAX - 1n, 1n << 63n];
    for (let i = 0; i < 200; i++) values.push(randomCrc(next));
    for (const value of values) {
      const wire = formatCrc64(value);
      expect(wire).toBe(value.toString());
      expect(parseCrc64(wire)).toBe(value);
    }
    expect(parseCrc64('18446744073709551615')).toBe(CRC64_MAX);
  });

  it.each([
    ['', 'empty'],
    ['18446744073709551616', '2^64'],
    ['99999999999999999999', '20 digits over the maximum'],
    ['184467440737095516150', '21 digits'],
    ['01', 'leading zero'],
    ['00', 'two zeros'],
    ['-1', 'sign'],
    ['+1', 'plus sign'],
    [' 1', 'leading space'],
    ['1 ', 'trailing space'],
    ['0x10', 'hex'],
    ['1e3', 'exponent'],
    ['1.0', 'fraction'],
    ['1_000', 'separator'],
    ['１２３', 'full-width digits'],
    ['123n', 'BigInt literal'],
  ])('rejects %j (%s)', (value) => {
    expect(parseCrc64(value)).toBeUndefined();
  });

  it('refuses to format values outside 0..2^64-1', () => {
    expect(() => formatCrc64(-1n)).toThrow(RangeError);
    expect(() => formatCrc64(CRC64_MAX + 1n)).toThrow(RangeError);
  });
});
