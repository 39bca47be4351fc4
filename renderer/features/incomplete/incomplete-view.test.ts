// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { okResult } from '../../../shared/ipc/result';
import type { JobId } from '../../../shared/models/job';
import type { RemoteUpload } from '../../../shared/models/remote-upload';
import { useAccountsStore } from '../../state/accounts-store';
import { createFakeUploader } from '../../bridge/fake-uploader';
import { createIncompleteStores, IncompleteStoresContext } from './incomplete-stores';
import { IncompleteView } from './incomplete-view';
import { makeAccountView } from '../../state/test-accounts';

const account = makeAccountView({ id: 'acc1' });

function upload(key: string, ownedByJobId?: string): RemoteUpload {
  return {
    key,
    uploadId: `0123456789abcdef-${key}`,
    initiated: '2025-01-01T00:00:00.000Z',
    initiatedMs: Date.UTC(2025, 0, 1),
    ageMs: 40 * 86_400_000,
    // A test id; the brand only marks ids that came from main.
    ...(ownedByJobId === undefined ? {} : { ownedByJobId: ownedByJobId as JobId }),
  };
}

function setup(uploads: RemoteUpload[]) {
  const bridge = createFakeUploader({
    'incomplete.browse': () => okResult({ uploads, folders: ['logs/'], nextCursor: undefined }),
    'incomplete.stats': (args) => okResult(args.uploads.map((u) => ({ ...u, ok: true as const, stats: { partCount: 3, bytesStored: 3 * 1024 * 1024 } }))),
    'incomplete.abort': (args) => okResult({ key: args.key, uploadId: args.uploadId, outcome: 'aborted' as const }),
  });
  let id = 0;
  const stores = createIncompleteStores(bridge.api, () => `op-${++id}`);
  useAccountsStore.setState({ accounts: [account], loaded: true });
  render(createElement(IncompleteStoresContext.Provider, { value: stores }, createElement(IncompleteView)));
  return { bridge, stores };
}

// happy-dom has no layout: give every element a size so the virtualized list renders its rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

afterEach(() => cleanup());

describe('IncompleteView', () => {
  it('lists uploads with the ownership marker and lazily filled stats', async () => {
    setup([upload('video.mp4', 'job-1'), upload('foreign.bin')]);
    const row = await screen.findByRole('listitem', { name: 'video.mp4' });
    expect(within(row).getByText('This app')).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Open folder logs' })).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('3.00 MiB')).toBeTruthy(), { timeout: 2000 });
    // The whole listing is in: the status row says so in words and in the attribute bench/ui.ts waits for.
    expect(document.querySelector('[data-all-loaded="2"]')?.textContent).toBe('All 2 uploads loaded');
  });

  it('aborts one upload after a confirmation that names its key and size, and removes the row', async () => {
    const { bridge } = setup([upload('video.mp4'), upload('other.bin')]);
    const row = await screen.findByRole('listitem', { name: 'video.mp4' });
    await waitFor(() => expect(within(row).getByText('3.00 MiB')).toBeTruthy(), { timeout: 2000 });
    fireEvent.click(within(row).getByRole('button', { name: 'Abort' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('video.mp4');
    expect(dialog.textContent).toContain('3.00 MiB');
    expect(bridge.argsOf('incomplete.abort')).toEqual([]);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Abort upload' }));
    });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'video.mp4' })).toBeNull());
    expect(bridge.argsOf('incomplete.abort')).toEqual([{ accountId: 'acc1', bucket: 'bucket-1', key: 'video.mp4', uploadId: '0123456789abcdef-video.mp4' }]);
    expect(screen.getByRole('listitem', { name: 'other.bin' })).toBeTruthy();
  });

  it('runs "older than N days" as a dry run first, then the real run with a fresh operation id', async () => {
    const { bridge } = setup([upload('a.bin'), upload('b.bin')]);
    await screen.findByRole('listitem', { name: 'a.bin' });
    bridge.answer({
      'incomplete.bulkAbort': (args) =>
        args.dryRun
          ? okResult({ dryRun: true as const, targets: [{ key: 'a.bin', uploadId: '0123456789abcdef-a.bin', ageMs: 40 * 86_400_000 }] })
          : okResult({
              dryRun: false as const,
              result: {
                results: [{ key: 'a.bin', uploadId: '0123456789abcdef-a.bin', outcome: 'aborted' as const }],
                canceled: false,
                summary: { total: 1, aborted: 1, alreadyGone: 0, failed: 0, notAttempted: 0 },
              },
            }),
    });
    fireEvent.change(screen.getByLabelText('Older than (days)'), { target: { value: '30' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'List matching uploads' }));
    });
    const confirm = await screen.findByRole('button', { name: 'Abort 1 uploads' });
    expect(bridge.argsOf('incomplete.bulkAbort')).toHaveLength(1);
    expect(bridge.argsOf('incomplete.bulkAbort')[0]).toMatchObject({ dryRun: true, target: { kind: 'filter', filter: { prefix: '', olderThanMs: 30 * 86_400_000 } } });
    await act(async () => {
      fireEvent.click(confirm);
    });
    await screen.findByText('Bulk abort finished');
    const real = bridge.argsOf('incomplete.bulkAbort')[1];
    expect(real).toMatchObject({ dryRun: false, target: { kind: 'selection', uploads: [{ key: 'a.bin' }] } });
    expect(real?.operationId).not.toBe(bridge.argsOf('incomplete.bulkAbort')[0]?.operationId);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'a.bin' })).toBeNull(), { timeout: 2000 });
  });
});
