import { describe, expect, it } from 'vitest';
import type { BrowseUploadsArgs } from '../../../shared/ipc/command-payloads';
import { okResult, errorResult } from '../../../shared/ipc/result';
import type { RemoteUpload, RemoteUploadPage } from '../../../shared/models/remote-upload';
import { createFakeUploader } from '../../bridge/fake-uploader';
import { createIncompleteStore, selectedUploads } from './incomplete-store';
import { uploadRowKey } from './upload-row-key';

function upload(key: string, uploadId = `id-${key}`): RemoteUpload {
  return { key, uploadId, initiated: '2025-01-01T00:00:00.000Z', initiatedMs: Date.UTC(2025, 0, 1), ageMs: 86_400_000 };
}

// Three pages of a bucket root: page 1 has a folder, page 3 repeats it (CommonPrefixes can repeat across pages).
function pagedBucket(): (args: BrowseUploadsArgs) => RemoteUploadPage {
  return (args) => {
    if (args.prefix === 'logs/') return { uploads: [upload('logs/a')], folders: [], nextCursor: undefined };
    switch (args.cursor?.keyMarker) {
      case undefined:
        return { uploads: [upload('a'), upload('b')], folders: ['logs/'], nextCursor: { keyMarker: 'b', uploadIdMarker: 'id-b' } };
      case 'b':
        return { uploads: [upload('c')], folders: [], nextCursor: { keyMarker: 'c', uploadIdMarker: 'id-c' } };
      default:
        return { uploads: [upload('d')], folders: ['logs/', 'tmp/'], nextCursor: undefined };
    }
  };
}

function setup() {
  const bridge = createFakeUploader();
  const page = pagedBucket();
  bridge.answer({ 'incomplete.browse': (args) => okResult(page(args)) });
  const flushes: (() => void)[] = [];
  const store = createIncompleteStore({ api: bridge.api, scheduleStatsFlush: (flush) => flushes.push(flush), statsBatchSize: 2 });
  return { bridge, store, flushes };
}

const location = { accountId: 'acc1', bucket: 'bucket-1', prefix: '' };

describe('incomplete store paging', () => {
  it('loads pages with the previous nextCursor and stops after the last page', async () => {
    const { bridge, store } = setup();
    await store.getState().open(location);
    expect(store.getState().uploads.map((u) => u.key)).toEqual(['a', 'b']);
    expect(store.getState().complete).toBe(false);
    await store.getState().loadMore();
    await store.getState().loadMore();
    await store.getState().loadMore(); // after the last page: no request
    const browses = bridge.argsOf('incomplete.browse');
    expect(browses.map((a) => a.cursor)).toEqual([undefined, { keyMarker: 'b', uploadIdMarker: 'id-b' }, { keyMarker: 'c', uploadIdMarker: 'id-c' }]);
    expect(browses.every((a) => a.delimiter === '/' && a.prefix === '')).toBe(true);
    expect(store.getState().uploads.map((u) => u.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(store.getState().folders).toEqual(['logs/', 'tmp/']);
    expect(store.getState().complete).toBe(true);
  });

  it('does not send a second page request while one is in flight', async () => {
    const { bridge, store } = setup();
    await store.getState().open(location);
    const first = store.getState().loadMore();
    const second = store.getState().loadMore();
    await Promise.all([first, second]);
    expect(bridge.argsOf('incomplete.browse')).toHaveLength(2);
  });

  it('opening a folder resets rows, cursor, selection and stats, and drops answers for the old location', async () => {
    const { bridge, store } = setup();
    await store.getState().open(location);
    store.getState().toggleSelected(upload('a'));
    let release: () => void = () => undefined;
    bridge.answer({
      'incomplete.browse': (args) =>
        args.prefix === 'logs/'
          ? okResult({ uploads: [upload('logs/a')], folders: [], nextCursor: undefined })
          : new Promise((resolve) => {
              release = () => resolve(okResult({ uploads: [upload('late')], folders: [], nextCursor: undefined }));
            }),
    });
    const stale = store.getState().loadMore();
    await store.getState().openPrefix('logs/');
    release();
    await stale;
    const state = store.getState();
    expect(state.location?.prefix).toBe('logs/');
    expect(state.uploads.map((u) => u.key)).toEqual(['logs/a']);
    expect(state.folders).toEqual([]);
    expect(state.selected).toEqual({});
    expect(state.complete).toBe(true);
    const last = bridge.argsOf('incomplete.browse').at(-1);
    expect(last?.prefix).toBe('logs/');
    expect(last?.cursor).toBeUndefined();
  });

  it('keeps the rows and shows the error when a page fails, and refresh starts over', async () => {
    const { bridge, store } = setup();
    await store.getState().open(location);
    bridge.answer({ 'incomplete.browse': () => errorResult({ code: 'AccessDenied', message: 'denied', retryable: false, requestId: 'req-1' }) });
    await store.getState().loadMore();
    expect(store.getState().loadError?.code).toBe('AccessDenied');
    expect(store.getState().uploads).toHaveLength(2);
    const page = pagedBucket();
    bridge.answer({ 'incomplete.browse': (args) => okResult(page(args)) });
    await store.getState().refresh();
    expect(store.getState().loadError).toBeUndefined();
    expect(store.getState().uploads.map((u) => u.key)).toEqual(['a', 'b']);
  });
});

describe('incomplete store stats', () => {
  it('batches the rows asked for, sends each once, and merges answers by row', async () => {
    const { bridge, store, flushes } = setup();
    bridge.answer({
      'incomplete.stats': (args) =>
        okResult(
          args.uploads.map((u) =>
            u.key === 'c'
              ? { ...u, ok: false as const, error: { code: 'NoSuchUpload', message: 'gone', retryable: false } }
              : { ...u, ok: true as const, stats: { partCount: 3, bytesStored: 300 } },
          ),
        ),
    });
    await store.getState().open(location);
    await store.getState().loadMore();
    store.getState().requestStats([upload('a'), upload('b')]);
    store.getState().requestStats([upload('b'), upload('c')]);
    expect(store.getState().stats[uploadRowKey(upload('a'))]).toEqual({ state: 'loading' });
    expect(flushes).toHaveLength(1);
    flushes[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const sent = bridge.argsOf('incomplete.stats');
    // Batch size 2: a, b | c.
    expect(sent.map((a) => a.uploads.map((u) => u.key))).toEqual([['a', 'b'], ['c']]);
    expect(sent[0]).toMatchObject({ accountId: 'acc1', bucket: 'bucket-1' });
    expect(store.getState().stats[uploadRowKey(upload('a'))]).toEqual({ state: 'ready', stats: { partCount: 3, bytesStored: 300 } });
    expect(store.getState().stats[uploadRowKey(upload('c'))]).toMatchObject({ state: 'error', error: { code: 'NoSuchUpload' } });
    store.getState().requestStats([upload('a')]);
    expect(flushes).toHaveLength(1);
  });
});

describe('incomplete store abort and selection', () => {
  it('removes the row when the abort succeeds or the upload is already gone', async () => {
    const { bridge, store } = setup();
    bridge.answer({ 'incomplete.abort': (args) => okResult({ key: args.key, uploadId: args.uploadId, outcome: args.key === 'a' ? 'aborted' : 'alreadyGone' }) });
    await store.getState().open(location);
    store.getState().toggleSelected(upload('a'));
    await store.getState().abortOne(upload('a'));
    await store.getState().abortOne(upload('b'));
    expect(store.getState().uploads).toEqual([]);
    expect(store.getState().selected).toEqual({});
    expect(bridge.argsOf('incomplete.abort')[0]).toEqual({ accountId: 'acc1', bucket: 'bucket-1', key: 'a', uploadId: 'id-a' });
  });

  it('keeps the row with its error when the abort fails', async () => {
    const { bridge, store } = setup();
    await store.getState().open(location);
    bridge.answer({
      'incomplete.abort': (args) =>
        okResult({ ...args, outcome: 'failed' as const, error: { code: 'AccessDenied', message: 'no', requestId: 'r-9' } }),
    });
    await store.getState().abortOne(upload('a'));
    expect(store.getState().uploads.map((u) => u.key)).toEqual(['a', 'b']);
    expect(store.getState().rowErrors[uploadRowKey(upload('a'))]).toMatchObject({ code: 'AccessDenied', requestId: 'r-9' });
    expect(store.getState().aborting).toEqual({});
    bridge.answer({ 'incomplete.abort': () => errorResult({ code: 'IpcUnavailable', message: 'down', retryable: true }) });
    await store.getState().abortOne(upload('b'));
    expect(store.getState().rowErrors[uploadRowKey(upload('b'))]).toMatchObject({ code: 'IpcUnavailable' });
  });

  it('selects all loaded rows, lists them in order, and clears', async () => {
    const { store } = setup();
    await store.getState().open(location);
    store.getState().selectAll(true);
    expect(selectedUploads(store.getState()).map((u) => u.key)).toEqual(['a', 'b']);
    store.getState().toggleSelected(upload('a'));
    expect(selectedUploads(store.getState()).map((u) => u.key)).toEqual(['b']);
    store.getState().selectAll(false);
    expect(selectedUploads(store.getState())).toEqual([]);
  });
});
