import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBridgeApi } from '../../../shared/ipc/build-bridge-api';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { JobId } from '../../../shared/models/job';
import { startTestHarness, type TestHarness } from '../test-support/start-test-harness';
import { openWsSocket, readPageToken, socketUrl } from '../test-support/ws-test-client';
import { createHarnessTransport, type ChosenFile } from './create-harness-transport';
import { createHarnessSocketClient, type HarnessSocketClient } from './harness-socket-client';

const DESTINATION = { accountId: 'no-such-account', bucket: 'some-bucket', prefix: '' };

describe('harness transport (pick, drop and stage, against the real harness)', () => {
  let harness: TestHarness;
  let client: HarnessSocketClient;
  let token: string;
  let nextChoice: readonly ChosenFile[] = [];
  let lastPicker: { multiple: boolean; directory: boolean } | undefined;
  let api: BridgeApi;

  beforeAll(async () => {
    harness = await startTestHarness();
    token = await readPageToken(harness.url);
    client = createHarnessSocketClient({ url: socketUrl(harness.url, token), openSocket: openWsSocket(harness.url) });
    api = buildBridgeApi(
      createHarnessTransport({
        client,
        staging: { origin: harness.url, token, fetch },
        chooseFiles: (options) => {
          lastPicker = { ...options };
          return Promise.resolve(nextChoice);
        },
      }),
    );
  });
  afterAll(async () => {
    client.close();
    await harness.dispose();
  });

  it('"Add files…" stages the chosen files and answers granted paths that uploads.addPaths accepts', async () => {
    nextChoice = [
      { blob: new Blob(['first']), name: 'one.txt', relativePath: 'one.txt' },
      { blob: new Blob(['second file']), name: 'two.txt', relativePath: 'two.txt' },
    ];
    const picked = await api.desktop.pickFiles({ multiple: true });
    expect(lastPicker).toEqual({ multiple: true, directory: false });
    if (!picked.ok) throw new Error(picked.error.message);
    expect(picked.value.paths.map((p) => path.basename(p))).toEqual(['one.txt', 'two.txt']);
    expect(await readFile(picked.value.paths[1] ?? '', 'utf8')).toBe('second file');
    // Past the path check (PathNotAllowed would come first): the refusal is about the made-up account.
    const added = await api.uploads.addPaths({ paths: picked.value.paths, destination: DESTINATION });
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.code).not.toBe('PathNotAllowed');
  });

  it('"Add folder…" stages the tree with its relative paths and answers the staged folder', async () => {
    nextChoice = [
      { blob: new Blob(['a']), name: 'a.txt', relativePath: 'trip/a.txt' },
      { blob: new Blob(['b']), name: 'b.txt', relativePath: 'trip/day 2/b.txt' },
    ];
    const picked = await api.desktop.pickFolder();
    expect(lastPicker).toEqual({ multiple: true, directory: true });
    if (!picked.ok) throw new Error(picked.error.message);
    expect(picked.value.paths).toHaveLength(1);
    const folder = picked.value.paths[0] ?? '';
    expect(path.basename(folder)).toBe('trip');
    expect(await readFile(path.join(folder, 'day 2', 'b.txt'), 'utf8')).toBe('b');
    expect(harness.core.pathGrants.isGranted(path.join(folder, 'day 2', 'b.txt'))).toBe(true);
  });

  it('answers a canceled picker with no paths, and validates the picker’s arguments like main does', async () => {
    nextChoice = [];
    expect(await api.desktop.pickFiles({ multiple: false })).toEqual({ ok: true, value: { paths: [] } });
    expect(await api.desktop.pickFolder()).toEqual({ ok: true, value: { paths: [] } });
    const bad = await api.desktop.pickFiles({ multiple: 'yes' } as unknown as { multiple: boolean });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'ValidationFailed' }) });
  });

  it('stages dropped files, and refuses a drop holding something that is not a readable file', async () => {
    const dropped = await api.pathsForDroppedFiles([new File(['dropped bytes'], 'dropped.bin')]);
    if (!dropped.ok) throw new Error(dropped.error.message);
    expect(await readFile(dropped.value.paths[0] ?? '', 'utf8')).toBe('dropped bytes');
    const folder = await api.pathsForDroppedFiles([new File(['x'], 'fine.txt'), { name: 'a folder', size: 4096 }]);
    expect(folder).toEqual({ ok: false, error: expect.objectContaining({ code: 'NotSupportedInBrowser' }) });
    if (!folder.ok) expect(folder.error.message).toContain('“a folder”');
  });

  it('turns a refused staging request into the server’s error', async () => {
    const refused = await api.pathsForDroppedFiles([new File(['x'], '..')]);
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'ValidationFailed' }) });
  });

  it('copies a link in the page too when main answers desktop.copyLink', async () => {
    const copied: string[] = [];
    const fakeClient: HarnessSocketClient = {
      call: () => Promise.resolve({ ok: true, value: { url: 'https://bucket.example/key' } }),
      subscribe: () => () => undefined,
      close: () => undefined,
    };
    const local = buildBridgeApi(
      createHarnessTransport({
        client: fakeClient,
        staging: { origin: harness.url, token, fetch },
        chooseFiles: () => Promise.resolve([]),
        copyToClipboard: (text) => {
          copied.push(text);
          return Promise.reject(new Error('clipboard denied')); // ignored: main has copied it already
        },
      }),
    );
    expect(await local.desktop.copyLink({ jobId: 'job-1' as JobId })).toEqual({ ok: true, value: { url: 'https://bucket.example/key' } });
    expect(copied).toEqual(['https://bucket.example/key']);
  });
});
