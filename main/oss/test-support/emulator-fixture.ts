// Starts the project's emulator in a temporary directory and builds OssClients for it, for the client's integration
// tests. Everything it creates is removed by `close()`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/emulator-server';
import type { EmulatorCredential, RunningEmulator } from '../../emulator/emulator-types';
import { staticCredentials, type CredentialProvider } from '../credentials';
import { OssClient, type OssClientConfig } from '../oss-client';

/** The AccessKey every fixture emulator accepts. */
export const TEST_ACCESS_KEY_ID = 'LTAItestKeyId0001';
/** Its secret (a test value; never a real credential). */
export const TEST_ACCESS_KEY_SECRET = 'test-secret-do-not-use-0001';
/** The bucket every fixture emulator serves. */
export const TEST_BUCKET = 'client-test-bucket';
/** A second bucket, for tests that need a clean listing. */
export const TEST_BUCKET_2 = 'client-test-bucket-2';

/** A running emulator plus a factory for clients pointed at it. */
export interface EmulatorFixture {
  readonly emulator: RunningEmulator;
  /** A client with the fixture's credentials; `overrides` replace any config field. */
  client(overrides?: Partial<OssClientConfig>): OssClient;
  close(): Promise<void>;
}

/** Starts an emulator with {@link TEST_BUCKET} and {@link TEST_BUCKET_2} and extra credentials if given. */
export async function startEmulatorFixture(
  options: { extraCredentials?: readonly EmulatorCredential[]; now?: () => number } = {},
): Promise<EmulatorFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oss-client-emulator-'));
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    buckets: [TEST_BUCKET, TEST_BUCKET_2],
    credentials: [{ accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET }, ...(options.extraCredentials ?? [])],
    now: options.now,
  });
  const clients: OssClient[] = [];
  const credentials: CredentialProvider = staticCredentials({ accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET });
  return {
    emulator,
    client: (overrides = {}) => {
      const client = new OssClient({ endpoint: emulator.url, region: 'cn-hangzhou', signatureVersion: 'v4', credentials, ...overrides });
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.close()));
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
