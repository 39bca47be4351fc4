import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, IPC_CHANNELS, PRELOAD_ONLY_COMMANDS } from '../../shared/ipc/contract';

// `electron` is mocked: the preload runs here on Node, and the test checks what it exposes and what it sends.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, name: string, args: unknown) => ({ ok: true, value: { name, args } })),
      on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener)),
      removeListener: vi.fn((channel: string) => listeners.delete(channel)),
    },
    webUtils: { getPathForFile: vi.fn((file: { name: string }) => (file.name === 'made-by-page.txt' ? '' : `/home/u/${file.name}`)) },
  };
});
vi.mock('electron', () => electron);
// Runs the preload against the mock above (vi.mock is hoisted above this import).
import './index';

type Api = Record<string, unknown> & {
  uploads: Record<string, (args?: unknown) => Promise<unknown>>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
  pathsForDroppedFiles: (files: readonly unknown[]) => Promise<unknown>;
};
let api: Api;

beforeAll(() => {
  api = electron.exposed.get('uploader') as Api;
});

describe('preload', () => {
  it('exposes window.uploader only, with one namespace per command group, `on` and pathsForDroppedFiles', () => {
    expect([...electron.exposed.keys()]).toEqual(['uploader']);
    const namespaces = [...new Set(COMMAND_NAMES.map((name) => name.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on', 'pathsForDroppedFiles'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
    for (const name of PRELOAD_ONLY_COMMANDS) {
      const [ns, verb] = name.split('.') as [string, string];
      expect((api[ns] as Record<string, unknown>)[verb]).toBeUndefined();
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends a command on the command channel and answers with main’s Result', async () => {
    await expect(api.uploads.pause?.({ jobId: 'j1' })).resolves.toEqual({ ok: true, value: { name: 'uploads.pause', args: { jobId: 'j1' } } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.command, 'uploads.pause', { jobId: 'j1' });
  });

  it('delivers events without the IPC event object', () => {
    const payloads: unknown[] = [];
    const off = api.on('app.menuCommand', (payload) => payloads.push(payload));
    const listener = electron.listeners.get(IPC_CHANNELS.event);
    listener?.({ sender: 'ipcRenderer' }, { name: 'app.menuCommand', payload: { command: 'addFolder' } });
    listener?.({ sender: 'ipcRenderer' }, { name: 'no.such.event', payload: 1 });
    expect(payloads).toEqual([{ command: 'addFolder' }]);
    off();
    expect(electron.listeners.has(IPC_CHANNELS.event)).toBe(false);
  });

  it('turns dropped files into paths with webUtils.getPathForFile and grants them in main', async () => {
    const files = [new File(['a'], 'a.bin'), new File(['b'], 'made-by-page.txt'), new File(['c'], 'c.bin')];
    const answer = await api.pathsForDroppedFiles(files);
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledTimes(3);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.command, 'desktop.grantDroppedPaths', { paths: ['/home/u/a.bin', '/home/u/c.bin'] });
    expect(answer).toEqual({ ok: true, value: { name: 'desktop.grantDroppedPaths', args: { paths: ['/home/u/a.bin', '/home/u/c.bin'] } } });
  });
});
