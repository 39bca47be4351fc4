import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import { createPreloadTransport, type PreloadDeps } from './create-preload-transport';

function deps(answer: unknown, getPathForFile: PreloadDeps['getPathForFile'] = () => '') {
  const invoked: unknown[][] = [];
  const value: PreloadDeps = {
    invoke: async (...args) => {
      invoked.push(args);
      return answer;
    },
    on: () => undefined,
    removeListener: () => undefined,
    getPathForFile,
  };
  return { value, invoked };
}

describe('createPreloadTransport', () => {
  it('passes a well-formed Result through and replaces anything else with IpcUnavailable', async () => {
    const failure = { ok: false, error: { code: 'Forbidden', message: 'no', retryable: false } };
    await expect(createPreloadTransport(deps(failure).value).invoke('uploads.list', undefined)).resolves.toEqual(failure);
    for (const broken of [undefined, 'ok', { ok: true }, { ok: false, error: 'x' }]) {
      await expect(createPreloadTransport(deps(broken).value).invoke('uploads.list', undefined)).resolves.toMatchObject({
        ok: false,
        error: { code: 'IpcUnavailable' },
      });
    }
  });

  it('skips things that are not dropped files and sends nothing when none is left', async () => {
    const { value, invoked } = deps({ ok: true, value: { paths: [] } }, (file) => {
      if (!(file instanceof File)) throw new TypeError('not a File');
      return '';
    });
    const transport = createPreloadTransport(value);
    await expect(transport.pathsForDroppedFiles([{ name: '/etc/passwd', size: 1 }, new File(['x'], 'x')])).resolves.toEqual({ ok: true, value: { paths: [] } });
    expect(invoked).toEqual([]);
  });

  it('grants the dropped paths with the preload-only command', async () => {
    const { value, invoked } = deps({ ok: true, value: { paths: ['/d/a'] } }, () => '/d/a');
    await expect(createPreloadTransport(value).pathsForDroppedFiles([new File(['a'], 'a')])).resolves.toEqual({ ok: true, value: { paths: ['/d/a'] } });
    expect(invoked).toEqual([[IPC_CHANNELS.command, 'desktop.grantDroppedPaths', { paths: ['/d/a'] }]]);
  });
});
