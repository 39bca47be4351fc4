// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okResult } from '../../../shared/ipc/result';
import type { JobId } from '../../../shared/models/job';
import { createFakeUploader, installUploader, type FakeUploader } from '../../bridge/fake-uploader';
import { useAccountsStore } from '../../state/accounts-store';
import { useDestinationStore } from '../../state/destination-store';
import { resetJobsStore, useJobsStore } from '../../state/jobs-store';
import { useNavigationStore } from '../../state/navigation-store';
import { makeJob } from '../../state/test-jobs';
import { UploadsView } from './uploads-view';
import { makeAccountView } from '../../state/test-accounts';

const ACCOUNT = makeAccountView();

let fake: FakeUploader;
let uninstall: () => void;

function renderView() {
  return render(createElement(UploadsView, { listRect: { width: 1000, height: 600 } }));
}

function dropFiles(files: readonly File[]): void {
  // happy-dom has no DataTransfer constructor for drops; the hook only reads `types` and `files`.
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  act(() => {
    window.dispatchEvent(event);
  });
}

beforeEach(async () => {
  resetJobsStore();
  useAccountsStore.setState({ accounts: [ACCOUNT], loaded: true });
  useDestinationStore.setState({ accountId: 'acc-1', bucket: 'bucket-1', prefix: 'inbox/' });
  fake = createFakeUploader({
    'uploads.list': () => okResult([]),
    'uploads.addPaths': () => okResult({ jobIds: ['j1' as JobId], skipped: [{ path: '/tmp/staged/socket', code: 'NotAFile', message: 'Not a regular file.' }] }),
    'uploads.remove': () => okResult(undefined),
  });
  uninstall = installUploader(fake.api);
  await useJobsStore.getState().load();
});

afterEach(() => {
  cleanup();
  resetJobsStore();
  uninstall();
});

describe('UploadsView', () => {
  it('turns dropped files into paths, then adds them to the chosen destination, and lists what was skipped', async () => {
    fake.answerDrop(() => okResult({ paths: ['/tmp/staged/a.bin', '/tmp/staged/socket'] }));
    const view = renderView();
    dropFiles([new File(['hello'], 'a.bin'), new File([''], 'socket')]);
    await waitFor(() => expect(fake.argsOf('uploads.addPaths')).toHaveLength(1));

    expect(fake.calls.map((call) => call.name)).toEqual(['uploads.list', 'pathsForDroppedFiles', 'uploads.addPaths']);
    const dropped = fake.calls[1];
    expect(dropped?.name === 'pathsForDroppedFiles' ? dropped.args.map((file) => file.name) : []).toEqual(['a.bin', 'socket']);
    expect(fake.argsOf('uploads.addPaths')[0]).toEqual({
      paths: ['/tmp/staged/a.bin', '/tmp/staged/socket'],
      destination: { accountId: 'acc-1', bucket: 'bucket-1', prefix: 'inbox/' },
    });
    expect(await view.findByText('/tmp/staged/socket')).toBeTruthy();
  });

  it('opens the file dialog when the application menu asks, and adds what was picked', async () => {
    fake.answer({ 'desktop.pickFiles': () => okResult({ paths: ['/home/u/report.pdf'] }) });
    renderView();
    act(() => useNavigationStore.getState().requestAdd('files'));
    await waitFor(() => expect(fake.argsOf('uploads.addPaths')).toHaveLength(1));
    expect(fake.argsOf('desktop.pickFiles')).toEqual([{ multiple: true }]);
    expect(fake.argsOf('uploads.addPaths')[0]?.paths).toEqual(['/home/u/report.pdf']);
    expect(useNavigationStore.getState().pendingAdd).toBeUndefined();
  });

  it('does not call addPaths when the dropped files could not be turned into paths', async () => {
    fake.answerDrop(() => ({ ok: false, error: { code: 'PathNotAllowed', message: 'no', retryable: false } }));
    renderView();
    dropFiles([new File(['x'], 'x.bin')]);
    await waitFor(() => expect(fake.calls.map((call) => call.name)).toContain('pathsForDroppedFiles'));
    expect(fake.argsOf('uploads.addPaths')).toEqual([]);
  });

  it('asks keep-or-abort before removing a paused job that holds an upload, and sends the choice', async () => {
    useJobsStore.getState().applyBatch({ jobs: [makeJob('p', { status: 'paused', localPath: '/data/big.iso' })], removedJobIds: [], parts: [] });
    const view = renderView();
    const row = view.getByRole('listitem', { name: 'big.iso' });
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));

    const dialog = await view.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Remove “big.iso”?');
    expect(fake.argsOf('uploads.remove')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep parts on server' }));
    await waitFor(() => expect(fake.argsOf('uploads.remove')).toEqual([{ jobId: 'p', server: 'keep' }]));
    await waitFor(() => expect(view.queryByRole('dialog')).toBeNull());

    fireEvent.click(within(view.getByRole('listitem', { name: 'big.iso' })).getByRole('button', { name: 'Remove' }));
    fireEvent.click(within(await view.findByRole('dialog')).getByRole('button', { name: 'Abort upload' }));
    await waitFor(() => expect(fake.argsOf('uploads.remove')).toEqual([{ jobId: 'p', server: 'keep' }, { jobId: 'p', server: 'abort' }]));
  });

  it('removes a completed job without asking', async () => {
    useJobsStore.getState().applyBatch({ jobs: [makeJob('c', { status: 'completed', localPath: '/data/done.txt' })], removedJobIds: [], parts: [] });
    const view = renderView();
    fireEvent.click(within(view.getByRole('listitem', { name: 'done.txt' })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(fake.argsOf('uploads.remove')).toEqual([{ jobId: 'c', server: 'keep' }]));
    expect(view.queryByRole('dialog')).toBeNull();
  });

  it('points to Accounts when there is no account', () => {
    useAccountsStore.setState({ accounts: [], loaded: true });
    const view = renderView();
    expect(view.getByRole('button', { name: 'Go to Accounts' })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Add files' }).hasAttribute('disabled')).toBe(true);
  });
});
