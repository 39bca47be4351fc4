import { beforeEach, describe, expect, it, vi } from 'vitest';

// `electron` is mocked: there is no Electron binary here, and the test checks what the window is created with.
const electron = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly loaded: string[] = [];
    readonly once = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    loadFile(path: string): Promise<void> {
      this.loaded.push(`file:${path}`);
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(`url:${url}`);
      return Promise.reject(new Error('ERR_CONNECTION_REFUSED'));
    }
  }
  return { BrowserWindow: FakeBrowserWindow };
});
vi.mock('electron', () => electron);

import { buildWebPreferences, createMainWindow, focusWindow } from './create-main-window';

beforeEach(() => {
  electron.BrowserWindow.created.length = 0;
});

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node, no webview and the preload as the only door', () => {
    expect(buildWebPreferences('/app/out/preload/index.js')).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with those preferences and loads the built page from disk', () => {
    const log = vi.fn();
    createMainWindow({ preloadPath: '/p.js', location: { kind: 'file', filePath: '/app/out/renderer/index.html' }, title: 'T', log });
    const [window] = electron.BrowserWindow.created;
    expect(window?.options).toMatchObject({ show: false, title: 'T', webPreferences: buildWebPreferences('/p.js') });
    expect(window?.options).not.toHaveProperty('icon');
    expect(window?.loaded).toEqual(['file:/app/out/renderer/index.html']);
    expect(window?.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });

  it('loads the dev server URL in development and logs a failed load', async () => {
    const log = vi.fn();
    createMainWindow({ preloadPath: '/p.js', location: { kind: 'dev-server', url: 'http://localhost:5173/' }, title: 'T', iconPath: '/i.png', log });
    const [window] = electron.BrowserWindow.created;
    expect(window?.loaded).toEqual(['url:http://localhost:5173/']);
    expect(window?.options).toMatchObject({ icon: '/i.png' });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('The app page did not load: ERR_CONNECTION_REFUSED'));
  });
});

describe('focusWindow', () => {
  it('restores, shows and focuses', () => {
    const calls: string[] = [];
    focusWindow({
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      isVisible: () => false,
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    });
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('only focuses a visible window', () => {
    const calls: string[] = [];
    focusWindow({ isMinimized: () => false, restore: () => calls.push('restore'), isVisible: () => true, show: () => calls.push('show'), focus: () => calls.push('focus') });
    expect(calls).toEqual(['focus']);
  });
});
