import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, IPC_CHANNELS, type HandlerMap } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/command-dispatcher';
import { createEventPublisher } from '../ipc/event-publisher';
import { PathGrants } from '../ipc/path-grants';
import { bindCommandChannel, bindEventTarget, isTrustedFrame, type IpcSender } from './bind-ipc';
import type { RendererLocation } from './renderer-location';

const location: RendererLocation = { kind: 'file', filePath: '/app/out/renderer/index.html' };
const APP_URL = 'file:///app/out/renderer/index.html';

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}
const mainFrame: FakeFrame = { url: APP_URL, processId: 4, routingId: 1, parent: null };
const window = { isDestroyed: () => false, webContents: { mainFrame } };

describe('isTrustedFrame', () => {
  it('trusts the main frame of the app window showing the app page', () => {
    expect(isTrustedFrame({ ...mainFrame, url: `${APP_URL}#/uploads` }, window, location)).toBe(true);
  });

  it('refuses a missing frame, a subframe, another frame, another URL and a closed window', () => {
    expect(isTrustedFrame(null, window, location)).toBe(false);
    expect(isTrustedFrame({ ...mainFrame, parent: mainFrame }, window, location)).toBe(false);
    expect(isTrustedFrame({ ...mainFrame, routingId: 2 }, window, location)).toBe(false);
    expect(isTrustedFrame({ ...mainFrame, processId: 5 }, window, location)).toBe(false);
    expect(isTrustedFrame({ ...mainFrame, url: 'https://evil.example/' }, window, location)).toBe(false);
    expect(isTrustedFrame({ ...mainFrame, url: 'file:///tmp/evil.html' }, window, location)).toBe(false);
    expect(isTrustedFrame(mainFrame, undefined, location)).toBe(false);
    expect(isTrustedFrame(mainFrame, { ...window, isDestroyed: () => true }, location)).toBe(false);
  });
});

/** A fake ipcMain: keeps the handler so the test can invoke it like a renderer message would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: { senderFrame: unknown }, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: (channel: string, handler: (event: { senderFrame: unknown }, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

describe('bindCommandChannel', () => {
  // A real dispatcher whose every handler answers its own name, behind the real trust check.
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, async () => {
      ran.push(name);
      return [];
    }]),
  ) as unknown as HandlerMap<IpcSender>;
  const dispatcher = createDispatcher<IpcSender>({
    handlers,
    isTrustedSender: (frame) => isTrustedFrame(frame, window, location),
    pathGrants: new PathGrants(),
    log: { warn: () => undefined, error: () => undefined },
  });

  it('answers commands from the app window and refuses every other sender before the handler runs', async () => {
    const ipcMain = fakeIpcMain();
    // The fake carries only handle/removeHandler; the IpcMain overloads cannot be spelled by a plain object.
    const unbind = bindCommandChannel(ipcMain as unknown as Parameters<typeof bindCommandChannel>[0], { dispatcher });
    const handler = ipcMain.handlers.get(IPC_CHANNELS.command);
    expect(handler).toBeDefined();
    ran.length = 0;
    await expect(handler?.({ senderFrame: mainFrame }, 'uploads.list', undefined)).resolves.toEqual({ ok: true, value: [] });
    for (const senderFrame of [null, { ...mainFrame, url: 'https://evil.example/' }, { ...mainFrame, parent: mainFrame }, { ...mainFrame, routingId: 9 }]) {
      const answer = await handler?.({ senderFrame }, 'uploads.list', undefined);
      expect(answer).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    expect(ran).toEqual(['uploads.list']);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('bindEventTarget', () => {
  it('sends published events to the window until it is destroyed', () => {
    const events = createEventPublisher({ log: { warn: () => undefined } });
    let destroyed = false;
    let onDestroyed: (() => void) | undefined;
    const send = vi.fn();
    const contents = {
      send,
      isDestroyed: () => destroyed,
      once: (_name: string, listener: () => void) => {
        onDestroyed = listener;
      },
    };
    // As above: only the members bindEventTarget uses.
    bindEventTarget(contents as unknown as Parameters<typeof bindEventTarget>[0], { events });
    events.publish('app.menuCommand', { command: 'addFiles' });
    expect(send).toHaveBeenCalledWith(IPC_CHANNELS.event, { name: 'app.menuCommand', payload: { command: 'addFiles' } });
    destroyed = true;
    onDestroyed?.();
    expect(events.targetCount).toBe(0);
  });
});
