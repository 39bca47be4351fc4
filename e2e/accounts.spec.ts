// Accounts (issue 5 item 3 and "Secrets"; issue 6 item 5): the external emulator is added through the Accounts form,
// "Test connection" passes every check, an upload with it works, and its secret never comes back: not in
// accounts.list, not in the DOM or any input, not in anything the harness sent the page over its WebSocket, and not in
// any file the app wrote except its secret store.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chooseDestinationAccount, openScreen } from './support/app-ui';
import { dropFiles } from './support/drop-files';
import { E2E_CREDENTIALS } from './support/external-emulator';
import { expect, test } from './support/fixtures';
import { listAccounts, waitForJobStatus } from './support/uploader-bridge';

const SECRET = E2E_CREDENTIALS.accessKeySecret;
/** The secret store's file (harness: secrets.PLAINTEXT-harness-only.json; Electron: its safeStorage file). */
const SECRET_STORE_FILE = /secret/i;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test('adds the emulator through the form, passes Test connection, and never shows the secret', async ({ app, emulator, files }) => {
  const { page } = app;
  const received: string[] = [];
  if (app.target === 'harness') {
    // Everything the harness pushes to the page (answers and events) from a fresh load on.
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
    await page.reload();
  }

  await openScreen(page, 'Accounts');
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Name', { exact: true }).fill('Form emulator');
  await form.getByLabel('Endpoint', { exact: true }).fill(emulator.url);
  await form.getByLabel('Region', { exact: true }).fill('cn-hangzhou');
  await form.getByLabel('Buckets', { exact: true }).fill(emulator.bucket);
  await form.getByLabel('Signature', { exact: true }).selectOption('v4');
  await form.getByLabel('Addressing', { exact: true }).selectOption('path-style');
  await form.getByLabel('AccessKey ID', { exact: true }).fill(E2E_CREDENTIALS.accessKeyId);
  await form.getByLabel('AccessKey secret', { exact: true }).fill(SECRET);

  await form.getByRole('button', { name: 'Test connection' }).click();
  const report = form.getByRole('region', { name: 'Connection test' });
  await expect(report.getByRole('status')).toHaveText('All checks passed.');
  const checks = report.getByRole('listitem');
  await expect(checks).toHaveCount(5);
  for (const check of await checks.all()) await expect(check).toContainText('Passed');
  for (const name of ['Endpoint reachable', 'AccessKey accepted', 'Clock in sync with the server', `Bucket ${emulator.bucket} exists`, `Can list incomplete uploads in ${emulator.bucket}`]) {
    await expect(report).toContainText(name);
  }

  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: 'Form emulator' })).toBeVisible();

  // It works: an upload with the new account.
  await openScreen(page, 'Uploads');
  await chooseDestinationAccount(page, 'Form emulator');
  const source = await files.create('with-form-account.bin', 300_000, 51);
  await dropFiles(page, [source]);
  const job = await waitForJobStatus(page, 'with-form-account.bin', ['completed']);
  expect(await emulator.compareWithFile(job.destination.key, source)).toMatchObject({ equal: true });

  // What the page can see.
  const accounts = await listAccounts(page);
  const added = accounts.find((account) => account.name === 'Form emulator');
  expect(added).toMatchObject({ hasSecret: true, endpoint: emulator.url, buckets: [emulator.bucket] });
  expect(added?.maskedAccessKeyId).not.toBe(E2E_CREDENTIALS.accessKeyId);
  expect(JSON.stringify(accounts)).not.toContain(SECRET);
  for (const screen of ['Accounts', 'Settings', 'Incomplete uploads', 'Uploads'] as const) {
    await openScreen(page, screen);
    const visible = await page.evaluate(() => [
      document.documentElement.outerHTML,
      document.body.innerText,
      ...Array.from(document.querySelectorAll('input, textarea')).map((field) => (field as HTMLInputElement).value),
    ]);
    for (const text of visible) expect(text, `page text on ${screen}`).not.toContain(SECRET);
  }
  if (app.target === 'harness') {
    expect(received.length).toBeGreaterThan(0);
    for (const payload of received) expect(payload).not.toContain(SECRET);
  }

  // What the app wrote: only its secret store may hold the secret (issue 5 "Secrets": logs and non-secret files).
  const written = await filesUnder(app.dataDir);
  expect(written.some((file) => SECRET_STORE_FILE.test(path.basename(file)))).toBe(true);
  for (const file of written) {
    if (SECRET_STORE_FILE.test(path.basename(file)) || file.includes(`${path.sep}staging${path.sep}`)) continue;
    expect((await readFile(file)).includes(SECRET), `${path.relative(app.dataDir, file)} must not contain the secret`).toBe(false);
  }
});
