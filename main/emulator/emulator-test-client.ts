// TEST-ONLY: a tiny signed-request client for the emulator's own tests — plain undici requests signed with the
// project's signing functions, in either addressing style and either signature version. It is deliberately not the
// product's OSS client (main/oss/), so the emulator is tested independently of it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { request } from 'undici';
import type { Credentials } from '../oss/credentials';
import { presignV1, signV1Headers } from '../oss/signing/sign-v1';
import { presignV4, signV4Headers } from '../oss/signing/sign-v4';
import type { SignableRequest, SignatureVersion } from '../oss/signing/signable-request';
import { percentEncode } from '../oss/signing/uri-encode';
import { startEmulator } from './emulator-server';
import type { EmulatorOptions, RunningEmulator } from './emulator-types';

/** How test requests reach the emulator. */
export interface TestClientOptions {
  readonly baseUrl: string;
  readonly bucket: string;
  readonly credentials: Credentials;
  readonly version: SignatureVersion;
  readonly style: 'path' | 'virtual';
  readonly region?: string;
  /** Signing clock; default Date.now. */
  readonly now?: () => number;
}

/** One request. */
export interface TestRequest {
  readonly method: string;
  readonly key?: string;
  readonly query?: ReadonlyArray<readonly [string, string]>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string | Readable;
  /** Sent as Content-Length with a stream body. */
  readonly contentLength?: number;
}

/** A buffered response. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly text: string;
}

/** Host header a virtual-hosted request carries, as ali-oss builds it for an IP endpoint (§2). */
export function virtualHost(bucket: string): string {
  return `${bucket}.oss-cn-hangzhou.aliyuncs.com`;
}

function encodeQuery(query: ReadonlyArray<readonly [string, string]>): string {
  if (query.length === 0) return '';
  return `?${query.map(([n, v]) => (v === '' ? percentEncode(n, false) : `${percentEncode(n, false)}=${percentEncode(v, false)}`)).join('&')}`;
}

function urlAndHost(opts: TestClientOptions, key: string, query: ReadonlyArray<readonly [string, string]>): { url: string; host?: string } {
  const path = opts.style === 'path' ? `/${opts.bucket}/${percentEncode(key, true)}` : `/${percentEncode(key, true)}`;
  const url = `${opts.baseUrl}${path}${encodeQuery(query)}`;
  return opts.style === 'path' ? { url } : { url, host: virtualHost(opts.bucket) };
}

function signable(opts: TestClientOptions, req: TestRequest, headers: Record<string, string>): SignableRequest {
  return { method: req.method, bucket: opts.bucket, key: req.key ?? '', query: req.query ?? [], headers };
}

/** Sends a request signed in the Authorization header. */
export async function sendSigned(opts: TestClientOptions, req: TestRequest): Promise<TestResponse> {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (req.contentLength !== undefined) headers['content-length'] = String(req.contentLength);
  const nowMs = (opts.now ?? Date.now)();
  const added =
    opts.version === 'v1'
      ? signV1Headers(signable(opts, req, headers), opts.credentials, nowMs)
      : signV4Headers(signable(opts, req, headers), opts.credentials, { nowMs, region: opts.region ?? 'cn-hangzhou' });
  return sendRaw(opts, req, { ...headers, ...added });
}

/** Sends a request with exactly these headers (no signing), e.g. to tamper with a signed one. */
export async function sendRaw(opts: TestClientOptions, req: TestRequest, headers: Record<string, string>): Promise<TestResponse> {
  const { url, host } = urlAndHost(opts, req.key ?? '', req.query ?? []);
  return send(url, req.method, host === undefined ? headers : { ...headers, host }, req.body);
}

/** A presigned URL (plus the Host header to send with it in virtual-hosted style). */
export function presign(opts: TestClientOptions, req: TestRequest, expiresSeconds: number): { url: string; host?: string } {
  const nowMs = (opts.now ?? Date.now)();
  const base = signable(opts, req, { ...(req.headers ?? {}) });
  const params =
    opts.version === 'v1'
      ? presignV1(base, opts.credentials, Math.floor(nowMs / 1000) + expiresSeconds)
      : presignV4(base, opts.credentials, { nowMs, region: opts.region ?? 'cn-hangzhou', expiresSeconds });
  return urlAndHost(opts, req.key ?? '', [...(req.query ?? []), ...params]);
}

/** Sends a plain HTTP request and buffers the answer. */
export async function send(url: string, method: string, headers: Record<string, string>, body?: Buffer | string | Readable): Promise<TestResponse> {
  const res = await request(url, { method: method as 'GET', headers, body });
  const buffer = Buffer.from(await res.body.arrayBuffer());
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return { status: res.statusCode, headers: flat, body: buffer, text: buffer.toString('utf8') };
}

/** The text of `<name>` in an XML document (first occurrence), or undefined. */
export function xmlField(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m?.[1];
}

/** Every text of `<name>` in an XML document, in order. */
export function xmlFields(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1] ?? '');
}

/** A started emulator in a fresh temp dir, and how to remove both. */
export interface TestEmulator {
  readonly emulator: RunningEmulator;
  readonly dataDir: string;
  readonly credentials: Credentials;
  client(overrides?: Partial<TestClientOptions>): TestClientOptions;
  /** Stops the emulator (keeping the data dir, for restart tests). */
  stop(): Promise<void>;
  /** Stops it and deletes the data dir. */
  dispose(): Promise<void>;
}

/** The credentials every test emulator accepts first. */
export const TEST_CREDENTIALS: Credentials = { accessKeyId: 'test-ak', accessKeySecret: 'test-secret' };

/** Starts an emulator for a test: bucket `test-bucket`, key `test-ak`/`test-secret`, free port. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}, dataDir?: string): Promise<TestEmulator> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'oss-emulator-test-')));
  const emulator = await startEmulator({
    port: 0,
    dataDir: dir,
    buckets: ['test-bucket'],
    credentials: [TEST_CREDENTIALS],
    ...options,
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await emulator.close();
  };
  return {
    emulator,
    dataDir: dir,
    credentials: TEST_CREDENTIALS,
    client: (overrides = {}) => ({
      baseUrl: emulator.url,
      bucket: 'test-bucket',
      credentials: TEST_CREDENTIALS,
      version: 'v1',
      style: 'path',
      ...overrides,
    }),
    stop,
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Initiates an upload and returns its id (throws on failure). */
export async function initiateUpload(opts: TestClientOptions, key: string): Promise<string> {
  const res = await sendSigned(opts, { method: 'POST', key, query: [['uploads', '']] });
  const uploadId = xmlField(res.text, 'UploadId');
  if (res.status !== 200 || uploadId === undefined) throw new Error(`Initiate failed: ${res.status} ${res.text}`);
  return uploadId;
}

/** Uploads one part. */
export function putPart(opts: TestClientOptions, key: string, uploadId: string, partNumber: number, body: Buffer, headers: Record<string, string> = {}): Promise<TestResponse> {
  return sendSigned(opts, {
    method: 'PUT',
    key,
    query: [
      ['partNumber', String(partNumber)],
      ['uploadId', uploadId],
    ],
    headers,
    body,
  });
}

/** The CompleteMultipartUpload body for these parts. */
export function completeBody(parts: ReadonlyArray<readonly [number, string]>): string {
  const items = parts.map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload>${items}</CompleteMultipartUpload>`;
}

/** Sends CompleteMultipartUpload. */
export function completeUpload(opts: TestClientOptions, key: string, uploadId: string, body: string, headers: Record<string, string> = {}): Promise<TestResponse> {
  return sendSigned(opts, { method: 'POST', key, query: [['uploadId', uploadId]], headers: { 'content-type': 'application/xml', ...headers }, body });
}
