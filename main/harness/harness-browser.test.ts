// The harness in a real browser: Debian's Chromium through playwright-core, headless. Checks what only a browser can:
// the bridge script runs before the page's module script under the app's CSP, the WebSocket is allowed by
// `connect-src 'self'`, and files from the page (a drop, the file picker) are staged and uploaded to the embedded
// emulator.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, PRELOAD_ONLY_COMMANDS, type BridgeApi } from '../../shared/ipc/contract';
import { startTestHarness, type TestHarness } from './test-support/start-test-harness';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`harness-browser.test.ts skipped: no Chromium at ${CHROMIUM}`);

type PageWindow = Window & { readonly uploader: BridgeApi };

describe.skipIf(!hasChromium)('harness in Chromium', () => {
  let harness: TestHarness;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    harness = await startTestHarness({ realBridge: true, embeddedEmulator: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${harness.url}/`);
    await page.waitForSelector('#status[data-uploader-at-start]');
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('installs window.uploader, with every namespace, before the page’s module script runs', async () => {
    expect(await page.getAttribute('#status', 'data-uploader-at-start')).toBe('object');
    const shape = await page.evaluate(() => {
      const api = (window as unknown as PageWindow).uploader;
      const namespaces = Object.fromEntries(
        Object.entries(api).map(([key, value]) => [key, typeof value === 'function' ? 'function' : Object.keys(value as object).sort()]),
      );
      const descriptor = Object.getOwnPropertyDescriptor(window, 'uploader');
      return { namespaces, writable: descriptor?.writable, configurable: descriptor?.configurable };
    });
    const expected: Record<string, string[] | string> = { on: 'function', pathsForDroppedFiles: 'function' };
    for (const name of COMMAND_NAMES) {
      if ((PRELOAD_ONLY_COMMANDS as readonly string[]).includes(name)) continue;
      const [namespace = '', verb = ''] = name.split('.');
      const verbs = (expected[namespace] as string[] | undefined) ?? [];
      expected[namespace] = [...verbs, verb].sort();
    }
    expect(shape).toEqual({ namespaces: expected, writable: false, configurable: false });
  });

  it('round-trips a command over the WebSocket under the app’s CSP', async () => {
    const accounts = await page.evaluate(() => (window as unknown as PageWindow).uploader.accounts.list());
    if (!accounts.ok) throw new Error(accounts.error.message);
    expect(accounts.value.map((a) => a.isLocalEmulator)).toEqual([true]);
    const invalid = await page.evaluate(() => (window as unknown as PageWindow).uploader.accounts.remove({ accountId: 'x'.repeat(10_000_000) }));
    expect(invalid).toEqual({ ok: false, error: expect.objectContaining({ code: 'ValidationFailed' }) });
    expect(problems.filter((p) => /Content Security Policy|WebSocket/i.test(p))).toEqual([]);
  });

  it('stages a dropped File and a picked file, and uploads them to the embedded emulator', async () => {
    const chooser = page.waitForEvent('filechooser');
    const picking = page.evaluate(() => (window as unknown as PageWindow).uploader.desktop.pickFiles({ multiple: true }));
    await (await chooser).setFiles([{ name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('picked in the browser') }]);
    const picked = await picking;
    if (!picked.ok) throw new Error(picked.error.message);

    const jobStatuses = await page.evaluate(async (pickedPaths) => {
      const uploader = (window as unknown as PageWindow).uploader;
      const accounts = await uploader.accounts.list();
      if (!accounts.ok) throw new Error(accounts.error.message);
      const account = accounts.value[0];
      if (account === undefined) throw new Error('no account');
      const dropped = await uploader.pathsForDroppedFiles([new File(['dropped in the browser'], 'dropped.txt')]);
      if (!dropped.ok) throw new Error(dropped.error.message);
      const added = await uploader.uploads.addPaths({
        paths: [...dropped.value.paths, ...pickedPaths],
        destination: { accountId: account.id, bucket: account.buckets[0] ?? '', prefix: 'harness-test/' },
      });
      if (!added.ok) throw new Error(added.error.message);
      for (;;) {
        const list = await uploader.uploads.list();
        if (!list.ok) throw new Error(list.error.message);
        const mine = list.value.filter((job) => added.value.jobIds.includes(job.id));
        if (mine.every((job) => job.status === 'completed' || job.status === 'failed')) return mine.map((job) => [job.destination.key, job.status]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }, picked.value.paths);
    expect(jobStatuses.sort()).toEqual([
      ['harness-test/dropped.txt', 'completed'],
      ['harness-test/picked.txt', 'completed'],
    ]);
  });
});

describe.skipIf(!hasChromium)('harness restart in Chromium', () => {
  it('reloads the open page when the harness comes back on the same port, with the same data folder', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'oss-harness-restart-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    let second: TestHarness | undefined;
    try {
      const first = await startTestHarness({ realBridge: true, embeddedEmulator: true, dataDir });
      const page = await browser.newPage();
      await page.goto(`${first.url}/`);
      const listAccounts = (): Promise<unknown> =>
        page.evaluate(async () => {
          const result = await (window as unknown as PageWindow).uploader.accounts.list();
          return result.ok ? result.value.map((a) => a.id) : result.error.code;
        });
      const before = await listAccounts();
      expect(before).toEqual([expect.any(String)]);
      const oldToken = await page.getAttribute('meta[name="uploader-harness-token"]', 'content');
      await first.dispose();

      second = await startTestHarness({ realBridge: true, embeddedEmulator: true, dataDir, port: Number(new URL(first.url).port) });
      // The bridge notices the new token and reloads; the renderer (here the fixture) starts afresh.
      await page.waitForFunction(
        (token) => document.querySelector('meta[name="uploader-harness-token"]')?.getAttribute('content') !== token,
        oldToken,
        { timeout: 30_000 },
      );
      await page.waitForSelector('#status[data-uploader-at-start="object"]');
      expect(await listAccounts()).toEqual(before);
    } finally {
      await browser.close();
      await second?.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
