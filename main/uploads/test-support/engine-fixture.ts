// TEST-ONLY: a world for engine tests: the project's OSS emulator on 127.0.0.1 with its data in a temp dir, the
// product's OSS client pointed at it, a state directory, a directory for source files, and engines that are shut
// down (and clients closed) when the world is disposed.
import { join } from 'node:path';
import { startEmulator } from '../../emulator/emulator-server';
import type { EmulatorCredential, EmulatorOptions, RunningEmulator } from '../../emulator/emulator-types';
import { staticCredentials, type CredentialProvider, type Credentials } from '../../oss/credentials';
import { listAllMultipartUploads } from '../../oss/list-iterators';
import { OssClient } from '../../oss/oss-client';
import type { UploadInfo } from '../../oss/oss-types';
import type { SignatureVersion } from '../../oss/signing/signable-request';
import type { EngineSettingsUpdate } from '../engine-settings';
import { UploadEngine, type UploadEngineOptions } from '../upload-engine';
import { makeTempDir, writeSeededFile } from './seeded-files';

/** The bucket every fixture emulator serves. */
export const TEST_BUCKET = 'engine-bucket';
/** The account id engines use in tests. */
export const TEST_ACCOUNT = 'local';
/** The key pair the emulator accepts. */
export const TEST_CREDENTIALS: Credentials = { accessKeyId: 'engine-ak', accessKeySecret: 'engine-secret' };
/** Backoff for tests: the shape (full jitter, 8 attempts) on a millisecond scale. */
export const FAST_RETRY = { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 40 } as const;
/** Smallest part OSS allows: many parts from small files. */
export const SMALL_PART = 100 * 1024;

/** Options of a client made by the fixture. */
export interface FixtureClientOptions {
  readonly credentials?: CredentialProvider;
  readonly signatureVersion?: SignatureVersion;
  readonly dispatcher?: ConstructorParameters<typeof OssClient>[0]['dispatcher'];
  /** Another endpoint in front of the emulator (a proxy). */
  readonly endpoint?: string;
}

/** A running test world. */
export interface EngineFixture {
  readonly emulator: RunningEmulator;
  readonly filesDir: string;
  readonly stateDir: string;
  /** A V4 client with TEST_CREDENTIALS, for checking what the engine did. */
  readonly client: OssClient;
  makeClient(options?: FixtureClientOptions): OssClient;
  /** An engine on `stateDir` whose every account resolves to `client` (default: fixture.client). */
  engine(options?: Partial<UploadEngineOptions> & { readonly client?: OssClient }): UploadEngine;
  /** Writes a seeded file under filesDir; returns its path. */
  file(name: string, size: number, seed: number): Promise<string>;
  /** Every incomplete upload in the bucket (all pages). */
  listUploads(prefix?: string): Promise<UploadInfo[]>;
  dispose(): Promise<void>;
}

/** Default settings for engines in tests: small parts, fast backoff. */
export const TEST_SETTINGS: EngineSettingsUpdate = { partSizeBytes: SMALL_PART, retry: FAST_RETRY };

/** Starts the emulator (bucket TEST_BUCKET) in a temp dir. */
export async function startEngineFixture(
  options: { readonly emulator?: Partial<EmulatorOptions>; readonly extraCredentials?: readonly EmulatorCredential[] } = {},
): Promise<EngineFixture> {
  const temp = await makeTempDir('engine-test-');
  const emulator = await startEmulator({
    port: 0,
    dataDir: join(temp.path, 'emulator'),
    buckets: [TEST_BUCKET],
    credentials: [TEST_CREDENTIALS, ...(options.extraCredentials ?? [])],
    ...options.emulator,
  });
  const clients: OssClient[] = [];
  const engines: UploadEngine[] = [];
  const makeClient = (clientOptions: FixtureClientOptions = {}): OssClient => {
    const client = new OssClient({
      endpoint: clientOptions.endpoint ?? emulator.url,
      region: 'cn-hangzhou',
      addressing: 'path-style',
      signatureVersion: clientOptions.signatureVersion ?? 'v4',
      credentials: clientOptions.credentials ?? staticCredentials(TEST_CREDENTIALS),
      dispatcher: clientOptions.dispatcher,
    });
    clients.push(client);
    return client;
  };
  const client = makeClient();
  const stateDir = join(temp.path, 'state');
  const filesDir = join(temp.path, 'files');
  return {
    emulator,
    filesDir,
    stateDir,
    client,
    makeClient,
    engine: (engineOptions = {}) => {
      const engineClient = engineOptions.client ?? client;
      const engine = new UploadEngine({
        stateDir,
        clients: () => engineClient,
        settings: TEST_SETTINGS,
        ...engineOptions,
      });
      engines.push(engine);
      return engine;
    },
    file: async (name, size, seed) => {
      const path = join(filesDir, name);
      await writeSeededFile(path, size, seed);
      return path;
    },
    listUploads: async (prefix) => {
      const uploads: UploadInfo[] = [];
      for await (const page of listAllMultipartUploads(client, { bucket: TEST_BUCKET, prefix })) uploads.push(...page.uploads);
      return uploads;
    },
    dispose: async () => {
      await Promise.allSettled(engines.map((engine) => engine.shutdown()));
      await Promise.allSettled(clients.map((c) => c.close()));
      await emulator.close();
      await temp.remove();
    },
  };
}
