import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { hardenSession, type HardenableSession } from './harden-session';

type Handler = (...args: never[]) => unknown;

/** Records the handlers hardenSession installs, so the test can call them as Electron would. */
function fakeSession(): { session: HardenableSession; handlers: Record<string, Handler> } {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (handler: Handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Handler) => (handlers.device = handler),
    webRequest: { onHeadersReceived: (handler: Handler) => (handlers.headers = handler) },
  };
  // The fake implements only the members hardenSession calls; Electron's overloaded signatures cannot be spelled here.
  return { session: session as unknown as HardenableSession, handlers };
}

describe('hardenSession', () => {
  it('denies every permission request, check and device request', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, CONTENT_SECURITY_POLICY);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      const request = handlers.request as unknown as (wc: unknown, p: string, cb: (granted: boolean) => void) => void;
      request({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      const check = handlers.check as unknown as (wc: unknown, p: string) => boolean;
      expect(check({}, permission)).toBe(false);
    }
    const device = handlers.device as unknown as (details: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('puts the policy on every response, replacing one the response brought', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, CONTENT_SECURITY_POLICY);
    const onHeaders = handlers.headers as unknown as (details: unknown, cb: (response: unknown) => void) => void;
    const responses: unknown[] = [];
    onHeaders({ url: 'http://localhost:5173/', responseHeaders: { 'Content-Security-Policy': ['default-src *'], Server: ['vite'] } }, (r) => responses.push(r));
    onHeaders({ url: 'http://localhost:5173/a.js' }, (r) => responses.push(r));
    expect(responses).toEqual([
      { cancel: false, responseHeaders: { Server: ['vite'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
      { cancel: false, responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
    ]);
  });
});
