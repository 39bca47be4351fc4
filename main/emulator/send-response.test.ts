import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { BandwidthLimiter } from './faults/bandwidth-limiter';
import type { ByteSource, OperationResult } from './ops/operation-context';
import { sendResult } from './send-response';

/** A file body of fixed bytes that counts how often it was closed. */
function countingSource(bytes: Buffer): ByteSource & { closed: number } {
  return {
    closed: 0,
    async *createReadStream(options) {
      yield bytes.subarray(options.start, options.end + 1);
    },
    async close() {
      this.closed += 1;
    },
  };
}

describe('sendResult', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  /** Serves one request with `send`, and returns what sendResult did (resolved or the error it threw). */
  async function serveOnce(
    send: (res: ServerResponse) => Promise<void>,
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<{ outcome: Promise<unknown>; status: number; text: string }> {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    let outcome: Promise<unknown> = Promise.resolve();
    server = createServer((_req, res) => {
      outcome = send(res).then(
        () => 'sent',
        (error: unknown) => {
          res.destroy();
          return error;
        },
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await request(`http://127.0.0.1:${port}/`, { method, reset: true });
      return { outcome, status: answer.statusCode, text: await answer.body.text() };
    } catch {
      return { outcome, status: 0, text: '' };
    }
  }

  const options = { method: 'GET', limiter: new BandwidthLimiter(() => 0), xmlFault: undefined } as const;

  it('streams a file body and closes its reader once', async () => {
    const source = countingSource(Buffer.from('0123456789'));
    const result: OperationResult = { status: 200, body: { kind: 'file', handle: source, start: 2, length: 5 } };
    const served = await serveOnce((res) => sendResult(res, result, options));
    expect(await served.outcome).toBe('sent');
    expect(served.text).toBe('23456');
    expect(source.closed).toBe(1);
  });

  it('closes a file body that is never sent: HEAD, and a header that cannot be set', async () => {
    const head = countingSource(Buffer.from('abc'));
    const headResult: OperationResult = { status: 200, body: { kind: 'file', handle: head, start: 0, length: 3 } };
    const served1 = await serveOnce((res) => sendResult(res, headResult, { ...options, method: 'HEAD' }), 'HEAD');
    expect(served1.status).toBe(200);
    expect(head.closed).toBe(1);

    const broken = countingSource(Buffer.from('abc'));
    const result: OperationResult = { status: 200, headers: { 'x-oss-meta-bad': 'line\nbreak' }, body: { kind: 'file', handle: broken, start: 0, length: 3 } };
    const served = await serveOnce((res) => sendResult(res, result, options));
    expect(await served.outcome).toMatchObject({ code: 'ERR_INVALID_CHAR' });
    expect(broken.closed).toBe(1);
  });
});
