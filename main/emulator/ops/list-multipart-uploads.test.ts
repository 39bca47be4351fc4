import { describe, expect, it } from 'vitest';
import type { UploadRecord } from '../store/store-records';
import { pageUploads, type ListUploadsArgs } from './list-multipart-uploads';

function upload(key: string, uploadId: string): UploadRecord {
  return { key, uploadId, initiatedMs: 0, contentType: '', storageClass: 'Standard', userMeta: {} };
}

const all = [upload('a', '1'), upload('a', '2'), upload('a/x', '3'), upload('a/y', '4'), upload('b', '5'), upload('b', '6'), upload('c/z', '7')];
const args = (over: Partial<ListUploadsArgs>): ListUploadsArgs => ({ prefix: '', delimiter: '', keyMarker: '', uploadIdMarker: '', maxUploads: 1000, ...over });

function describePage(over: Partial<ListUploadsArgs>): { entries: string[]; truncated: boolean } {
  const page = pageUploads(all, args(over));
  return {
    entries: page.entries.map((e) => (e.kind === 'item' ? `${e.item.key}#${e.item.uploadId}` : `prefix:${e.prefix}`)),
    truncated: page.truncated,
  };
}

describe('pageUploads (§6.6)', () => {
  it('stops at max-uploads and says so', () => {
    expect(describePage({ maxUploads: 3 })).toEqual({ entries: ['a#1', 'a#2', 'a/x#3'], truncated: true });
    expect(describePage({ maxUploads: 7 }).truncated).toBe(false);
  });

  it('continues inside one key with key-marker + upload-id-marker', () => {
    expect(describePage({ keyMarker: 'a', uploadIdMarker: '1', maxUploads: 2 })).toEqual({ entries: ['a#2', 'a/x#3'], truncated: true });
    expect(describePage({ keyMarker: 'b', uploadIdMarker: '5' }).entries).toEqual(['b#6', 'c/z#7']);
    expect(describePage({ keyMarker: 'b' }).entries).toEqual(['c/z#7']);
  });

  it('rolls keys up with a delimiter; a prefix counts once toward the page; a marker equal to it skips it', () => {
    expect(describePage({ delimiter: '/' })).toEqual({ entries: ['a#1', 'a#2', 'prefix:a/', 'b#5', 'b#6', 'prefix:c/'], truncated: false });
    expect(describePage({ delimiter: '/', maxUploads: 3 })).toEqual({ entries: ['a#1', 'a#2', 'prefix:a/'], truncated: true });
    expect(describePage({ delimiter: '/', keyMarker: 'a/' }).entries).toEqual(['b#5', 'b#6', 'prefix:c/']);
    expect(describePage({ prefix: 'a/', delimiter: '/' }).entries).toEqual(['a/x#3', 'a/y#4']);
  });

  it('truncates only when a new entry is left, not for more keys under the last prefix', () => {
    const only = [upload('d/1', '1'), upload('d/2', '2')];
    expect(pageUploads(only, args({ delimiter: '/', maxUploads: 1 })).truncated).toBe(false);
  });
});
