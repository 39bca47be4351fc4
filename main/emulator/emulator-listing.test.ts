import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  initiateUpload,
  putPart,
  sendSigned,
  startTestEmulator,
  xmlField,
  xmlFields,
  type TestClientOptions,
  type TestEmulator,
} from './emulator-test-client';

function listUploads(c: TestClientOptions, params: Array<[string, string]>): ReturnType<typeof sendSigned> {
  return sendSigned(c, { method: 'GET', query: [['uploads', ''], ...params] });
}

describe('emulator listings', () => {
  let t: TestEmulator;
  let c: TestClientOptions;
  /** key → upload ids in creation order */
  const ids = new Map<string, string[]>();

  beforeAll(async () => {
    t = await startTestEmulator();
    c = t.client();
    for (const key of ['b/one', 'a.bin', 'b/two', 'same.bin', 'same.bin', 'same.bin', 'c d+e/f.bin']) {
      const id = await initiateUpload(c, key);
      ids.set(key, [...(ids.get(key) ?? []), id]);
    }
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('lists uploads ordered by key then UploadId, with ids sorting in creation order', async () => {
    const res = await listUploads(c, []);
    expect(res.status).toBe(200);
    expect(xmlFields(res.text, 'Key')).toEqual(['a.bin', 'b/one', 'b/two', 'c d+e/f.bin', 'same.bin', 'same.bin', 'same.bin']);
    const same = ids.get('same.bin') ?? [];
    expect(same).toHaveLength(3);
    expect([...same].sort()).toEqual(same);
    expect(xmlFields(res.text, 'UploadId').slice(4)).toEqual(same);
    for (const id of xmlFields(res.text, 'UploadId')) expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(xmlField(res.text, 'IsTruncated')).toBe('false');
    expect(xmlField(res.text, 'Initiated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('pages several uploads of one key across a page boundary with key-marker + upload-id-marker', async () => {
    const seen: Array<[string, string]> = [];
    let keyMarker = '';
    let uploadIdMarker = '';
    let pages = 0;
    for (;;) {
      const res = await listUploads(c, [
        ['max-uploads', '2'],
        ['key-marker', keyMarker],
        ['upload-id-marker', uploadIdMarker],
      ]);
      pages += 1;
      const keys = xmlFields(res.text, 'Key');
      const uploadIds = xmlFields(res.text, 'UploadId');
      keys.forEach((k, i) => seen.push([k, uploadIds[i] ?? '']));
      expect(keys.length).toBeLessThanOrEqual(2);
      if (xmlField(res.text, 'IsTruncated') !== 'true') break;
      keyMarker = xmlField(res.text, 'NextKeyMarker') ?? '';
      uploadIdMarker = xmlField(res.text, 'NextUploadIdMarker') ?? '';
    }
    expect(pages).toBe(4);
    const same = ids.get('same.bin') ?? [];
    expect(seen.map(([k]) => k)).toEqual(['a.bin', 'b/one', 'b/two', 'c d+e/f.bin', 'same.bin', 'same.bin', 'same.bin']);
    expect(seen.slice(4).map(([, id]) => id)).toEqual(same);
  });

  it('applies the marker rules: key-marker alone skips that key; upload-id-marker needs key-marker', async () => {
    const same = ids.get('same.bin') ?? [];
    const alone = await listUploads(c, [['key-marker', 'c d+e/f.bin']]);
    expect(xmlFields(alone.text, 'Key')).toEqual(['same.bin', 'same.bin', 'same.bin']);
    const keyOnly = await listUploads(c, [['key-marker', 'same.bin']]);
    expect(xmlFields(keyOnly.text, 'Key')).toEqual([]);
    const both = await listUploads(c, [
      ['key-marker', 'same.bin'],
      ['upload-id-marker', same[0] ?? ''],
    ]);
    expect(xmlFields(both.text, 'UploadId')).toEqual(same.slice(1));
    const idOnly = await listUploads(c, [['upload-id-marker', same[1] ?? '']]);
    expect(xmlFields(idOnly.text, 'Key')).toHaveLength(7);
  });

  it('honours prefix and rolls keys up into CommonPrefixes with a delimiter, across pages', async () => {
    const pre = await listUploads(c, [['prefix', 'b/']]);
    expect(xmlFields(pre.text, 'Key')).toEqual(['b/one', 'b/two']);
    expect(xmlField(pre.text, 'Prefix')).toBe('b/');

    const delimited = await listUploads(c, [['delimiter', '/']]);
    expect(xmlFields(delimited.text, 'Key')).toEqual(['a.bin', 'same.bin', 'same.bin', 'same.bin']);
    const prefixes = [...delimited.text.matchAll(/<CommonPrefixes><Prefix>(.*?)<\/Prefix><\/CommonPrefixes>/g)].map((m) => m[1]);
    expect(prefixes).toEqual(['b/', 'c d+e/']);

    const first = await listUploads(c, [['delimiter', '/'], ['max-uploads', '2']]);
    expect(xmlField(first.text, 'IsTruncated')).toBe('true');
    expect(xmlField(first.text, 'NextKeyMarker')).toBe('b/');
    const second = await listUploads(c, [
      ['delimiter', '/'],
      ['max-uploads', '2'],
      ['key-marker', 'b/'],
      ['upload-id-marker', xmlField(first.text, 'NextUploadIdMarker') ?? ''],
    ]);
    expect(second.text).not.toContain('<Prefix>b/</Prefix></CommonPrefixes>');
    expect(second.text).toContain('<CommonPrefixes><Prefix>c d+e/</Prefix></CommonPrefixes>');
  });

  it('encodes Key, Prefix, Delimiter and markers with encoding-type=url (space %20, + %2B, / %2F)', async () => {
    const res = await listUploads(c, [
      ['encoding-type', 'url'],
      ['prefix', 'c d+e/'],
      ['key-marker', 'c d+'],
    ]);
    expect(xmlField(res.text, 'EncodingType')).toBe('url');
    expect(xmlFields(res.text, 'Key')).toEqual(['c%20d%2Be%2Ff.bin']);
    expect(xmlField(res.text, 'Prefix')).toBe('c%20d%2Be%2F');
    expect(xmlField(res.text, 'KeyMarker')).toBe('c%20d%2B');
    const id = ids.get('c d+e/f.bin')?.[0] ?? '';
    const parts = await sendSigned(c, { method: 'GET', key: 'c d+e/f.bin', query: [['uploadId', id], ['encoding-type', 'url']] });
    expect(xmlField(parts.text, 'Key')).toBe('c%20d%2Be%2Ff.bin');
    const bad = await listUploads(c, [['encoding-type', 'base64']]);
    expect(xmlField(bad.text, 'Code')).toBe('InvalidArgument');
  });

  it('refuses max-uploads and max-parts above 1000 (or not a number)', async () => {
    for (const value of ['1001', 'abc', '0']) {
      const res = await listUploads(c, [['max-uploads', value]]);
      expect(res.status).toBe(400);
      expect(xmlField(res.text, 'Code')).toBe('InvalidArgument');
    }
    expect((await listUploads(c, [['max-uploads', '1000']])).status).toBe(200);
    const id = ids.get('a.bin')?.[0] ?? '';
    const parts = await sendSigned(c, { method: 'GET', key: 'a.bin', query: [['uploadId', id], ['max-parts', '1001']] });
    expect(xmlField(parts.text, 'Code')).toBe('InvalidArgument');
  });

  it('pages ListParts with part-number-marker (strictly greater), max-parts and NextPartNumberMarker', async () => {
    const key = 'parts.bin';
    const id = await initiateUpload(c, key);
    for (const n of [1, 2, 3, 5, 8]) await putPart(c, key, id, n, Buffer.from(`part ${n}`));
    const numbers: string[] = [];
    let marker = '0';
    for (;;) {
      const res = await sendSigned(c, { method: 'GET', key, query: [['uploadId', id], ['max-parts', '2'], ['part-number-marker', marker]] });
      expect(xmlField(res.text, 'PartNumberMarker')).toBe(marker);
      expect(xmlField(res.text, 'MaxParts')).toBe('2');
      numbers.push(...xmlFields(res.text, 'PartNumber'));
      if (xmlField(res.text, 'IsTruncated') !== 'true') break;
      marker = xmlField(res.text, 'NextPartNumberMarker') ?? '';
    }
    expect(numbers).toEqual(['1', '2', '3', '5', '8']);
    const after3 = await sendSigned(c, { method: 'GET', key, query: [['uploadId', id], ['part-number-marker', '3']] });
    expect(xmlFields(after3.text, 'PartNumber')).toEqual(['5', '8']);
    expect(xmlField(after3.text, 'HashCrc64ecma')).toMatch(/^\d+$/);
    expect(xmlField(after3.text, 'StorageClass')).toBe('Standard');
  });

  it('ListObjectsV2 browses with prefix, delimiter, max-keys and continuation-token; ListObjects with marker', async () => {
    for (const key of ['docs/a.txt', 'docs/b.txt', 'docs/sub/c.txt', 'readme.md', 'z.txt']) {
      expect((await sendSigned(c, { method: 'PUT', key, body: key })).status).toBe(200);
    }
    const keys: string[] = [];
    const prefixes: string[] = [];
    let token: string | undefined;
    for (;;) {
      const query: Array<[string, string]> = [['list-type', '2'], ['delimiter', '/'], ['max-keys', '1']];
      if (token !== undefined) query.push(['continuation-token', token]);
      const res = await sendSigned(c, { method: 'GET', query });
      expect(res.status).toBe(200);
      keys.push(...xmlFields(res.text, 'Key'));
      prefixes.push(...[...res.text.matchAll(/<CommonPrefixes><Prefix>(.*?)<\/Prefix>/g)].map((m) => m[1] ?? ''));
      if (xmlField(res.text, 'IsTruncated') !== 'true') break;
      token = xmlField(res.text, 'NextContinuationToken');
    }
    expect(prefixes).toEqual(['docs/']);
    expect(keys).toEqual(['readme.md', 'z.txt']);

    const inDocs = await sendSigned(c, { method: 'GET', query: [['list-type', '2'], ['prefix', 'docs/'], ['start-after', 'docs/a.txt']] });
    expect(xmlFields(inDocs.text, 'Key')).toEqual(['docs/b.txt', 'docs/sub/c.txt']);
    expect(xmlField(inDocs.text, 'KeyCount')).toBe('2');

    const v1 = await sendSigned(c, { method: 'GET', query: [['marker', 'docs/sub/c.txt'], ['max-keys', '1']] });
    expect(xmlFields(v1.text, 'Key')).toEqual(['readme.md']);
    expect(xmlField(v1.text, 'NextMarker')).toBe('readme.md');
  });
});
