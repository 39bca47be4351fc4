// `npm run bench:ui` (issue 6 "Tests and evidence"): how smooth the renderer stays under load, in the browser harness
// and a headless Chromium. A benchmark, not a test: it prints figures against the goals and never fails on them.
//   1. Four uploads of 2,500 parts each (100 KiB parts, ~244 MiB files) dropped onto the window, with the uploads
//      view and one part map open, from the drop until all four complete.
//   2. 10,000 foreign incomplete uploads in the browser, scrolled top to bottom (pages load as it goes).
// Recorded in the page: long tasks (PerformanceObserver 'longtask') and animation-frame deltas (requestAnimationFrame).
// Goals: no long task over 50 ms, 95th-percentile frame time under 20 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { makeTempDir, writeLargeSeededFile } from '../main/uploads/test-support/seeded-files';
import { dropFiles } from '../e2e/support/drop-files';
import { startExternalEmulator } from '../e2e/support/external-emulator';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../e2e/support/find-chromium';
import { createForeignUploads } from '../e2e/support/foreign-uploads';
import { frameFigures, startFrameRecording, stopFrameRecording, type FrameFigures } from '../e2e/support/frame-recorder';
import { startHarnessProcess } from '../e2e/support/harness-process';
import type { UploaderWindow } from '../e2e/support/uploader-bridge';
import type { JobSnapshot } from '../shared/models/job';

const PART_BYTES = 100 * 1024;
const PARTS_PER_FILE = 2_500;
const FILES = 4;
const FOREIGN_UPLOADS = 10_000;
const GOAL_LONGEST_TASK_MS = 50;
const GOAL_P95_FRAME_MS = 20;
const ACCOUNT_NAME = 'Bench emulator';

async function bridgeCall<T>(page: Page, run: () => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await run();
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function listJobs(page: Page): Promise<readonly JobSnapshot[]> {
  return bridgeCall(page, () => page.evaluate(() => (window as unknown as UploaderWindow).uploader.uploads.list()));
}

/** Phase 1: four 2,500-part uploads with the uploads view and one part map open. */
async function measureUploads(page: Page, filesDir: string): Promise<FrameFigures> {
  await bridgeCall(page, () =>
    page.evaluate((partSizeBytes) => (window as unknown as UploaderWindow).uploader.settings.update({ partSizeBytes, maxFiles: 4 }), PART_BYTES),
  );
  const names = Array.from({ length: FILES }, (_, index) => `bench-${index + 1}.bin`);
  const paths = names.map((name) => path.join(filesDir, name));
  console.log(`Writing ${FILES} files of ${PARTS_PER_FILE} × 100 KiB…`);
  for (const [index, file] of paths.entries()) await writeLargeSeededFile(file, PART_BYTES * PARTS_PER_FILE, 900 + index);

  await startFrameRecording(page);
  const started = Date.now();
  await dropFiles(page, paths);
  // Open the part map of the first job as soon as its row exists (Enter on the row, as the list documents).
  const firstRow = page.getByRole('list', { name: 'Upload jobs' }).getByRole('listitem', { name: names[0], exact: true });
  await firstRow.waitFor({ timeout: 120_000 });
  await firstRow.focus();
  await firstRow.press('Enter');
  await page.getByRole('grid', { name: 'Part map' }).waitFor({ timeout: 60_000 });
  await waitUntil(
    'the four uploads to complete',
    async () => {
      const jobs = await listJobs(page);
      const failed = jobs.find((job) => job.status === 'failed');
      if (failed !== undefined) throw new Error(`${failed.destination.key} failed: ${failed.error?.message ?? ''}`);
      return jobs.length === FILES && jobs.every((job) => job.status === 'completed');
    },
    30 * 60_000,
  );
  const figures = frameFigures(await stopFrameRecording(page));
  console.log(`Uploads completed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return figures;
}

/** Phase 2: the browser listing 10,000 incomplete uploads, scrolled top to bottom. */
async function measureBrowser(page: Page): Promise<FrameFigures> {
  await page.getByRole('navigation').getByRole('button', { name: 'Incomplete uploads', exact: true }).click();
  const account = page.getByRole('combobox', { name: 'Account', exact: true });
  await account.selectOption({ label: ACCOUNT_NAME });
  const list = page.getByRole('list', { name: 'Incomplete uploads under /' });
  await list.getByRole('listitem').first().waitFor({ timeout: 60_000 });

  await startFrameRecording(page);
  // A user flicking down: one screenful every 50 ms, in the page (no round trip per step), until the end of a list
  // whose status row says every upload is loaded (its data-all-loaded attribute, whatever the language).
  // (No named function inside: tsx would wrap it in a `__name` helper the page does not have.)
  const reachedEnd = await list.evaluate(
    async (element, args) => {
      const deadline = Date.now() + args.timeoutMs;
      while (Date.now() <= deadline) {
        element.scrollTop += element.clientHeight;
        const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
        const loaded = document.querySelector(`[data-all-loaded="${args.expected}"]`) !== null;
        if (atEnd && loaded) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    },
    { expected: String(FOREIGN_UPLOADS), timeoutMs: 10 * 60_000 },
  );
  if (!reachedEnd) throw new Error('The list did not reach its end within 10 minutes');
  return frameFigures(await stopFrameRecording(page));
}

function row(label: string, figures: FrameFigures): string {
  const okTask = figures.longestTaskMs <= GOAL_LONGEST_TASK_MS;
  const okFrame = figures.p95FrameMs < GOAL_P95_FRAME_MS;
  return [
    label.padEnd(44),
    `${(figures.durationMs / 1000).toFixed(1)} s`.padStart(9),
    String(figures.frames).padStart(7),
    `${figures.p95FrameMs.toFixed(1)} ms`.padStart(10),
    `${figures.maxFrameMs.toFixed(0)} ms`.padStart(9),
    `${figures.longestTaskMs.toFixed(0)} ms`.padStart(10),
    String(figures.longTasks).padStart(6),
    `${okTask ? 'met' : 'MISSED'} / ${okFrame ? 'met' : 'MISSED'}`.padStart(16),
  ].join('  ');
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error(INSTALL_HINT);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-ui-harness-'));
  const files = await makeTempDir('bench-ui-files-');
  const emulator = await startExternalEmulator();
  const harness = await startHarnessProcess({ dataDir, port: 0, build: true });
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Uploads', exact: true }).waitFor();
    await bridgeCall(page, () => page.evaluate((draft) => (window as unknown as UploaderWindow).uploader.accounts.add(draft), emulator.accountDraft(ACCOUNT_NAME)));
    const destination = page.getByRole('region', { name: 'Destination' }).getByRole('combobox', { name: 'Account' });
    await destination.locator('option', { hasText: ACCOUNT_NAME }).waitFor({ state: 'attached' });
    await destination.selectOption({ label: ACCOUNT_NAME });

    const uploads = await measureUploads(page, files.path);
    console.log(`Creating ${FOREIGN_UPLOADS.toLocaleString('en-US')} foreign incomplete uploads…`);
    const keys = Array.from({ length: FOREIGN_UPLOADS }, (_, index) => `upload-${String(index).padStart(5, '0')}.dat`);
    await createForeignUploads(emulator.client, emulator.bucket, keys, 0, 32);
    const listing = await measureBrowser(page);

    console.log('\nbench:ui — goals: no long task over 50 ms; p95 frame time under 20 ms\n');
    console.log(
      ['scenario'.padEnd(44), 'duration'.padStart(9), 'frames'.padStart(7), 'p95 frame'.padStart(10), 'max frame'.padStart(9), 'longest task'.padStart(10), 'tasks'.padStart(6), 'task / frame goal'.padStart(16)].join('  '),
    );
    console.log(row(`${FILES} uploads × ${PARTS_PER_FILE} parts, part map open`, uploads));
    console.log(row(`browser: scroll ${FOREIGN_UPLOADS.toLocaleString('en-US')} incomplete uploads`, listing));
    console.log('\n(tasks = long tasks over 50 ms seen by PerformanceObserver; figures, not a pass/fail test)');
  } finally {
    await browser.close();
    await harness.stop();
    await emulator.dispose();
    await files.remove();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
