// Session-wide guards (issue 5 item 2): every permission request and check is denied, and every response gets the
// app's Content-Security-Policy header. The app needs no camera, microphone, notifications-from-the-page, geolocation,
// HID, serial or USB: main shows notifications itself, so the page never needs to ask.
import type { Session } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';

/** The parts of a Session this file uses (a mocked session in tests). */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;

/** Denies every permission and sets `policy` as the CSP header of every response in `session`. */
export function hardenSession(session: HardenableSession, policy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ cancel: false, responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
