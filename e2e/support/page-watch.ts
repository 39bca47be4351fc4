// Collects what must never happen on the app's page: console errors, uncaught exceptions and Content-Security-Policy
// violations (a `securitypolicyviolation` listener installed before any page script runs).
import type { Page } from '@playwright/test';

/** What was seen so far. */
export interface PageProblems {
  readonly consoleErrors: readonly string[];
  readonly pageErrors: readonly string[];
  /** `<violated directive> <blocked URI> at <source file>:<line>:<column>` per violation. */
  cspViolations(): Promise<readonly string[]>;
}

const CSP_GLOBAL = '__e2eCspViolations';

/** Starts watching `page` (call before the app is loaded, so the init script runs first). */
export async function watchPage(page: Page): Promise<PageProblems> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript((name) => {
    const seen: string[] = [];
    Object.defineProperty(window, name, { value: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`),
    );
  }, CSP_GLOBAL);
  return {
    consoleErrors,
    pageErrors,
    cspViolations: () => page.evaluate((name) => [...((window as unknown as Record<string, readonly string[] | undefined>)[name] ?? [])], CSP_GLOBAL),
  };
}
