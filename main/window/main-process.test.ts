// The composition root (main/index.ts) end to end with a mocked `electron` (no binary here): the real AppCore with
// its embedded emulator on 127.0.0.1 in a temp userData folder, the real dispatcher behind the real sender check,
// the menu reaching the page as an event, and quitting shutting the core down before the app exits.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/contract';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const appListeners = new Map<string, Listener[]>();
  const state = {
    userData: '',
    ipcHandler: undefined as Listener | undefined,
    menu: [] as unknown[],
    windows: [] as FakeWindow[],
    quits: 0,
    exits: [] as number[],
  };
  class FakeWindow {
    readonly listeners = new Map<string, Listener>();
    readonly sent: unknown[][] = [];
    readonly bars: unknown[][] = [];
    readonly webContents = {
      mainFrame: { url: '', processId: 7, routingId: 1, parent: null },
      send: (...args: unknown[]) => this.sent.push(args),
      isDestroyed: () => false,
      once: () => undefined,
    };
    constructor(readonly options: { webPreferences: { preload: string } }) {
      state.windows.push(this);
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    once(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    async loadFile(path: string) {
      this.webContents.mainFrame.url = `file://${path}`;
    }
    async loadURL() {}
    isDestroyed() {
      return false;
    }
    setProgressBar(...args: unknown[]) {
      this.bars.push(args);
    }
  }
  const emit = (name: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(name) ?? []) listener(...args);
  };
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => undefined,
      getPath: () => state.userData,
      setPath: (name: string, value: string) => {
        if (name === 'userData') state.userData = value;
      },
      getVersion: () => '0.0.0-test',
      requestSingleInstanceLock: () => true,
      whenReady: async () => undefined,
      on: (name: string, listener: Listener) => appListeners.set(name, [...(appListeners.get(name) ?? []), listener]),
      quit: () => {
        let prevented = false;
        emit('before-quit', { preventDefault: () => (prevented = true) });
        if (!prevented) state.quits += 1;
      },
      exit: (code: number) => state.exits.push(code),
    },
    BrowserWindow: FakeWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
    ipcMain: {
      handle: (_channel: string, handler: Listener) => (state.ipcHandler = handler),
      removeHandler: () => (state.ipcHandler = undefined),
    },
    Menu: { buildFromTemplate: (template: unknown[]) => (state.menu = template), setApplicationMenu: () => undefined },
    Notification: class {
      static isSupported() {
        return false;
      }
      show() {}
    },
    powerSaveBlocker: { start: () => 1, stop: () => undefined },
    // A keyring that "encrypts" by base64, enough for the core to store the emulator account's secret.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (data: Buffer) => data.toString(),
    },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({ response: 1 }), showErrorBox: () => undefined },
    shell: { openExternal: async () => undefined, showItemInFolder: () => undefined },
    clipboard: { writeText: () => undefined },
  };
  return { electron, state };
});
vi.mock('electron', () => fake.electron);

// The data folder comes in through OSS_UPLOAD_MANAGER_USER_DATA (as the Electron e2e fixture passes it); the fake's
// default userData stays empty, so a composition root that ignored the variable would have nowhere to write.
const userData = mkdtempSync(join(tmpdir(), 'main-process-'));
process.env.OSS_UPLOAD_MANAGER_USER_DATA = userData;
afterAll(() => {
  delete process.env.OSS_UPLOAD_MANAGER_USER_DATA;
  rmSync(userData, { recursive: true, force: true });
});

describe('main/index.ts', () => {
  it('starts the core, answers only its own window, forwards the menu and shuts down on quit', async () => {
    // The composition root runs on import; '.js' because a dynamic import resolves like ESM (Vite maps it to index.ts).
    await import('../index.js');
    await vi.waitFor(() => expect(fake.state.ipcHandler).toBeDefined(), { timeout: 30_000 });
    const [window] = fake.state.windows;
    expect(window?.options.webPreferences.preload).toBe(join(__dirname, '..', '..', 'preload', 'index.js')) // index.ts's own folder + ../preload;
    expect(window?.webContents.mainFrame.url).toBe(pathToFileURL(join(__dirname, '..', '..', 'renderer', 'index.html')).href);

    const call = (senderFrame: unknown, name: string, args?: unknown) => fake.state.ipcHandler?.({ senderFrame }, name, args);
    const accounts = (await call(window?.webContents.mainFrame, 'accounts.list')) as { ok: boolean; value: { name: string }[] };
    expect(accounts.ok).toBe(true);
    expect(accounts.value.map((a) => a.name)).toContain('Local emulator');
    expect(fake.state.userData).toBe(userData);
    expect(existsSync(join(userData, 'embedded-emulator.json'))).toBe(true);
    expect(JSON.stringify(accounts)).not.toMatch(/accessKeySecret/);
    await expect(call({ ...window?.webContents.mainFrame, url: 'https://evil.example/' }, 'accounts.list')).resolves.toMatchObject({ ok: false, error: { code: 'Forbidden' } });

    const file = (fake.state.menu as MenuItemConstructorOptions[]).find((m) => m.label === '&File');
    const addFiles = (Array.isArray(file?.submenu) ? file.submenu : []).find((i) => i.label === 'Add Files…');
    (addFiles?.click as (() => void) | undefined)?.();
    expect(window?.sent).toContainEqual([IPC_CHANNELS.event, { name: 'app.menuCommand', payload: { command: 'addFiles' } }]);
    expect(window?.bars[0]).toEqual([-1, { mode: 'none' }]);

    fake.electron.app.quit();
    expect(fake.state.quits).toBe(0); // held until the core has stopped
    await vi.waitFor(() => expect(fake.state.quits).toBe(1), { timeout: 30_000 });
    expect(fake.state.exits).toEqual([]);
  }, 60_000);
});
