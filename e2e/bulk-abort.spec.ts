// Bulk abort by age under a prefix (issue 6 "Tests and evidence"): 300 foreign incomplete uploads under a/ and b/,
// the a/ ones back-dated by 10 days through the emulator's admin route; "Abort all older than 7 days" under a/ shows
// its dry run first (150 uploads, nothing aborted yet), then aborts exactly those: b/ is untouched.
import { browserList, chooseBrowserAccount, openScreen } from './support/app-ui';
import { expect, test } from './support/fixtures';
import { createForeignUploads } from './support/foreign-uploads';
import { addAccount } from './support/uploader-bridge';

const DAY_MS = 24 * 60 * 60 * 1000;
const PER_PREFIX = 150;

test('bulk-aborts the uploads older than 7 days under a/ after a dry run, leaving b/ intact', async ({ app, emulator }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const keys = (prefix: string) => Array.from({ length: PER_PREFIX }, (_, i) => `${prefix}/part-${String(i).padStart(3, '0')}.dat`);
  const uploadsA = await createForeignUploads(emulator.client, emulator.bucket, keys('a'));
  const uploadsB = await createForeignUploads(emulator.client, emulator.bucket, keys('b'));
  const tenDaysAgo = Date.now() - 10 * DAY_MS;
  for (const upload of uploadsA) await emulator.setUploadInitiated(upload.uploadId, tenDaysAgo);

  await addAccount(page, emulator.accountDraft('External emulator'));
  await openScreen(page, 'Incomplete uploads');
  await chooseBrowserAccount(page, 'External emulator');
  await expect(browserList(page).getByRole('button', { name: 'b/', exact: true })).toBeVisible();
  await browserList(page).getByRole('button', { name: 'a/', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Incomplete uploads under a/' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Older than (days)' }).fill('7');
  await page.getByRole('button', { name: 'List matching uploads' }).click();
  const panel = page.getByRole('region', { name: 'Bulk abort' });
  await expect(panel.getByRole('heading', { name: 'Uploads that would be aborted' })).toBeVisible();
  await expect(panel.getByRole('status')).toContainText(`${PER_PREFIX} uploads`);
  // A dry run aborts nothing.
  expect(await emulator.listUploads('a/')).toHaveLength(PER_PREFIX);

  await panel.getByRole('button', { name: `Abort ${PER_PREFIX} uploads` }).click();
  // The finished heading is also the panel's status line (role="status").
  await expect(panel.getByRole('status')).toHaveText('Bulk abort finished', { timeout: 60_000 });
  await expect(panel).toContainText(`${PER_PREFIX} aborted, 0 already gone, 0 failed`);

  expect(await emulator.listUploads('a/')).toEqual([]);
  const remaining = await emulator.listUploads('b/');
  expect(remaining.map((upload) => upload.uploadId).sort()).toEqual(uploadsB.map((upload) => upload.uploadId).sort());
});
