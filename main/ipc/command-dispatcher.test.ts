import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/app-error';
import { COMMAND_NAMES, type CommandName, type HandlerMap } from '../../shared/ipc/contract';
import type { JobId } from '../../shared/models/job';
import { OssError } from '../oss/oss-error';
import { EngineError } from '../uploads/engine-error';
import { createDispatcher, type IpcLog } from './command-dispatcher';
import { MAX_VALIDATION_MESSAGE_CHARS } from './format-validation-issues';
import { PathGrants } from './path-grants';

interface Sender {
  readonly trusted: boolean;
}
const TRUSTED: Sender = { trusted: true };
const STRANGER: Sender = { trusted: false };
const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCY';

type Call = { readonly name: CommandName; readonly args: unknown; readonly sender: unknown };

function setup(overrides: Partial<Record<CommandName, (args: unknown) => Promise<unknown>>> = {}) {
  const calls: Call[] = [];
  const lines: string[] = [];
  const handlers = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (args: unknown, ctx: { sender: unknown; command: CommandName }) => {
        calls.push({ name: ctx.command, args, sender: ctx.sender });
        const override = overrides[name];
        return override === undefined ? `value of ${name}` : override(args);
      },
    ]),
  ) as unknown as HandlerMap<Sender>; // built from COMMAND_NAMES: one handler per command
  const log: IpcLog = { warn: (l) => lines.push(`warn ${l}`), error: (l) => lines.push(`error ${l}`) };
  const pathGrants = new PathGrants();
  const dispatcher = createDispatcher<Sender>({
    handlers,
    isTrustedSender: (s) => s.trusted,
    pathGrants,
    log,
    knownSecrets: () => [SECRET],
    now: () => Date.UTC(2025, 0, 1),
  });
  return { dispatcher, calls, lines, pathGrants };
}

const jobId = 'job-1' as JobId;
const destination = { accountId: 'acc-1', bucket: 'my-bucket', prefix: 'in/' };

describe('createDispatcher', () => {
  it('refuses a handler map with a missing or extra handler at construction', () => {
    const full = Object.fromEntries(COMMAND_NAMES.map((n) => [n, async () => undefined]));
    const { 'uploads.pause': _pause, ...missing } = full;
    const base = { isTrustedSender: () => true, pathGrants: new PathGrants(), log: { warn: () => undefined, error: () => undefined } };
    expect(() => createDispatcher({ ...base, handlers: missing as unknown as HandlerMap })).toThrow(/missing \[uploads\.pause\]/);
    expect(() => createDispatcher({ ...base, handlers: { ...full, 'uploads.explode': async () => 1 } as unknown as HandlerMap })).toThrow(
      /extra \[uploads\.explode\]/,
    );
    expect(() => createDispatcher({ ...base, handlers: { ...full, 'uploads.pause': 'not a function' } as unknown as HandlerMap })).toThrow(
      /missing \[uploads\.pause\]/,
    );
  });

  it('runs a valid call and answers with its value and the context', async () => {
    const { dispatcher, calls } = setup();
    await expect(dispatcher.dispatch(TRUSTED, 'uploads.pause', { jobId })).resolves.toEqual({ ok: true, value: 'value of uploads.pause' });
    await expect(dispatcher.dispatch(TRUSTED, 'uploads.list', undefined)).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual([
      { name: 'uploads.pause', args: { jobId }, sender: TRUSTED },
      { name: 'uploads.list', args: undefined, sender: TRUSTED },
    ]);
  });

  it('refuses an untrusted sender before anything else, and a sender check that throws', async () => {
    const { dispatcher, calls, lines } = setup();
    await expect(dispatcher.dispatch(STRANGER, 'uploads.pause', { jobId })).resolves.toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    await expect(dispatcher.dispatch(STRANGER, 'nope', 1)).resolves.toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    const throwing = createDispatcher<Sender>({
      handlers: Object.fromEntries(COMMAND_NAMES.map((n) => [n, async () => undefined])) as unknown as HandlerMap<Sender>,
      isTrustedSender: () => {
        throw new Error('frame destroyed');
      },
      pathGrants: new PathGrants(),
      log: { warn: () => undefined, error: () => undefined },
    });
    await expect(throwing.dispatch(TRUSTED, 'uploads.list', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(calls).toEqual([]);
    expect(lines.some((l) => l.includes('untrusted sender'))).toBe(true);
  });

  it('refuses unknown command names, including inherited property names', async () => {
    const { dispatcher, calls } = setup();
    for (const name of ['uploads.explode', 'toString', '__proto__', 'constructor', 42, undefined, { name: 'uploads.list' }]) {
      const result = await dispatcher.dispatch(TRUSTED, name, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'UnknownCommand', retryable: false } });
    }
    const long = await dispatcher.dispatch(TRUSTED, 'x'.repeat(100_000), undefined);
    expect(long.ok ? '' : long.error.message.length).toBeLessThan(100);
    expect(calls).toEqual([]);
  });

  it('refuses bad arguments with ValidationFailed and never calls the handler', async () => {
    const { dispatcher, calls } = setup();
    const bad: [CommandName, unknown][] = [
      ['uploads.pause', { jobId: 7 }],
      ['uploads.pause', { jobId, force: true }],
      ['uploads.pause', '{"jobId":"job-1"}'],
      ['uploads.remove', { jobId }],
      ['uploads.list', { all: true }],
      ['accounts.add', { name: 'x' }],
      ['settings.update', { maxRequests: 1000 }],
      ['uploads.addPaths', { paths: ['/tmp/a'], destination: { ...destination, bucket: 'UPPER' } }],
    ];
    for (const [name, args] of bad) {
      const result = await dispatcher.dispatch(TRUSTED, name, args);
      expect(result, `${name} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'ValidationFailed', retryable: false } });
    }
    expect(calls).toEqual([]);
  });

  it('keeps the ValidationFailed message short for a 10 MB string or a huge field name', async () => {
    const { dispatcher, calls } = setup();
    const huge = 'A'.repeat(10 * 1024 * 1024);
    for (const args of [{ paths: [huge], destination }, { paths: ['/a'], destination, [huge]: 1 }, { jobId: huge }]) {
      const result = await dispatcher.dispatch(TRUSTED, 'uploads.addPaths', args);
      if (result.ok) throw new Error('expected a failure');
      expect(result.error.code).toBe('ValidationFailed');
      expect(result.error.message.length).toBeLessThanOrEqual(MAX_VALIDATION_MESSAGE_CHARS);
      expect(result.error.message).not.toContain('A'.repeat(100));
    }
    expect(calls).toEqual([]);
  });

  it('accepts only granted paths, or paths under a granted folder', async () => {
    const { dispatcher, calls, pathGrants } = setup();
    pathGrants.grant(['/home/u/picked.bin', '/home/u/Photos']);
    const add = (paths: string[]) => dispatcher.dispatch(TRUSTED, 'uploads.addPaths', { paths, destination });

    await expect(add(['/home/u/picked.bin', '/home/u/Photos', '/home/u/Photos/2024/a.jpg'])).resolves.toMatchObject({ ok: true });
    for (const paths of [['/home/u/.ssh/id_rsa'], ['/home/u/picked.bin', '/etc/passwd'], ['/home/u/Photos/../.ssh/id_rsa'], ['/home/u/Photos2/x'], ['relative/a.jpg']]) {
      const result = await add(paths);
      expect(result, paths.join()).toMatchObject({ ok: false, error: { code: 'PathNotAllowed', retryable: false } });
    }
    const resume = { accountId: 'acc-1', bucket: 'my-bucket', key: 'k', uploadId: 'U1', operationId: 'op1' };
    await expect(dispatcher.dispatch(TRUSTED, 'incomplete.resumeFromServer', { ...resume, localPath: '/etc/shadow' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'PathNotAllowed' },
    });
    await expect(dispatcher.dispatch(TRUSTED, 'incomplete.resumeFromServer', { ...resume, localPath: '/home/u/picked.bin' })).resolves.toMatchObject({
      ok: true,
    });
    expect(calls.map((c) => c.name)).toEqual(['uploads.addPaths', 'incomplete.resumeFromServer']);
  });

  it('maps an OssError to its code, request id and advice', async () => {
    const { dispatcher } = setup({
      'uploads.retry': () =>
        Promise.reject(new OssError({ code: 'SignatureDoesNotMatch', status: 403, message: 'The request signature we calculated does not match', requestId: '5C3D9175B6FC201293AD4890', retryable: false })),
    });
    await expect(dispatcher.dispatch(TRUSTED, 'uploads.retry', { jobId })).resolves.toEqual({
      ok: false,
      error: {
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match',
        retryable: false,
        requestId: '5C3D9175B6FC201293AD4890',
        advice: 'Check the AccessKey secret and the region.',
      },
    });
  });

  it('passes an AppError and an EngineError through as they are', async () => {
    const { dispatcher } = setup({
      'accounts.remove': () => Promise.reject(new AppError({ code: 'AccountNotFound', message: 'No such account', retryable: false })),
      'uploads.remove': () => Promise.reject(new EngineError('ServerChoiceRequired', 'Say whether to keep the upload on the server')),
    });
    await expect(dispatcher.dispatch(TRUSTED, 'accounts.remove', { accountId: 'a1' })).resolves.toEqual({
      ok: false,
      error: { code: 'AccountNotFound', message: 'No such account', retryable: false },
    });
    await expect(dispatcher.dispatch(TRUSTED, 'uploads.remove', { jobId, server: 'keep' })).resolves.toEqual({
      ok: false,
      error: { code: 'ServerChoiceRequired', message: 'Say whether to keep the upload on the server', retryable: false },
    });
  });

  it('turns an unknown exception into InternalError, and logs the details with secrets redacted', async () => {
    const { dispatcher, lines } = setup({
      'settings.get': () => Promise.reject(new TypeError(`cannot read /home/u/secret-file with key ${SECRET}`)),
      'settings.update': () => Promise.reject('a string, not an Error'),
    });
    const result = await dispatcher.dispatch(TRUSTED, 'settings.get', undefined);
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.code).toBe('InternalError');
    expect(JSON.stringify(result)).not.toContain('secret-file');
    expect(JSON.stringify(result)).not.toContain(SECRET);
    const logged = lines.join('\n');
    expect(logged).toContain('settings.get failed unexpectedly: TypeError: cannot read /home/u/secret-file');
    expect(logged).not.toContain(SECRET);
    await expect(dispatcher.dispatch(TRUSTED, 'settings.update', {})).resolves.toMatchObject({ ok: false, error: { code: 'InternalError' } });
  });

  it('redacts known secrets from the messages of known errors too', async () => {
    const { dispatcher } = setup({
      'accounts.test': () => Promise.reject(new AppError({ code: 'Oops', message: `echoed ${SECRET}`, retryable: false })),
    });
    const result = await dispatcher.dispatch(TRUSTED, 'accounts.test', { accountId: 'a1' });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result).toMatchObject({ ok: false, error: { message: 'echoed [redacted]' } });
  });

  it('never logs the arguments of a refused call', async () => {
    const { dispatcher, lines } = setup();
    const draft = { name: 'x', endpoint: 'e', region: 'cn-hangzhou', buckets: ['my-bucket'], signatureVersion: 'v4', addressing: 'path-style', accessKeyId: 'id', accessKeySecret: 'typed-secret-123', extra: 1 };
    await dispatcher.dispatch(TRUSTED, 'accounts.add', draft);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('typed-secret-123');
  });
});
