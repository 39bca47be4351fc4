// Pause and resume, then abort from the incomplete-uploads browser (issue 5 "Tests", issue 6 "Tests and evidence"):
// two uploads are slowed down by the app's bandwidth limit so they can be caught mid-way; both are paused, one is
// resumed and completes byte for byte, the other shows up in "Incomplete uploads" as owned by this app and is aborted
// there: gone from the server, and its job canceled.
import { browserList, chooseBrowserAccount, chooseDestinationAccount, jobButton, jobRow, openScreen } from './support/app-ui';
import { dropFiles } from './support/drop-files';
import { expect, test } from './support/fixtures';
import { addAccount, updateSettings, waitForJobBytes, waitForJobStatus } from './support/uploader-bridge';

const MiB = 1024 * 1024;

test('pause and resume an upload; abort the paused one from Incomplete uploads', async ({ app, emulator, files }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await addAccount(page, emulator.accountDraft('External emulator'));
  await chooseDestinationAccount(page, 'External emulator');
  await updateSettings(page, { partSizeBytes: MiB, bandwidthBytesPerSecond: 4 * MiB });

  const keep = await files.create('resume-me.bin', 24 * MiB + 77, 21);
  const abort = await files.create('abort-me.bin', 24 * MiB, 22);
  await dropFiles(page, [keep, abort]);
  await waitForJobBytes(page, 'resume-me.bin', MiB);
  await waitForJobBytes(page, 'abort-me.bin', MiB);

  await jobButton(page, 'resume-me.bin', 'Pause').click();
  await jobButton(page, 'abort-me.bin', 'Pause').click();
  await expect(jobRow(page, 'resume-me.bin')).toContainText('Paused');
  await expect(jobRow(page, 'abort-me.bin')).toContainText('Paused');
  const paused = await waitForJobStatus(page, 'abort-me.bin', ['paused']);
  expect(paused.bytesDone).toBeLessThan(paused.sizeBytes);

  await updateSettings(page, { bandwidthBytesPerSecond: 0 });
  await jobButton(page, 'resume-me.bin', 'Resume').click();
  const resumed = await waitForJobStatus(page, 'resume-me.bin', ['completed']);
  await expect(jobRow(page, 'resume-me.bin')).toContainText('Completed');
  expect(await emulator.compareWithFile(resumed.destination.key, keep)).toMatchObject({ equal: true });

  // The paused upload, as the server lists it, owned by this app.
  await openScreen(page, 'Incomplete uploads');
  await chooseBrowserAccount(page, 'External emulator');
  const row = browserList(page).getByRole('listitem', { name: paused.destination.key, exact: true });
  await expect(row).toBeVisible();
  await expect(row).toContainText('This app');
  await expect(browserList(page).getByRole('listitem', { name: resumed.destination.key, exact: true })).toHaveCount(0);

  await row.getByRole('button', { name: 'Abort', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Abort this upload?' });
  await expect(dialog).toContainText(paused.destination.key);
  await dialog.getByRole('button', { name: 'Abort upload' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  expect(await emulator.listUploads()).toEqual([]);

  await openScreen(page, 'Uploads');
  await waitForJobStatus(page, 'abort-me.bin', ['canceled'], 30_000);
  await expect(jobRow(page, 'abort-me.bin')).toContainText('Canceled');
});
