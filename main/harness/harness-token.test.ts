import { describe, expect, it } from 'vitest';
import { createHarnessToken, tokenMatches } from './harness-token';

describe('harness token', () => {
  it('is fresh and URL-safe each time', () => {
    const a = createHarnessToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createHarnessToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    const token = createHarnessToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
  });
});
