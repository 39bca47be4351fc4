// Which Chromium the e2e specs drive. Playwright cannot download browsers on every machine (not on the CI box), so the
// order is: an explicit CHROMIUM_PATH, the distribution's package (/usr/bin/chromium, chromium-browser), then a
// browser Playwright itself installed (`npx playwright install chromium`) on a developer machine.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** What to tell a developer when no browser is found. */
export const INSTALL_HINT =
  'No Chromium found for the e2e specs. Set CHROMIUM_PATH to a Chromium or Chrome executable, install the ' +
  'distribution package (Debian/Ubuntu: `sudo apt-get install chromium`), or let Playwright fetch one: ' +
  '`npx playwright install chromium`.';

/** The executable to launch, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system !== undefined) return system;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  return bundled !== undefined && existsSync(bundled) ? bundled : undefined;
}

/** Flags for a headless Chromium in containers and CI: no sandbox (root in a container), no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
