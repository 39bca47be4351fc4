// Restart mid-upload (issue 6 "Tests and evidence"): the harness is killed (SIGKILL: nothing flushed) while a slowed
// upload runs, started again on the same port and data folder; the job comes back (paused: onStart defaults to
// "paused"), is resumed from its row and finishes byte for byte.
import { chooseDestinationAccount, jobButton, jobRow } from './support/app-ui';
import { dropFiles } from './support/drop-files';
import { expect, test } from './support/fixtures';
import { addAccount, updateSettings, waitForJobBytes, waitForJobStatus } from './support/uploader-bridge';

const MiB = 1024 * 1024;

test('a job interrupted by a crash comes back after the restart and finishes', async ({ app, emulator, files }) => {
  test.skip(!app.canRestart, 'The Electron fixture cannot kill and relaunch the app mid-test');
  test.setTimeout(150_000);
  const { page } = app;
  await addAccount(page, emulator.accountDraft('External emulator'));
  await chooseDestinationAccount(page, 'External emulator');
  await updateSettings(page, { partSizeBytes: MiB, bandwidthBytesPerSecond: 3 * MiB });
  const source = await files.create('survivor.bin', 24 * MiB + 5, 41);
  await dropFiles(page, [source]);
  await waitForJobBytes(page, 'survivor.bin', 3 * MiB);
  const before = await waitForJobStatus(page, 'survivor.bin', ['uploading']);

  await app.restart({ crash: true });

  await expect(jobRow(page, 'survivor.bin')).toContainText('Paused');
  const restored = await waitForJobStatus(page, 'survivor.bin', ['paused']);
  expect(restored.id).toBe(before.id);
  expect(restored.uploadId).toBe(before.uploadId);
  await updateSettings(page, { bandwidthBytesPerSecond: 0 });
  await jobButton(page, 'survivor.bin', 'Resume').click();
  const finished = await waitForJobStatus(page, 'survivor.bin', ['completed']);
  await expect(jobRow(page, 'survivor.bin')).toContainText('Completed');
  expect(await emulator.compareWithFile(finished.destination.key, source)).toMatchObject({ equal: true });
  expect(await emulator.listUploads()).toEqual([]);
});
