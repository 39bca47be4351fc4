// The renderer's Content-Security-Policy (issue 5 item 2). The same policy is in renderer/index.html as a meta tag:
// Chromium's webRequest does not see `file:` responses, so the header covers anything served over http(s) (the dev
// server) and the meta tag covers the built page. Nothing remote is ever loaded: every source is the app itself.

/** The production policy: only the app's own scripts, styles, images (plus data: images) and fonts; no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as the meta tag of renderer/index.html carries it: without `frame-ancestors`, which browsers ignore
 * (and log an error for) in a meta tag (CSP3 §6.1 "frame-ancestors is not supported in a <meta> element"). Framing is
 * still refused by the header wherever the page is served over http(s).
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/**
 * The development policy: Vite's dev server injects an inline module script (the React refresh preamble) and talks to
 * its page over a WebSocket on the same host, so development alone allows both. Never used by a packaged app.
 */
export function devContentSecurityPolicy(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

/** Response headers as Electron's webRequest hands them over. */
export type ResponseHeaders = Record<string, string | string[]>;

/**
 * `headers` with any Content-Security-Policy a response brought replaced by `policy` (header names are
 * case-insensitive, so every spelling goes). A response cannot loosen the app's policy by sending its own.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, policy: string): ResponseHeaders {
  const next: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    next[name] = value;
  }
  next['Content-Security-Policy'] = [policy];
  return next;
}
