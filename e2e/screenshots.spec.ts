// Screenshots for the README (issue 6 "Tests and evidence"): the uploads view with a part map open, the
// incomplete-uploads browser and the settings, each in light and dark (the theme follows the system: emulated here).
// Written to e2e/screenshots/tmp/ (git-ignored) on every run, and to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { browserList, chooseBrowserAccount, chooseDestinationAccount, jobButton, jobRow, openJobDetail, openScreen } from './support/app-ui';
import { dropFiles } from './support/drop-files';
import { expect, test } from './support/fixtures';
import { createForeignUploads } from './support/foreign-uploads';
import { PROJECT_ROOT } from './support/harness-process';
import { DEFAULT_SETTINGS } from '../shared/ipc/app-settings';
import { addAccount, updateSettings, waitForJobBytes, waitForJobStatus } from './support/uploader-bridge';

const KiB = 1024;
const MiB = 1024 * KiB;
const DAY_MS = 24 * 60 * 60 * 1000;
const SCHEMES = ['light', 'dark'] as const;

const outputDir =
  process.env.UPDATE_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : path.join(PROJECT_ROOT, 'e2e', 'screenshots', 'tmp');

async function shoot(page: Page, name: string, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  // The part map repaints on the next animation frame after the scheme flips.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: path.join(outputDir, `${name}-${scheme}.png`), animations: 'disabled', caret: 'hide' });
}

test('screenshots of the uploads view, the incomplete-uploads browser and settings, light and dark', async ({ app, emulator, files }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await mkdir(outputDir, { recursive: true });
  await addAccount(page, emulator.accountDraft('Hangzhou archive'));
  await chooseDestinationAccount(page, 'Hangzhou archive');
  await updateSettings(page, { partSizeBytes: 256 * KiB, bandwidthBytesPerSecond: 6 * MiB });

  // Something to show: finished uploads, and one paused half-way so its part map has done and pending parts.
  const done = [
    await files.create('invoice-2024-03.pdf', 420 * KiB, 61),
    await files.create('site-photos.zip', 3 * MiB + 12_345, 62),
  ];
  const big = await files.create('db-backup-2024-03-31.tar', 40 * MiB, 63);
  await dropFiles(page, [...done, big]);
  for (const file of done) await waitForJobStatus(page, path.basename(file), ['completed']);
  await waitForJobBytes(page, 'db-backup-2024-03-31.tar', 14 * MiB);
  await jobButton(page, 'db-backup-2024-03-31.tar', 'Pause').click();
  await expect(jobRow(page, 'db-backup-2024-03-31.tar')).toContainText('Paused');
  await updateSettings(page, { bandwidthBytesPerSecond: 0 });

  const foreign = await createForeignUploads(emulator.client, emulator.bucket, [
    'logs/2024/03/app-01.log.gz',
    'logs/2024/03/app-02.log.gz',
    'media/raw/interview-take-3.mov',
    'media/raw/interview-take-4.mov',
    'exports/customers-full.csv',
    'exports/orders-2023.parquet',
  ], 200 * KiB);
  for (const [index, upload] of foreign.entries()) await emulator.setUploadInitiated(upload.uploadId, Date.now() - (index * 9 + 2) * DAY_MS);

  await openJobDetail(page, 'db-backup-2024-03-31.tar');
  await expect(page.getByRole('grid', { name: 'Part map' })).toBeVisible();
  for (const scheme of SCHEMES) await shoot(page, 'uploads', scheme);

  await openScreen(page, 'Incomplete uploads');
  await chooseBrowserAccount(page, 'Hangzhou archive');
  await browserList(page).getByRole('button', { name: 'exports/', exact: true }).waitFor();
  await browserList(page).getByRole('button', { name: 'exports/', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Incomplete uploads under exports/' }).getByRole('listitem', { name: 'exports/customers-full.csv' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: emulator.bucket }).click();
  await expect(browserList(page).getByRole('listitem', { name: 'db-backup-2024-03-31.tar' })).toContainText('This app');
  await expect(browserList(page)).not.toContainText('Counting…');
  for (const scheme of SCHEMES) await shoot(page, 'incomplete-uploads', scheme);

  // The settings as a new user sees them, not the test's small parts.
  await updateSettings(page, { partSizeBytes: DEFAULT_SETTINGS.partSizeBytes, maxRequests: DEFAULT_SETTINGS.maxRequests });
  await openScreen(page, 'Settings');
  await expect(page.getByRole('form', { name: 'Transfers' })).toBeVisible();
  for (const scheme of SCHEMES) await shoot(page, 'settings', scheme);
});
