// TEST-ONLY: an emulator plus the product's OSS client pointed at it, and quick ways to fill it with incomplete
// uploads, for the incomplete-upload manager's integration tests.
import { startTestEmulator, TEST_CREDENTIALS, type TestEmulator } from '../../emulator/emulator-test-client';
import type { EmulatorCredential } from '../../emulator/emulator-types';
import { staticCredentials, type Credentials } from '../../oss/credentials';
import { OssClient } from '../../oss/oss-client';
import { request } from 'undici';
import { runPool } from '../run-pool';

/** The bucket every fixture emulator serves. */
export const TEST_BUCKET = 'test-bucket';

/** A second key the emulator accepts but whose ListMultipartUploads is denied (RAM policy without that action). */
export const NO_LIST_CREDENTIALS: Credentials = { accessKeyId: 'no-list-ak', accessKeySecret: 'no-list-secret' };

/** A running emulator and a client for it. */
export interface IncompleteFixture {
  readonly t: TestEmulator;
  readonly client: OssClient;
  /** A client signed with NO_LIST_CREDENTIALS. */
  makeClient(credentials?: Credentials): OssClient;
  dispose(): Promise<void>;
}

/** Starts an emulator (bucket `test-bucket`) that also knows NO_LIST_CREDENTIALS, and a V4 client for it. */
export async function startIncompleteFixture(): Promise<IncompleteFixture> {
  const denied: EmulatorCredential = { ...NO_LIST_CREDENTIALS, denyListUploads: true };
  const t = await startTestEmulator({ credentials: [TEST_CREDENTIALS, denied] });
  const clients: OssClient[] = [];
  const makeClient = (credentials: Credentials = TEST_CREDENTIALS): OssClient => {
    const client = new OssClient({
      endpoint: t.emulator.url,
      region: 'cn-hangzhou',
      signatureVersion: 'v4',
      credentials: staticCredentials(credentials),
      connectionsPerOrigin: 16,
    });
    clients.push(client);
    return client;
  };
  const client = makeClient();
  return {
    t,
    client,
    makeClient,
    dispose: async () => {
      // allSettled: a command under test may have closed its client already.
      await Promise.allSettled(clients.map((c) => c.close()));
      await t.dispose();
    },
  };
}

/** Initiates one upload per key (16 at once); returns the upload ids in the order of `keys`. */
export async function initiateMany(client: OssClient, keys: readonly string[]): Promise<string[]> {
  const ids: string[] = new Array<string>(keys.length);
  await runPool(keys, 16, async (key, index) => {
    ids[index] = (await client.initiateMultipartUpload({ bucket: TEST_BUCKET, key })).uploadId;
  });
  return ids;
}

/** POSTs JSON to an emulator admin route (`/__emulator/...`), authorized by the first access key id. */
async function adminPost(f: IncompleteFixture, path: string, body: unknown): Promise<void> {
  const res = await request(`${f.t.emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'x-emulator-admin': TEST_CREDENTIALS.accessKeyId, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode !== 204) throw new Error(`admin ${path} answered ${res.statusCode}: ${text}`);
}

/** Back-dates an upload's Initiated time through the admin route. */
export function setInitiated(f: IncompleteFixture, uploadId: string, initiatedMs: number): Promise<void> {
  return adminPost(f, 'uploads/initiated', { bucket: TEST_BUCKET, uploadId, initiated: initiatedMs });
}

/** Makes the next `count` requests of `operation` on keys starting with `keyPrefix` fail (admin route). */
export function failNext(f: IncompleteFixture, rule: { operation: string; code: string; status: number; keyPrefix?: string; count?: number }): Promise<void> {
  return adminPost(f, 'fail-next', { count: 1, ...rule });
}
