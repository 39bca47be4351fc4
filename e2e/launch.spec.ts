// Launch (issue 5 "Tests"): the window opens on Uploads with the embedded "Local emulator" account as the destination,
// every screen opens, and nothing is logged as an error or blocked by the Content-Security-Policy on the way.
import { expect, test } from './support/fixtures';
import { listAccounts } from './support/uploader-bridge';

test('opens on Uploads with the Local emulator account, without console errors or CSP violations', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'Uploads', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'Add files' })).toBeEnabled();

  const accounts = await listAccounts(page);
  const local = accounts.find((account) => account.isLocalEmulator);
  expect(local?.name).toBe('Local emulator');
  expect(local?.buckets.length).toBeGreaterThan(0);
  const destination = page.getByRole('region', { name: 'Destination' });
  await expect(destination.getByRole('combobox', { name: 'Account' })).toHaveValue(local?.id ?? '');

  // Every screen renders (each has controls the specs rely on), and the way back to Uploads works.
  await nav.getByRole('button', { name: 'Incomplete uploads' }).click();
  await expect(page.getByRole('heading', { name: 'Incomplete uploads', exact: true })).toBeVisible();
  await nav.getByRole('button', { name: 'Accounts' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Local emulator' }).first()).toBeVisible();
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Transfers' })).toBeVisible();
  await nav.getByRole('button', { name: 'Uploads', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause all' })).toBeVisible();

  expect(app.problems.pageErrors).toEqual([]);
  expect(app.problems.consoleErrors).toEqual([]);
  expect(await app.problems.cspViolations()).toEqual([]);
});
