// The per-process secret that ties the WebSocket and staging requests to the page this harness served. The socket
// is on 127.0.0.1, but any page the developer opens can reach 127.0.0.1; only the harness's own page (and whoever
// can read its HTML, i.e. the same origin) learns the token.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token (256 bits, base64url). */
export function createHarnessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `candidate` equals `token`, compared in constant time. */
export function tokenMatches(token: string, candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string') return false;
  const expected = Buffer.from(token, 'utf8');
  const given = Buffer.from(candidate, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
