import { describe, expect, it } from 'vitest';
import { MAX_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES } from '../../shared/limits';
import { parseBytesPerSecond, parseSize, SizeParseError } from './parse-size';

describe('parseSize', () => {
  it.each([
    ['0', 0],
    ['1048576', 1_048_576],
    ['8MiB', 8 * 1024 * 1024],
    ['8mib', 8 * 1024 * 1024],
    ['8 MiB', 8 * 1024 * 1024],
    ['8M', 8 * 1024 * 1024],
    ['512B', 512],
    ['64k', 64 * 1024],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['.5MiB', 512 * 1024],
    ['2TiB', 2 * 1024 ** 4],
    [' 3KB ', 3 * 1024],
  ])('%j is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it('reads the OSS documentation units as the documentation means them (100 KB and 5 GB limits)', () => {
    expect(parseSize('100KB')).toBe(MIN_PART_SIZE_BYTES);
    expect(parseSize('5GB')).toBe(MAX_PART_SIZE_BYTES);
  });

  it.each(['', 'MiB', '8XB', '-1', '1e3', '8 MiB s', 'eight', '1..2K', '0x10'])('refuses %j', (text) => {
    expect(() => parseSize(text)).toThrow(SizeParseError);
  });

  it('refuses sizes that are not whole bytes, and sizes too large to count exactly', () => {
    expect(() => parseSize('1.5')).toThrow(/whole number of bytes/);
    expect(() => parseSize('0.3KiB')).toThrow(/whole number of bytes/);
    expect(() => parseSize('9000000TiB')).toThrow(/too large/);
  });
});

describe('parseBytesPerSecond', () => {
  it.each([
    ['10MiB/s', 10 * 1024 * 1024],
    ['10MiB', 10 * 1024 * 1024],
    ['512 KB / s', 512 * 1024],
    ['1M/sec', 1024 * 1024],
    ['0', 0],
    ['off', 0],
    ['Unlimited', 0],
  ])('%j is %d bytes per second', (text, rate) => {
    expect(parseBytesPerSecond(text)).toBe(rate);
  });

  it('refuses a rate per something other than a second', () => {
    expect(() => parseBytesPerSecond('10MiB/min')).toThrow(SizeParseError);
  });
});
