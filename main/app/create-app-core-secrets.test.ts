import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/ipc/result';
import { filesContaining } from '../accounts/test-support/secret-scan';
import { PLAINTEXT_SECRETS_FILE_NAME, PlaintextFileSecretStore } from '../accounts/plaintext-file-secret-store';
import { startEmulator } from '../emulator/emulator-server';
import type { RunningEmulator } from '../emulator/emulator-types';
import type { AppCore } from './app-core-types';
import { createAppCore } from './create-app-core';
import { createLogFile, type LogFile } from './log-file';
import { RecordingDesktop, removeDir } from './test-support/core-fixture';

const KEY_ID = 'STS.NUgYrLnoC37mZZCNnAbez2Ehg';
const SECRET = 'Sts9Secret8Value7Do6Not5Use4Xy';
const TOKEN = 'CAISsecurityTokenValue0123456789abcdefDoNotUseAnywhere';
const BUCKET = 'sts-bucket';

let dataDir: string;
let emulatorDir: string;
let filesDir: string;
let emulator: RunningEmulator;
let core: AppCore<string>;
let log: LogFile;
const desktop = new RecordingDesktop();
const events: unknown[] = [];
const answers: Result<unknown>[] = [];

async function call(name: string, args: unknown): Promise<Result<unknown>> {
  const result = await core.dispatcher.dispatch('trusted', name, args);
  answers.push(result);
  return result;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'app-core-secrets-'));
  emulatorDir = await mkdtemp(join(tmpdir(), 'app-core-secrets-emulator-'));
  filesDir = await mkdtemp(join(tmpdir(), 'app-core-secrets-files-'));
  emulator = await startEmulator({
    port: 0,
    dataDir: emulatorDir,
    buckets: [BUCKET],
    credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN }],
  });
  log = createLogFile({ path: join(dataDir, 'logs', 'app.log'), maxBytes: 1_000_000, secrets: () => core.knownSecrets() });
  core = await createAppCore<string>({
    dataDir,
    secretStore: await PlaintextFileSecretStore.open({ dataDir }),
    desktop,
    log,
    // A sender check that fails with the secret in its message: the dispatcher logs the failure, redacted.
    isTrustedSender: (sender) => {
      if (sender === 'explode') throw new Error(`bad sender near ${SECRET} and ${TOKEN}`);
      return sender === 'trusted';
    },
    embeddedEmulator: false,
  });
  core.events.addTarget((_channel, envelope) => events.push(envelope));
});

afterAll(async () => {
  await core.shutdown();
  await emulator.close();
  for (const dir of [dataDir, emulatorDir, filesDir]) await removeDir(dir);
});

describe('secrets stay in the secret store', () => {
  it('never reach an answer, an event, a log line or another file', async () => {
    const added = await call('accounts.add', {
      name: 'STS account',
      endpoint: emulator.url,
      region: 'cn-hangzhou',
      buckets: [BUCKET],
      signatureVersion: 'v4',
      addressing: 'path-style',
      accessKeyId: KEY_ID,
      accessKeySecret: SECRET,
      securityToken: TOKEN,
    });
    if (!added.ok) expect.fail(JSON.stringify(added.error));
    const accountId = (added.value as { id: string }).id;
    expect((await call('accounts.test', { accountId })).ok).toBe(true);

    const file = join(filesDir, 'upload.bin');
    await writeFile(file, Buffer.alloc(250 * 1024, 7));
    core.pathGrants.grant([file]);
    expect((await call('settings.update', { partSizeBytes: 100 * 1024 })).ok).toBe(true);
    const addedJobs = await call('uploads.addPaths', { paths: [file], destination: { accountId, bucket: BUCKET, prefix: 'p/' } });
    expect(addedJobs.ok).toBe(true);
    for (let i = 0; i < 400; i += 1) {
      const listed = await call('uploads.list', undefined);
      if (listed.ok && (listed.value as { status: string }[]).every((j) => j.status === 'completed')) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const jobs = await call('uploads.list', undefined);
    expect(jobs.ok && (jobs.value as { status: string }[]).map((j) => j.status)).toEqual(['completed']);
    const jobId = jobs.ok ? (jobs.value as { id: string }[])[0]?.id : undefined;

    // A presigned link of an STS account carries the token: the clipboard gets it, the answer does not.
    const link = await call('desktop.copyLink', { jobId, expiresSeconds: 300 });
    expect(link.ok).toBe(true);
    expect(desktop.copied[0]).toContain('security-token');
    expect((await fetch(desktop.copied[0] ?? '')).status).toBe(200);

    expect((await core.dispatcher.dispatch('explode', 'uploads.list', undefined)).ok).toBe(false);
    expect((await call('accounts.list', undefined)).ok).toBe(true);
    await core.shutdown(); // sends the engine's last change batch; afterAll's second call does nothing
    await log.flush();

    const logText = await readFile(log.path, 'utf8');
    expect(logText).toContain('Sender check failed');
    for (const secret of [SECRET, TOKEN]) {
      expect(JSON.stringify(answers)).not.toContain(secret);
      expect(JSON.stringify(events)).not.toContain(secret);
      expect(logText).not.toContain(secret);
      expect(await filesContaining(dataDir, secret)).toEqual([join(dataDir, PLAINTEXT_SECRETS_FILE_NAME)]);
    }
    expect(events.length).toBeGreaterThan(0);
  });
});
