// The multipart signing fixtures of oss-protocol.md §5 [derived]: every multipart request the client sends, signed
// with V1 and V4 at one fixed time, plus the published intermediates.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../credentials';
import { buildV1StringToSign, signV1Headers } from './sign-v1';
import { signV4Headers } from './sign-v4';
import type { SignableRequest } from './signable-request';
import { buildV4CanonicalQuery, buildV4CanonicalRequest } from './v4-canonical-request';

const CREDS: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const NOW_MS = 1_672_223_261_000; // Wed, 28 Dec 2022 10:27:41 GMT = 20221228T102741Z
const DATE_GMT = 'Wed, 28 Dec 2022 10:27:41 GMT';
const BUCKET = 'examplebucket';
const KEY = 'dir/big file+1.bin';
const UPLOAD_ID = '0004B9895DBBB6EC98E36A4B5A7B8C9D';
const PART_BODY = 'upload part 1';
const COMPLETE_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload>\n<Part>\n<PartNumber>1</PartNumber>\n<ETag>"7265F4D211B56873A381D321F586E4A9"</ETag>\n</Part>\n</CompleteMultipartUpload>';
const V4_PREFIX = 'OSS4-HMAC-SHA256 Credential=ak/20221228/cn-hangzhou/oss/aliyun_v4_request,Signature=';

interface Fixture {
  readonly op: string;
  readonly req: SignableRequest;
  readonly v1: string;
  readonly v4Signature: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    op: 'Initiate',
    req: {
      method: 'POST',
      bucket: BUCKET,
      key: KEY,
      query: [
        ['uploads', ''],
        ['encoding-type', 'url'],
      ],
      headers: { 'Content-Type': 'application/octet-stream', 'x-oss-storage-class': 'Standard', 'x-oss-forbid-overwrite': 'true' },
    },
    v1: 'OSS ak:lt6hoH/xfERZYtcVPkRg7uX/4Io=',
    v4Signature: 'c9460f14a1c813b584ae6153b3e45a29136fa4709e73f983ccbbde159ea54300',
  },
  {
    op: 'UploadPart',
    req: {
      method: 'PUT',
      bucket: BUCKET,
      key: KEY,
      query: [
        ['partNumber', '1'],
        ['uploadId', UPLOAD_ID],
      ],
      headers: { 'Content-MD5': 'vOjz1IJHxdVVu1aXvyd7NQ==' },
    },
    v1: 'OSS ak:90OxRRbUHIZOoXOlwW3u4213PtM=',
    v4Signature: '4625a67e36fc9cb423421736fa82e8543c37bdc4d522867d1bae1f87bb99204b',
  },
  {
    op: 'Complete',
    req: {
      method: 'POST',
      bucket: BUCKET,
      key: KEY,
      query: [
        ['uploadId', UPLOAD_ID],
        ['encoding-type', 'url'],
      ],
      headers: { 'Content-Type': 'application/xml', 'Content-MD5': 'fwKIDn0JvIXEWwsjDHSgFg==' },
    },
    v1: 'OSS ak:dA1f4VjiG1lLDMK98ekI9IJ8bHA=',
    v4Signature: '41509af3cb558c9246147c8b911d38b8ab96d79cd8fc8cf81efa01a8c36c0487',
  },
  {
    op: 'ListParts',
    req: {
      method: 'GET',
      bucket: BUCKET,
      key: KEY,
      query: [
        ['uploadId', UPLOAD_ID],
        ['max-parts', '1000'],
        ['part-number-marker', '0'],
        ['encoding-type', 'url'],
      ],
      headers: {},
    },
    v1: 'OSS ak:mzP/bR4zU/zfyewqYfufmxb6h6o=',
    v4Signature: 'd3683ba5acc362d98ab7c0d6f4b985285a8c0dc223ebe7fe14731cdccc86342a',
  },
  {
    op: 'Abort',
    req: { method: 'DELETE', bucket: BUCKET, key: KEY, query: [['uploadId', UPLOAD_ID]], headers: {} },
    v1: 'OSS ak:GPwSyhQUxDckr88UV+9w8q0+om8=',
    v4Signature: '7aece6f4c451386caf8db0302208e9fe1846612b792b4a13b735cf5c7a1c4908',
  },
  {
    op: 'ListUploads',
    req: {
      method: 'GET',
      bucket: BUCKET,
      query: [
        ['uploads', ''],
        ['max-uploads', '1000'],
        ['key-marker', ''],
        ['upload-id-marker', ''],
        ['encoding-type', 'url'],
        ['prefix', 'dir/'],
      ],
      headers: {},
    },
    v1: 'OSS ak:GzuqwXwofEqBx6roeBU+rj3ePcg=',
    v4Signature: '06c1c1b3c0e6d2c5b1e05951b40b60e9eb10cb93c5e9c8ad17805c66450429be',
  },
];

describe('§5 multipart fixtures', () => {
  it.each(FIXTURES)('$op: V1 header auth', (f) => {
    expect(signV1Headers(f.req, CREDS, NOW_MS)).toEqual({ 'x-oss-date': DATE_GMT, authorization: f.v1 });
  });

  it.each(FIXTURES)('$op: V4 header auth', (f) => {
    expect(signV4Headers(f.req, CREDS, { nowMs: NOW_MS, region: 'cn-hangzhou' })).toEqual({
      'x-oss-date': '20221228T102741Z',
      'x-oss-content-sha256': 'UNSIGNED-PAYLOAD',
      authorization: `${V4_PREFIX}${f.v4Signature}`,
    });
  });

  it('the fixtures\' Content-MD5 values are the MD5 of the bodies they stand for', () => {
    const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('base64');
    expect(md5(PART_BODY)).toBe('vOjz1IJHxdVVu1aXvyd7NQ==');
    expect(Buffer.byteLength(COMPLETE_BODY)).toBe(181);
    expect(md5(COMPLETE_BODY)).toBe('fwKIDn0JvIXEWwsjDHSgFg==');
  });

  it('UploadPart V1 string to sign (raw key, sub-resources only)', () => {
    const part = FIXTURES[1];
    if (part === undefined) throw new Error('fixture table is short');
    const received: SignableRequest = { ...part.req, headers: { ...part.req.headers, 'x-oss-date': DATE_GMT } };
    expect(buildV1StringToSign(received, DATE_GMT)).toBe(
      `PUT\nvOjz1IJHxdVVu1aXvyd7NQ==\n\n${DATE_GMT}\nx-oss-date:${DATE_GMT}\n/examplebucket/dir/big file+1.bin?partNumber=1&uploadId=${UPLOAD_ID}`,
    );
  });

  it('UploadPart V4 canonical request (encoded key)', () => {
    const part = FIXTURES[1];
    if (part === undefined) throw new Error('fixture table is short');
    const added = signV4Headers(part.req, CREDS, { nowMs: NOW_MS, region: 'cn-hangzhou' });
    const received: SignableRequest = { ...part.req, headers: { ...part.req.headers, ...added } };
    expect(buildV4CanonicalRequest(received, [])).toBe(
      `PUT\n/examplebucket/dir/big%20file%2B1.bin\npartNumber=1&uploadId=${UPLOAD_ID}\ncontent-md5:vOjz1IJHxdVVu1aXvyd7NQ==\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20221228T102741Z\n\n\nUNSIGNED-PAYLOAD`,
    );
  });

  it('ListUploads V4 canonical query (every parameter, empty markers bare)', () => {
    const list = FIXTURES[5];
    if (list === undefined) throw new Error('fixture table is short');
    expect(buildV4CanonicalQuery(list.req.query)).toBe(
      'encoding-type=url&key-marker&max-uploads=1000&prefix=dir%2F&upload-id-marker&uploads',
    );
  });
});
