// Drop and upload (issue 5 "Tests", issue 6 "Tests and evidence"): three files dropped onto the window, one of
// 300 MiB, all complete and the stored objects match their sources byte for byte.
import { chooseDestinationAccount, jobRow } from './support/app-ui';
import { dropFiles } from './support/drop-files';
import { expect, test } from './support/fixtures';
import { addAccount, waitForJobStatus } from './support/uploader-bridge';

const MiB = 1024 * 1024;

test('three dropped files, one of 300 MiB, all complete and match byte for byte', async ({ app, emulator, files }) => {
  test.setTimeout(300_000);
  const { page } = app;
  await addAccount(page, emulator.accountDraft('External emulator'));
  await chooseDestinationAccount(page, 'External emulator');

  const sources = [
    { name: 'big-300MiB.bin', path: await files.create('big-300MiB.bin', 300 * MiB, 11) },
    // Not a multiple of any part size: the last part is short.
    { name: 'medium.bin', path: await files.create('medium.bin', 17 * MiB + 4321, 12) },
    { name: 'small.txt', path: await files.create('small.txt', 9_999, 13) },
  ];
  await dropFiles(page, sources.map((source) => source.path));

  for (const source of sources) await expect(jobRow(page, source.name)).toBeVisible();
  for (const source of sources) {
    const job = await waitForJobStatus(page, source.name, ['completed'], 240_000);
    await expect(jobRow(page, source.name)).toContainText('Completed');
    expect(job.destination.bucket).toBe(emulator.bucket);
    const comparison = await emulator.compareWithFile(job.destination.key, source.path);
    expect(comparison, `${source.name} on the emulator`).toMatchObject({ equal: true, objectBytes: comparison.fileBytes });
  }
  expect(await emulator.listUploads()).toEqual([]);
});
