import { describe, expect, it } from 'vitest';
import { hardenWebContents, type HardenableContents } from './harden-web-contents';

const APP_PAGE = 'file:///opt/app/out/renderer/index.html';

/** A webContents that records listeners and lets the test fire them with a preventable event. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => (openHandler = handler),
  };
  const fire = (name: string, url: string): boolean => {
    let prevented = false;
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`no ${name} listener`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const open = (url: string): string => {
    if (openHandler === undefined) throw new Error('no window open handler');
    return openHandler({ url }).action;
  };
  // The fake implements only what hardenWebContents calls; Electron's overloaded `on` cannot be spelled here.
  return { contents: contents as unknown as HardenableContents, fire, open };
}

function hardened() {
  const fake = fakeContents();
  const log: string[] = [];
  hardenWebContents(fake.contents, { isAppPage: (url) => url.startsWith(APP_PAGE), log: (line) => log.push(line) });
  return { ...fake, log };
}

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the app page', () => {
    const { fire, log } = hardened();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(log).toHaveLength(3);
    expect(log[0]).toContain('https://evil.example/');
  });

  it('lets the app page navigate to itself', () => {
    const { fire } = hardened();
    expect(fire('will-navigate', `${APP_PAGE}#/settings`)).toBe(false);
    expect(fire('will-redirect', APP_PAGE)).toBe(false);
  });

  it('denies every new window, https or not', () => {
    const { open } = hardened();
    expect(open('https://www.alibabacloud.com/help/')).toBe('deny');
    expect(open(APP_PAGE)).toBe('deny');
    expect(open('javascript:alert(1)')).toBe('deny');
  });

  it('prevents attaching a <webview>', () => {
    const { fire } = hardened();
    expect(fire('will-attach-webview', '')).toBe(true);
  });
});
