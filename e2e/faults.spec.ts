// Faults (issue 6 "Tests and evidence"): the emulator answers the first five UploadPart requests of a file with 503
// and resets a share of the others mid-body; the part map shows a part retrying (its grid cell's description), and the
// job still completes byte for byte. One request at a time, so the five 503s all hit part 1, whose cell is the one
// the part map describes before it is navigated; five back-offs (full jitter, 0.5 s doubling) keep it in "retrying"
// for seconds.
import { chooseDestinationAccount, openJobDetail } from './support/app-ui';
import { dropFiles } from './support/drop-files';
import { expect, test } from './support/fixtures';
import { addAccount, updateSettings, waitForJobStatus } from './support/uploader-bridge';

const KiB = 1024;
const FAILED_ATTEMPTS = 5;
const SEEN_GLOBAL = '__e2eRetryingCells';

test('a part shows retrying in the part map under emulator faults and the job still completes', async ({ app, emulator, files }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await addAccount(page, emulator.accountDraft('External emulator'));
  await chooseDestinationAccount(page, 'External emulator');
  await updateSettings(page, { maxRequests: 1, partSizeBytes: 256 * KiB });
  const source = await files.create('faulty.bin', 16 * 256 * KiB + 999, 31);
  await emulator.failNext({ operation: 'UploadPart', code: 'ServiceUnavailable', status: 503, count: FAILED_ATTEMPTS, keyPrefix: 'faulty.bin' });
  await emulator.setFaults({ seed: 7, resetPartBodyRate: 0.2, resetAfterBytes: 64 * KiB });

  // Every DOM change is looked at (a MutationObserver), so even a short retry window is seen; what the part map's
  // cell said is kept for the assertion.
  await page.evaluate((name) => {
    const seen: string[] = [];
    Object.defineProperty(window, name, { value: seen });
    new MutationObserver(() => {
      for (const cell of Array.from(document.querySelectorAll('[role="grid"] [role="gridcell"]'))) {
        const text = cell.textContent ?? '';
        if (/Retrying/.test(text) && !seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, SEEN_GLOBAL);

  await dropFiles(page, [source]);
  const detail = await openJobDetail(page, 'faulty.bin');
  const grid = detail.getByRole('grid', { name: 'Part map' });
  await grid.focus();
  await expect
    .poll(() => page.evaluate((name) => [...((window as unknown as Record<string, readonly string[]>)[name] ?? [])], SEEN_GLOBAL), {
      timeout: 30_000,
      message: 'a part-map cell should describe a part as retrying',
    })
    .toContainEqual(expect.stringMatching(/^Part 1: Retrying, attempt \d+$/));

  const job = await waitForJobStatus(page, 'faulty.bin', ['completed'], 90_000);
  expect(job.retries).toBeGreaterThanOrEqual(FAILED_ATTEMPTS);
  await expect(detail).toContainText(`Parts ${job.partCount} of ${job.partCount}`);
  expect(emulator.running.stats().faultsInjected.failNext).toBe(FAILED_ATTEMPTS);
  expect(await emulator.compareWithFile(job.destination.key, source)).toMatchObject({ equal: true });
});
