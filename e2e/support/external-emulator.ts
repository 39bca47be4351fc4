// An OSS emulator the specs start in their own process (not the harness's embedded one), so they know its
// credentials, can turn its faults on (main/emulator/admin/admin-routes.ts) and can read back what the app stored.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { startEmulator } from '../../main/emulator/emulator-server';
import type { EmulatorCredential, FailNextRule, FaultOptions, RunningEmulator } from '../../main/emulator/emulator-types';
import { staticCredentials } from '../../main/oss/credentials';
import { listAllMultipartUploads } from '../../main/oss/list-iterators';
import { OssClient } from '../../main/oss/oss-client';
import type { UploadInfo } from '../../main/oss/oss-types';
import type { AccountDraft } from '../../shared/models/account';

/** The bucket every external emulator serves. */
export const E2E_BUCKET = 'e2e-bucket';
/** The region it signs V4 scopes with. */
export const E2E_REGION = 'cn-hangzhou';
/**
 * The key pair it accepts. The secret is distinctive so that finding it in a page payload, the DOM or a log cannot be
 * a coincidence (issue 5 "Secrets").
 */
export const E2E_CREDENTIALS: EmulatorCredential = {
  accessKeyId: 'LTAIe2eTestKeyId0001',
  accessKeySecret: 'e2e-SECRET-must-never-reach-the-page-4f9c1d',
};

/** How a stored object compares with a local file (SHA-256 over both streams, and their lengths). */
export interface ObjectComparison {
  readonly equal: boolean;
  readonly objectBytes: number;
  readonly fileBytes: number;
  readonly objectSha256: string;
  readonly fileSha256: string;
}

/** A running external emulator with a client for checking what the app did. */
export interface ExternalEmulator {
  readonly url: string;
  readonly bucket: string;
  readonly running: RunningEmulator;
  /** A V4 path-style client with E2E_CREDENTIALS. */
  readonly client: OssClient;
  /** The account form's values for this emulator. */
  accountDraft(name: string): AccountDraft;
  /** Calls an admin route (`/__emulator/<route>`) over HTTP, as another process would. */
  admin(method: 'GET' | 'PUT' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<unknown>;
  setFaults(update: Partial<FaultOptions>): Promise<unknown>;
  failNext(rule: FailNextRule): Promise<unknown>;
  /** Back-dates an upload's Initiated time through `POST /__emulator/uploads/initiated`. */
  setUploadInitiated(uploadId: string, initiatedMs: number): Promise<void>;
  /** Every incomplete upload under `prefix` (all pages of ListMultipartUploads). */
  listUploads(prefix?: string): Promise<UploadInfo[]>;
  /** Compares object `key` with the file at `file`, streaming both (files of hundreds of MiB). */
  compareWithFile(key: string, file: string): Promise<ObjectComparison>;
  dispose(): Promise<void>;
}

async function digest(stream: Readable): Promise<{ readonly bytes: number; readonly sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = chunk instanceof Buffer ? chunk : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    hash.update(buffer);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Starts an emulator on 127.0.0.1 with its data in a fresh temporary folder. */
export async function startExternalEmulator(): Promise<ExternalEmulator> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-emulator-'));
  const running = await startEmulator({ port: 0, dataDir, buckets: [E2E_BUCKET], credentials: [E2E_CREDENTIALS], region: E2E_REGION });
  const client = new OssClient({
    endpoint: running.url,
    region: E2E_REGION,
    addressing: 'path-style',
    signatureVersion: 'v4',
    credentials: staticCredentials({ accessKeyId: E2E_CREDENTIALS.accessKeyId, accessKeySecret: E2E_CREDENTIALS.accessKeySecret }),
  });

  const admin = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${running.url}/__emulator/${route}`, {
      method,
      headers: { 'x-emulator-admin': E2E_CREDENTIALS.accessKeyId, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Admin ${method} ${route} answered ${response.status}: ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  };

  return {
    url: running.url,
    bucket: E2E_BUCKET,
    running,
    client,
    accountDraft: (name) => ({
      name,
      endpoint: running.url,
      region: E2E_REGION,
      buckets: [E2E_BUCKET],
      signatureVersion: 'v4',
      addressing: 'path-style',
      accessKeyId: E2E_CREDENTIALS.accessKeyId,
      accessKeySecret: E2E_CREDENTIALS.accessKeySecret,
    }),
    admin,
    setFaults: (update) => admin('PUT', 'faults', update),
    failNext: (rule) => admin('POST', 'fail-next', rule),
    async setUploadInitiated(uploadId, initiatedMs) {
      await admin('POST', 'uploads/initiated', { bucket: E2E_BUCKET, uploadId, initiated: initiatedMs });
    },
    async listUploads(prefix = '') {
      const uploads: UploadInfo[] = [];
      for await (const page of listAllMultipartUploads(client, { bucket: E2E_BUCKET, prefix })) uploads.push(...page.uploads);
      return uploads;
    },
    async compareWithFile(key, file) {
      const object = await client.getObject({ bucket: E2E_BUCKET, key });
      const [remote, local] = await Promise.all([digest(object.body), digest(createReadStream(file))]);
      return {
        equal: remote.bytes === local.bytes && remote.sha256 === local.sha256,
        objectBytes: remote.bytes,
        fileBytes: local.bytes,
        objectSha256: remote.sha256,
        fileSha256: local.sha256,
      };
    },
    async dispose() {
      await client.close();
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
