import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { buildBridgeApi } from '../../../shared/ipc/build-bridge-api';
import { startTestHarness, type TestHarness } from '../test-support/start-test-harness';
import { openWsSocket, readPageToken, socketUrl } from '../test-support/ws-test-client';
import { createHarnessSocketClient, type HarnessSocketClient } from './harness-socket-client';

describe('harness socket client (the page’s end, run over `ws` against the real harness)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function started(): Promise<{ harness: TestHarness; client: HarnessSocketClient }> {
    const harness = await startTestHarness();
    cleanups.push(() => harness.dispose());
    const token = await readPageToken(harness.url);
    const client = createHarnessSocketClient({
      url: socketUrl(harness.url, token),
      openSocket: openWsSocket(harness.url),
      reconnectDelaysMs: [20],
    });
    cleanups.push(() => client.close());
    return { harness, client };
  }

  it('queues calls made before the socket opens and answers them by id', async () => {
    const { client } = await started();
    const [list, storage] = await Promise.all([client.call('accounts.list', undefined), client.call('accounts.secretStorage', undefined)]);
    expect(list).toEqual({ ok: true, value: [] });
    expect(storage).toEqual({ ok: true, value: expect.objectContaining({ kind: 'plaintext-file' }) });
  });

  it('delivers pushed events through the bridge API', async () => {
    const { harness, client } = await started();
    const api = buildBridgeApi({ invoke: (name, args) => client.call(name, args), subscribe: (l) => client.subscribe(l), pathsForDroppedFiles: () => Promise.reject(new Error('unused')) });
    await client.call('accounts.list', undefined); // connected
    const received = new Promise((resolve) => api.on('settings.changed', resolve));
    harness.core.events.publish('settings.changed', harness.core.settings());
    expect(await received).toEqual(harness.core.settings());
  });

  it('fails in-flight calls when the connection drops (IpcUnavailable through the bridge), then reconnects', async () => {
    const harness = await startTestHarness();
    cleanups.push(() => harness.dispose());
    const token = await readPageToken(harness.url);
    const sockets: WebSocket[] = [];
    const open = openWsSocket(harness.url, (socket) => sockets.push(socket));
    const client = createHarnessSocketClient({ url: socketUrl(harness.url, token), openSocket: open, reconnectDelaysMs: [20] });
    cleanups.push(() => client.close());
    const api = buildBridgeApi({ invoke: (name, args) => client.call(name, args), subscribe: (l) => client.subscribe(l), pathsForDroppedFiles: () => Promise.reject(new Error('unused')) });
    expect((await api.accounts.list()).ok).toBe(true);

    const inFlight = api.settings.get();
    sockets[0]?.terminate(); // the connection dies before the answer can arrive
    expect(await inFlight).toEqual({ ok: false, error: expect.objectContaining({ code: 'IpcUnavailable', retryable: true }) });

    // The client reconnects on its own; the next call goes through on a new socket.
    expect((await api.accounts.list()).ok).toBe(true);
    expect(sockets.length).toBe(2);
  });

  it('fails a call that waits for a connection that never comes (a refused token)', async () => {
    const harness = await startTestHarness();
    cleanups.push(() => harness.dispose());
    const client = createHarnessSocketClient({
      url: socketUrl(harness.url, 'wrong-token'),
      openSocket: openWsSocket(harness.url),
      reconnectDelaysMs: [20],
      connectWaitMs: 200,
    });
    cleanups.push(() => client.close());
    await expect(client.call('accounts.list', undefined)).rejects.toThrow('did not connect');
  });
});
