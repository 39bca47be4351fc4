import { describe, expect, it } from 'vitest';
import type { JobId } from '../models/job';
import { DEFAULT_SETTINGS } from './app-settings';
import { COMMAND_NAMES, type CommandArgs, type CommandName } from './contract';
import { MAX_PATHS_PER_COMMAND } from './schema-primitives';
import { COMMAND_SCHEMAS, settingsPatchSchema, settingsSchema } from './schemas';

const jobId = 'job_1-A' as JobId;
const destination = { accountId: 'acc-1', bucket: 'my-bucket', prefix: 'photos/' };
const upload = { accountId: 'acc-1', bucket: 'my-bucket', key: 'a/b.bin', uploadId: '0004B9894A22E5B1888A1E29F823ABCD' };
const draft = {
  name: 'Work',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  region: 'cn-hangzhou',
  buckets: ['my-bucket'],
  signatureVersion: 'v4',
  addressing: 'virtual-hosted',
  accessKeyId: 'LTAI5tExampleKeyId',
  accessKeySecret: 'very-secret-value',
} as const;

// One valid call per command. Typed by the contract, so a new command without an example here fails to compile.
const VALID_ARGS: { readonly [N in CommandName]: CommandArgs<N> } = {
  'uploads.addPaths': { paths: ['/home/u/a.bin', 'C:\\Users\\u\\b.bin'], destination },
  'uploads.pause': { jobId },
  'uploads.resume': { jobId },
  'uploads.retry': { jobId },
  'uploads.cancel': { jobId },
  'uploads.remove': { jobId, server: 'abort' },
  'uploads.pauseAll': undefined,
  'uploads.resumeAll': undefined,
  'uploads.clearFinished': undefined,
  'uploads.list': undefined,
  'uploads.getParts': { jobId },
  'incomplete.browse': { accountId: 'acc-1', bucket: 'my-bucket', prefix: '', delimiter: '/', cursor: { keyMarker: 'k', uploadIdMarker: 'U' }, pageSize: 1000 },
  'incomplete.stats': { accountId: 'acc-1', bucket: 'my-bucket', uploads: [{ key: 'k', uploadId: 'U1' }] },
  'incomplete.inspect': upload,
  'incomplete.abort': upload,
  'incomplete.bulkAbort': {
    accountId: 'acc-1',
    bucket: 'my-bucket',
    operationId: '3f1c2a9e-0b7d-4c51-9a43-0d2f6b1e8c77',
    target: { kind: 'filter', filter: { prefix: 'tmp/', olderThanMs: 7 * 86_400_000 } },
    dryRun: true,
  },
  'incomplete.cancelBulkAbort': { operationId: 'op1' },
  'incomplete.resumeFromServer': { ...upload, operationId: 'op2', localPath: '/home/u/a.bin' },
  'incomplete.cancelResume': { operationId: 'op2' },
  'accounts.list': undefined,
  'accounts.add': draft,
  'accounts.update': { accountId: 'acc-1', patch: { region: 'cn-shanghai', securityToken: null } },
  'accounts.remove': { accountId: 'acc-1' },
  'accounts.test': { accountId: 'acc-1', patch: { name: 'Renamed' } },
  'accounts.secretStorage': undefined,
  'settings.get': undefined,
  'settings.update': { maxRequests: 16, theme: 'dark' },
  'desktop.pickFiles': { multiple: true },
  'desktop.pickFolder': undefined,
  'desktop.revealFile': { jobId },
  'desktop.copyLink': { jobId, expiresSeconds: 3600 },
  'desktop.openHelp': { topic: 'clockSync' },
  'desktop.grantDroppedPaths': { paths: ['/home/u/dropped'] },
};

function parse(name: CommandName, args: unknown): { readonly success: boolean; readonly error?: { readonly issues: readonly unknown[] } | undefined } {
  return COMMAND_SCHEMAS[name].safeParse(args);
}

function issuesText(name: CommandName, args: unknown): string {
  const result = parse(name, args);
  expect(result.success).toBe(false);
  return JSON.stringify(result.error?.issues ?? []);
}

describe('command schemas', () => {
  it.each(COMMAND_NAMES.map((name) => [name]))('accepts a valid %s', (name) => {
    const result = parse(name, VALID_ARGS[name]);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('accepts a draft test and a selection bulk abort', () => {
    expect(parse('accounts.test', { draft: { ...draft, securityToken: 'CAIS+token/=' } }).success).toBe(true);
    const selection = { kind: 'selection', uploads: [{ key: 'a', uploadId: 'U' }] };
    expect(parse('incomplete.bulkAbort', { ...VALID_ARGS['incomplete.bulkAbort'], target: selection, dryRun: false }).success).toBe(true);
  });

  it('refuses extra fields at every level', () => {
    issuesText('uploads.pause', { jobId, extra: 1 });
    issuesText('uploads.addPaths', { ...VALID_ARGS['uploads.addPaths'], destination: { ...destination, acl: 'public-read' } });
    issuesText('accounts.add', { ...draft, isLocalEmulator: true });
    issuesText('accounts.update', { accountId: 'acc-1', patch: { hasSecret: true } });
    issuesText('settings.update', { maxRequests: 4, debug: true });
    issuesText('incomplete.bulkAbort', {
      ...VALID_ARGS['incomplete.bulkAbort'],
      target: { kind: 'filter', filter: { prefix: '' }, uploads: [] },
    });
  });

  it('refuses wrong types and values', () => {
    issuesText('uploads.pause', { jobId: 42 });
    issuesText('uploads.pause', { jobId: '../../etc/passwd' });
    issuesText('uploads.pause', undefined);
    issuesText('uploads.list', { page: 1 });
    issuesText('uploads.list', null);
    issuesText('uploads.remove', { jobId, server: 'maybe' });
    issuesText('incomplete.browse', { ...VALID_ARGS['incomplete.browse'], pageSize: 1001 });
    issuesText('incomplete.browse', { ...VALID_ARGS['incomplete.browse'], pageSize: 1.5 });
    issuesText('incomplete.browse', { ...VALID_ARGS['incomplete.browse'], bucket: 'Bad_Bucket' });
    issuesText('incomplete.inspect', { ...upload, uploadId: 'has space' });
    issuesText('desktop.copyLink', { jobId, expiresSeconds: 604_801 });
    issuesText('desktop.openHelp', { topic: 'https://evil.example' });
    issuesText('accounts.add', { ...draft, buckets: [] });
    issuesText('accounts.add', { ...draft, buckets: ['my-bucket', 'my-bucket'] });
    issuesText('accounts.add', { ...draft, name: '   ' });
    issuesText('accounts.add', { ...draft, name: 'a\u0000b' });
    issuesText('accounts.add', { ...draft, signatureVersion: 'v2' });
  });

  it('bounds object keys by UTF-8 bytes, not characters', () => {
    const threeByteChars = '中'.repeat(341); // 1023 bytes
    expect(parse('incomplete.inspect', { ...upload, key: threeByteChars }).success).toBe(true);
    issuesText('incomplete.inspect', { ...upload, key: `${threeByteChars}x` }); // 1024 bytes, 342 characters
    issuesText('incomplete.inspect', { ...upload, key: '\uD800abc' });
    issuesText('incomplete.inspect', { ...upload, key: '/abs' });
    issuesText('incomplete.inspect', { ...upload, key: '' });
    expect(parse('uploads.addPaths', { ...VALID_ARGS['uploads.addPaths'], destination: { ...destination, prefix: '' } }).success).toBe(true);
  });

  it('bounds arrays', () => {
    const paths = Array.from({ length: MAX_PATHS_PER_COMMAND + 1 }, (_, i) => `/f/${i}`);
    issuesText('uploads.addPaths', { paths, destination });
    issuesText('uploads.addPaths', { paths: [], destination });
    issuesText('uploads.addPaths', { paths: ['/a\u0000b'], destination });
  });

  it('stops a 10 MB string at the length check, without echoing it', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    for (const args of [
      { paths: [huge], destination },
      { paths: ['/a'], destination: { ...destination, prefix: huge } },
    ]) {
      expect(issuesText('uploads.addPaths', args).length).toBeLessThan(1000);
    }
    expect(issuesText('accounts.add', { ...draft, accessKeySecret: huge }).length).toBeLessThan(1000);
  });

  it('never echoes a secret in its issues', () => {
    const secret = 'S3cr3t with spaces';
    expect(issuesText('accounts.add', { ...draft, accessKeySecret: secret })).not.toContain('S3cr3t');
    expect(issuesText('accounts.add', { ...draft, securityToken: `${secret}!` })).not.toContain('S3cr3t');
  });
});

describe('settings schema', () => {
  it('accepts the defaults and their bounds', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    for (const patch of [
      { partSizeBytes: 100 * 1024 },
      { partSizeBytes: 5 * 1024 ** 3 },
      { maxRequests: 64 },
      { maxFiles: 16 },
      { bandwidthBytesPerSecond: 0 },
      { maxAttempts: 20 },
      { onStart: 'resume' },
      { language: 'zh-CN' },
      {},
    ]) {
      expect(settingsPatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(true);
    }
  });

  it('refuses values out of bounds and incomplete settings', () => {
    for (const patch of [
      { partSizeBytes: 100 * 1024 - 1 },
      { partSizeBytes: 5 * 1024 ** 3 + 1 },
      { maxRequests: 0 },
      { maxRequests: 65 },
      { maxFiles: 17 },
      { bandwidthBytesPerSecond: -1 },
      { maxAttempts: 0 },
      { maxAttempts: 21 },
      { notifications: 'yes' },
      { onQuit: 'explode' },
      { language: 'fr' },
      { theme: 'neon' },
    ]) {
      expect(settingsPatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(false);
    }
    const { theme: _theme, ...withoutTheme } = DEFAULT_SETTINGS;
    expect(settingsSchema.safeParse(withoutTheme).success).toBe(false);
  });
});
