// Headers on every harness response. The CSP is the desktop app's own (issue 5 item 2; main/window/
// content-security-policy.ts, an Electron-free module), so a renderer that works in the harness works in the window
// and the other way round. `connect-src 'self'` also covers the bridge's ws:// connection to the same host and port
// (CSP Level 3, "'self'" matches ws: for an http: origin; checked in Chromium by harness-browser.test.ts).
import { CONTENT_SECURITY_POLICY } from '../window/content-security-policy';

/** Headers sent with every response, files and errors alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
