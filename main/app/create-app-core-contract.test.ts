import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type HandlerMap } from '../../shared/ipc/contract';
import { COMMAND_SCHEMAS } from '../../shared/ipc/schemas';
import type { Result } from '../../shared/ipc/result';
import { createHandlers } from '../ipc/handlers/create-handlers';
import type { HandlerDeps } from '../ipc/handlers/handler-deps';
import { HELP_URLS } from './help-urls';
import { emulatorRequestCount, removeDir, startCore, type CoreFixture } from './test-support/core-fixture';

let dataDir: string;
let filesDir: string;
let fixture: CoreFixture;
let accountId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'app-core-contract-'));
  filesDir = await mkdtemp(join(tmpdir(), 'app-core-contract-files-'));
  await writeFile(join(filesDir, 'picked.txt'), 'picked');
  await mkdir(join(filesDir, 'other'));
  await writeFile(join(filesDir, 'other', 'secret.txt'), 'not picked');
  fixture = await startCore(dataDir);
  const [account] = await fixture.ok('accounts.list', undefined);
  accountId = account?.id ?? '';
});

afterAll(async () => {
  await fixture.core.shutdown();
  await removeDir(dataDir);
  await removeDir(filesDir);
});

function expectError(result: Result<unknown>, code: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(code);
}

describe('contract completeness at run time', () => {
  it('has a handler and a schema for every command, and nothing else', () => {
    // The handlers are only inspected, never called: the deps are never touched.
    const handlers: HandlerMap = createHandlers({} as HandlerDeps);
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) {
      expect(typeof handlers[name], name).toBe('function');
      expect(COMMAND_SCHEMAS[name], name).toBeDefined();
    }
  });

  it('maps every help topic to a fixed https page of Alibaba Cloud', () => {
    for (const url of Object.values(HELP_URLS)) expect(url).toMatch(/^https:\/\/(www\.alibabacloud\.com|help\.aliyun\.com)\//);
  });
});

describe('bad arguments are refused and nothing happens', () => {
  const destination = (): { accountId: string; bucket: string; prefix: string } => ({ accountId, bucket: 'local', prefix: 'in/' });

  it('refuses wrong types, extra fields, ungranted paths and huge strings before any work', async () => {
    const requestsBefore = await emulatorRequestCount(dataDir, fixture.core.emulatorUrl ?? '');
    const journalBefore = await readdir(join(dataDir, 'jobs')).catch(() => []);
    fixture.core.pathGrants.grant([join(filesDir, 'picked.txt')]);

    const { call } = fixture;
    const anyCall = (name: string, args: unknown): Promise<Result<unknown>> => fixture.core.dispatcher.dispatch('trusted', name, args);
    expectError(await anyCall('uploads.addPaths', { paths: 'not-an-array', destination: destination() }), 'ValidationFailed');
    expectError(await anyCall('uploads.addPaths', { paths: [join(filesDir, 'picked.txt')], destination: destination(), extra: 1 }), 'ValidationFailed');
    expectError(await anyCall('uploads.addPaths', { paths: [join(filesDir, 'picked.txt')], destination: { ...destination(), bucket: 7 } }), 'ValidationFailed');
    expectError(await call('uploads.addPaths', { paths: [join(filesDir, 'other', 'secret.txt')], destination: destination() }), 'PathNotAllowed');
    expectError(await call('uploads.addPaths', { paths: [join(filesDir, 'picked.txt', '..', 'other', 'secret.txt')], destination: destination() }), 'PathNotAllowed');
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expectError(await anyCall('uploads.addPaths', { paths: [huge], destination: destination() }), 'ValidationFailed');
    expectError(await anyCall('accounts.add', { name: huge }), 'ValidationFailed');
    expectError(await anyCall('incomplete.browse', { accountId, bucket: 'local', prefix: huge }), 'ValidationFailed');
    expectError(await anyCall('incomplete.resumeFromServer', { accountId, bucket: 'local', key: 'k', uploadId: 'u', operationId: 'op', localPath: join(filesDir, 'other', 'secret.txt') }), 'PathNotAllowed');
    expectError(await anyCall('settings.update', { maxRequests: 'many' }), 'ValidationFailed');
    expectError(await anyCall('desktop.openHelp', { topic: 'https://evil.example' }), 'ValidationFailed');
    expectError(await anyCall('uploads.list', { unexpected: true }), 'ValidationFailed');
    expectError(await anyCall('no.such', undefined), 'UnknownCommand');
    expectError(await fixture.core.dispatcher.dispatch('evil', 'uploads.list', undefined), 'Forbidden');
    // A granted path to a bucket the account does not have is refused by the handler, still before any request.
    expectError(await call('uploads.addPaths', { paths: [join(filesDir, 'picked.txt')], destination: { ...destination(), bucket: 'elsewhere' } }), 'BucketNotInAccount');

    expect(await fixture.ok('uploads.list', undefined)).toEqual([]);
    expect(await readdir(join(dataDir, 'jobs')).catch(() => [])).toEqual(journalBefore);
    expect(await emulatorRequestCount(dataDir, fixture.core.emulatorUrl ?? '')).toBe(requestsBefore);
    expect(fixture.desktop.opened).toEqual([]);
    expect(fixture.events.filter((e) => e.name === 'uploads.changed')).toEqual([]);
  });

  it('grants what a dialog returns and only existing absolute dropped paths', async () => {
    fixture.desktop.pickAnswers.push([join(filesDir, 'other')]);
    expect(await fixture.ok('desktop.pickFolder', undefined)).toEqual({ paths: [join(filesDir, 'other')] });
    expect(fixture.core.pathGrants.isGranted(join(filesDir, 'other', 'secret.txt'))).toBe(true);
    const dropped = await fixture.ok('desktop.grantDroppedPaths', { paths: [join(filesDir, 'picked.txt'), join(filesDir, 'missing.txt'), 'relative.txt'] });
    expect(dropped.paths).toEqual([join(filesDir, 'picked.txt')]);
    expect(fixture.core.pathGrants.isGranted(join(filesDir, 'missing.txt'))).toBe(false);
  });

  it('opens help pages from its own table only', async () => {
    await fixture.ok('desktop.openHelp', { topic: 'clockSync' });
    expect(fixture.desktop.opened).toEqual([HELP_URLS.clockSync]);
  });
});
