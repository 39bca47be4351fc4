// Finding the app's controls the way a user (and a screen reader) does: by role and accessible name (issue 6 item 6).
import { expect, type Locator, type Page } from '@playwright/test';

/** The screens of the main navigation. */
export type ScreenName = 'Uploads' | 'Incomplete uploads' | 'Accounts' | 'Settings';

/** Shows a screen through the main navigation. */
export async function openScreen(page: Page, screen: ScreenName): Promise<void> {
  const button = page.getByRole('navigation').getByRole('button', { name: screen, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
}

/** Chooses the account new uploads go to, in the uploads view's destination bar. */
export async function chooseDestinationAccount(page: Page, accountName: string): Promise<void> {
  const select = page.getByRole('region', { name: 'Destination' }).getByRole('combobox', { name: 'Account' });
  await expect(select.locator('option', { hasText: accountName })).toHaveCount(1);
  await select.selectOption({ label: accountName });
}

/** The row of the job uploading file `name` in the uploads view. */
export function jobRow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Upload jobs' }).getByRole('listitem', { name, exact: true });
}

/** A button of a job row ("Pause", "Resume", "Cancel", …). */
export function jobButton(page: Page, name: string, action: string): Locator {
  return jobRow(page, name).getByRole('group', { name: `Actions for ${name}` }).getByRole('button', { name: action, exact: true });
}

/** Opens the job's detail panel (its part map) from the keyboard, as the list documents: focus the row, Enter. */
export async function openJobDetail(page: Page, name: string): Promise<Locator> {
  const row = jobRow(page, name);
  await row.focus();
  await row.press('Enter');
  const detail = page.getByRole('region', { name: 'Upload details' });
  await expect(detail.getByRole('heading', { name })).toBeVisible();
  return detail;
}

/** Chooses account (and its first bucket) in the incomplete-uploads browser. */
export async function chooseBrowserAccount(page: Page, accountName: string): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Account', exact: true });
  await expect(select.locator('option', { hasText: accountName })).toHaveCount(1);
  await select.selectOption({ label: accountName });
}

/** The incomplete-uploads browser's list under the prefix shown. */
export function browserList(page: Page): Locator {
  return page.getByRole('list', { name: /^Incomplete uploads under / });
}
