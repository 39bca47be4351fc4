// Calls into `window.uploader` from a spec (page.evaluate), for set-up and for reading state the UI shows in words:
// adding the external emulator as an account, changing settings, listing jobs. What a spec checks about the UI itself
// goes through roles and names instead.
import { expect, type Page } from '@playwright/test';
import type { AppSettingsPatch } from '../../shared/ipc/app-settings';
import type { BridgeApi } from '../../shared/ipc/contract';
import type { AccountDraft, AccountView } from '../../shared/models/account';
import type { JobSnapshot, JobStatus } from '../../shared/models/job';

/** The page's window with the bridge (renderer/bridge/global.d.ts declares the same for the renderer). */
export type UploaderWindow = Window & { readonly uploader: BridgeApi };

/** Adds an account through the bridge; resolves with it. */
export async function addAccount(page: Page, draft: AccountDraft): Promise<AccountView> {
  const result = await page.evaluate((value) => (window as unknown as UploaderWindow).uploader.accounts.add(value), draft);
  if (!result.ok) throw new Error(`accounts.add failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Every account, as the page sees them. */
export async function listAccounts(page: Page): Promise<readonly AccountView[]> {
  const result = await page.evaluate(() => (window as unknown as UploaderWindow).uploader.accounts.list());
  if (!result.ok) throw new Error(`accounts.list failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Changes settings through the bridge. */
export async function updateSettings(page: Page, patch: AppSettingsPatch): Promise<void> {
  const result = await page.evaluate((value) => (window as unknown as UploaderWindow).uploader.settings.update(value), patch);
  if (!result.ok) throw new Error(`settings.update failed: ${result.error.code} ${result.error.message}`);
}

/** Every job. */
export async function listJobs(page: Page): Promise<readonly JobSnapshot[]> {
  const result = await page.evaluate(() => (window as unknown as UploaderWindow).uploader.uploads.list());
  if (!result.ok) throw new Error(`uploads.list failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The job whose local file is named `name` (staged copies keep the name), or undefined. */
export async function jobNamed(page: Page, name: string): Promise<JobSnapshot | undefined> {
  return (await listJobs(page)).find((job) => job.destination.key.endsWith(name));
}

/** Waits until the job of `name` has one of `statuses`; fails early when it fails. Resolves with the job. */
export async function waitForJobStatus(page: Page, name: string, statuses: readonly JobStatus[], timeoutMs = 120_000): Promise<JobSnapshot> {
  let last: JobSnapshot | undefined;
  await expect
    .poll(
      async () => {
        last = await jobNamed(page, name);
        if (last?.status === 'failed' && !statuses.includes('failed')) {
          throw new Error(`job ${name} failed: ${last.error?.code ?? ''} ${last.error?.message ?? ''}`);
        }
        return last?.status;
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000], message: `job ${name} should reach ${statuses.join('/')}` },
    )
    .toEqual(expect.stringMatching(new RegExp(`^(${statuses.join('|')})$`)));
  if (last === undefined) throw new Error(`job ${name} vanished`);
  return last;
}

/** Waits until the job of `name` has sent at least `bytes`. */
export async function waitForJobBytes(page: Page, name: string, bytes: number, timeoutMs = 60_000): Promise<void> {
  await expect
    .poll(async () => (await jobNamed(page, name))?.bytesDone ?? 0, { timeout: timeoutMs, intervals: [100, 250, 500], message: `job ${name} should send ${bytes} bytes` })
    .toBeGreaterThanOrEqual(bytes);
}
