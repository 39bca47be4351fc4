import { describe, expect, it } from 'vitest';
import { crc64 } from '../oss/crc64';
import { createPartHasher, etagFromMd5Hex, type PartHashes } from '../oss/part-hasher';
import { classifyServerParts, layoutRange, partMatches, planResumeLayout, type ResumeLayout } from './resume-plan';

const KB100 = 100 * 1024;

function hashesOf(bytes: Buffer): PartHashes {
  const hasher = createPartHasher();
  hasher.update(bytes);
  return hasher.digest();
}

/** A server part made from `bytes` (ETag and CRC-64 as OSS reports them). */
function serverPart(partNumber: number, bytes: Buffer) {
  const h = hashesOf(bytes);
  return { partNumber, size: bytes.length, etag: etagFromMd5Hex(h.md5Hex), crc64: h.crc64, lastModified: '' };
}

describe('planResumeLayout', () => {
  it('infers the part size from the parts and counts the parts of the whole file', () => {
    const parts = [
      { partNumber: 1, size: KB100 },
      { partNumber: 2, size: KB100 },
    ];
    expect(planResumeLayout(parts, 3 * KB100 + 5)).toEqual({ ok: true, fileSizeBytes: 3 * KB100 + 5, partSizeBytes: KB100, partCount: 4 });
  });

  it('a single last part with the file size reveals the layout', () => {
    const layout = planResumeLayout([{ partNumber: 3, size: 10 }], 2 * KB100 + 10);
    expect(layout).toMatchObject({ ok: true, partSizeBytes: KB100, partCount: 3 });
  });

  it('refuses a file too small for the parts on the server', () => {
    const parts = [
      { partNumber: 1, size: KB100 },
      { partNumber: 2, size: KB100 },
      { partNumber: 3, size: KB100 },
    ];
    const layout = planResumeLayout(parts, 2 * KB100);
    expect(layout).toMatchObject({ ok: false, reason: 'layoutMismatch' });
    if (!layout.ok) expect(layout.message).toMatch(/cannot be the source/);
  });

  it('refuses when the last part does not end where the file ends', () => {
    const parts = [
      { partNumber: 1, size: KB100 },
      { partNumber: 2, size: 7 },
    ];
    expect(planResumeLayout(parts, KB100 + 8)).toMatchObject({ ok: false, reason: 'layoutMismatch' });
  });

  it('refuses parts of different sizes (only the last may be smaller)', () => {
    const parts = [
      { partNumber: 1, size: KB100 },
      { partNumber: 2, size: KB100 + 1 },
      { partNumber: 3, size: KB100 },
    ];
    expect(planResumeLayout(parts, 4 * KB100)).toMatchObject({ ok: false, reason: 'layoutMismatch' });
  });

  it('with no part on the server, uses the default part size', () => {
    expect(planResumeLayout([], 20 * 1024 * 1024, 8 * 1024 * 1024)).toEqual({
      ok: true,
      fileSizeBytes: 20 * 1024 * 1024,
      partSizeBytes: 8 * 1024 * 1024,
      partCount: 3,
    });
  });

  it('refuses an empty file', () => {
    expect(planResumeLayout([], 0)).toMatchObject({ ok: false, reason: 'emptyFile' });
  });

  it('layoutRange gives each part its slice, the last one shorter', () => {
    const layout: ResumeLayout = { ok: true, fileSizeBytes: 250, partSizeBytes: 100, partCount: 3 };
    expect([1, 2, 3].map((n) => layoutRange(layout, n))).toEqual([
      { offset: 0, size: 100 },
      { offset: 100, size: 100 },
      { offset: 200, size: 50 },
    ]);
  });
});

describe('partMatches', () => {
  const bytes = Buffer.from('the bytes of one part');
  const local = hashesOf(bytes);

  it('needs the same size, MD5 and CRC-64', () => {
    expect(partMatches(serverPart(1, bytes), local)).toBe(true);
    expect(partMatches(serverPart(1, Buffer.from('the bytes of one pare')), local)).toBe(false);
    expect(partMatches({ ...serverPart(1, bytes), size: bytes.length + 1 }, local)).toBe(false);
  });

  it('relies on CRC-64 alone when the ETag is not an MD5 (some encryption modes)', () => {
    const part = { ...serverPart(1, bytes), etag: '"NOT-AN-MD5"' };
    expect(partMatches(part, local)).toBe(true);
    expect(partMatches({ ...part, crc64: crc64(Buffer.from('other')) }, local)).toBe(false);
  });

  it('relies on the MD5 alone when no CRC-64 is listed', () => {
    expect(partMatches({ ...serverPart(1, bytes), crc64: undefined }, local)).toBe(true);
  });

  it('does not keep a part that nothing can vouch for', () => {
    expect(partMatches({ ...serverPart(1, bytes), etag: '"X"', crc64: undefined }, local)).toBe(false);
  });
});

describe('classifyServerParts', () => {
  const chunks = [1, 2, 3, 4, 5].map((n) => Buffer.alloc(10, n));
  const layout: ResumeLayout = { ok: true, fileSizeBytes: 50, partSizeBytes: 10, partCount: 5 };
  const local = new Map(chunks.map((chunk, i) => [i + 1, hashesOf(chunk)]));

  it('keeps matching parts, re-sends mismatched ones and lists missing ones', () => {
    const parts = [serverPart(1, chunks[0] as Buffer), serverPart(2, Buffer.alloc(10, 9)), serverPart(4, chunks[3] as Buffer)];
    const plan = classifyServerParts(layout, parts, local);
    expect(plan).toMatchObject({ ok: true, mismatched: [2], missing: [3, 5], toSend: [2, 3, 5] });
    if (plan.ok) expect(plan.kept.map((p) => p.partNumber)).toEqual([1, 4]);
  });

  it('refuses when most server parts differ from the file', () => {
    const parts = [serverPart(1, Buffer.alloc(10, 7)), serverPart(2, Buffer.alloc(10, 8)), serverPart(3, chunks[2] as Buffer)];
    expect(classifyServerParts(layout, parts, local)).toMatchObject({ ok: false, reason: 'mostPartsMismatch' });
  });

  it('accepts exactly half mismatched (not "most")', () => {
    const parts = [serverPart(1, Buffer.alloc(10, 7)), serverPart(2, chunks[1] as Buffer)];
    expect(classifyServerParts(layout, parts, local)).toMatchObject({ ok: true, toSend: [1, 3, 4, 5] });
  });
});
