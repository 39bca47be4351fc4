import { describe, expect, it } from 'vitest';
import type { PartInfo } from '../oss/oss-types';
import type { PartHashes } from '../oss/part-hasher';
import type { DonePart } from './job-parts';
import { reconcileParts, sameEtag } from './job-reconcile';
import { planParts } from './part-plan';

const KB100 = 100 * 1024;
const plan = planParts(4 * KB100 + 50, KB100); // parts 1-4 of 100 KB, part 5 of 50 bytes

const md5Of = (n: number): string => n.toString(16).toUpperCase().padStart(32, '0');
const server = (partNumber: number, md5Hex: string, crc64: bigint | undefined, size = KB100): PartInfo => ({
  partNumber,
  etag: `"${md5Hex}"`,
  size,
  lastModified: '2024-01-01T00:00:00.000Z',
  crc64,
});
const journal = (partNumber: number, md5Hex: string, crc64: bigint, size = KB100): DonePart => ({ partNumber, etag: `"${md5Hex}"`, crc64, size });

/** Local bytes of part n hash to md5Of(n) and CRC n. */
function hashRange(calls: number[]): (path: string, offset: number, size: number) => Promise<PartHashes> {
  return (_path, offset, size) => {
    const n = offset / KB100 + 1;
    calls.push(n);
    return Promise.resolve({ md5Hex: md5Of(n), md5Base64: '', crc64: BigInt(n), bytes: size });
  };
}

describe('reconcileParts', () => {
  it('keeps journal parts the server confirms, and adopts unknown server parts only when the local bytes match', async () => {
    const hashed: number[] = [];
    const result = await reconcileParts({
      plan,
      journalParts: [journal(1, md5Of(1), 1n), journal(2, md5Of(2), 2n), journal(4, md5Of(4), 4n)],
      serverParts: [
        server(1, md5Of(1), 1n), // matches the journal
        server(2, md5Of(99), 99n), // overwritten by something else since
        server(3, md5Of(3), 3n), // landed before the crash, unknown to the journal: local bytes match
        server(5, md5Of(77), 77n, 50), // unknown and the local bytes differ
        server(6, md5Of(6), 6n), // past the plan
      ],
      localPath: '/file',
      signal: new AbortController().signal,
      hashRange: hashRange(hashed),
    });
    expect(result.kept.map((part) => part.partNumber)).toEqual([1, 3]);
    expect(result.kept[1]).toEqual({ partNumber: 3, etag: `"${md5Of(3)}"`, crc64: 3n, size: KB100 });
    expect(result.adopted).toEqual([3]);
    expect(result.mismatched).toEqual([2, 5]);
    // Part 4 is in the journal but not on the server: it is simply sent again. Only unknown parts are read.
    expect(hashed).toEqual([3, 5]);
  });

  it('re-sends server parts of the wrong size or whose CRC-64 disagrees', async () => {
    const result = await reconcileParts({
      plan,
      journalParts: [journal(1, md5Of(1), 1n)],
      serverParts: [server(1, md5Of(1), 2n), server(2, md5Of(2), 2n, KB100 - 1)],
      localPath: '/file',
      signal: new AbortController().signal,
      hashRange: hashRange([]),
    });
    expect(result.kept).toEqual([]);
    expect(result.mismatched).toEqual([1, 2]);
  });

  it('lets CRC-64 decide for a server part whose ETag is not an MD5', async () => {
    const kms = (partNumber: number, crc64: bigint): PartInfo => ({ ...server(partNumber, '', crc64), etag: '"kms-etag"' });
    const result = await reconcileParts({
      plan,
      journalParts: [],
      serverParts: [kms(1, 1n), kms(2, 9n)],
      localPath: '/file',
      signal: new AbortController().signal,
      hashRange: hashRange([]),
    });
    expect(result.adopted).toEqual([1]);
    expect(result.mismatched).toEqual([2]);
  });

  it('compares ETags regardless of quotes and hex case', () => {
    expect(sameEtag('"abcdef0123456789abcdef0123456789"', 'ABCDEF0123456789ABCDEF0123456789')).toBe(true);
    expect(sameEtag('"x-1"', '"x-1"')).toBe(true);
    expect(sameEtag('"x-1"', '"x-2"')).toBe(false);
  });
});
