import { once } from 'node:events';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { isOssError, OssError } from './oss-error';
import { readRequestBody, startHttpServer, startTcpServer, unusedPort, type LocalServer } from './test-support/local-servers';
import { Transport, type TransportRequest } from './transport';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function track<T extends { close(): Promise<void> }>(thing: T): Promise<T> {
  cleanups.push(() => thing.close());
  return thing;
}

function transport(timeouts: Partial<Transport['timeouts']> = {}): Promise<Transport> {
  return track(new Transport({ timeouts }));
}

function get(server: LocalServer, path = '/bkt/key'): TransportRequest {
  return { method: 'GET', origin: server.origin, path, host: server.host, headers: {} };
}

async function rejection(promise: Promise<unknown>): Promise<OssError> {
  try {
    await promise;
  } catch (error) {
    if (isOssError(error)) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('Transport requests', () => {
  it('sends method, path, Host and headers exactly as given and reads the answer', async () => {
    let seen: { method?: string; url?: string; host?: string; type?: string } = {};
    const server = await track(
      await startHttpServer((req, res) => {
        seen = { method: req.method, url: req.url, host: req.headers.host, type: req.headers['content-type'] };
        res.writeHead(200, { 'x-oss-request-id': 'RID1', 'x-multi': ['a', 'b'] });
        res.end('<Ok/>');
      }),
    );
    const t = await transport();
    const res = await t.send({ ...get(server, '/bkt/a/../b%20c?uploads&x=1'), host: 'bkt.example.test' });
    expect(res.status).toBe(200);
    expect(res.requestId).toBe('RID1');
    expect(res.headers['x-multi']).toBe('a, b');
    expect(await res.readText(1024)).toBe('<Ok/>');
    // The path is not normalised (`..` kept) and no Content-Type is added.
    expect(seen).toEqual({ method: 'GET', url: '/bkt/a/../b%20c?uploads&x=1', host: 'bkt.example.test', type: undefined });
  });

  it('reuses one keep-alive connection for consecutive requests whose bodies were settled', async () => {
    const server = await track(await startHttpServer((_req, res) => res.end('x'.repeat(100))));
    const t = await transport();
    for (let i = 0; i < 10; i += 1) await (await t.send(get(server))).discard();
    // A body left unread would pin its socket and force a new connection per request (10). undici may open a second
    // connection when the next request is dispatched a tick before the previous one is marked finished.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('uploads a Uint8Array with its Content-Length and reports cumulative progress', async () => {
    let received: Buffer = Buffer.alloc(0);
    let length: string | undefined;
    const server = await track(
      await startHttpServer(async (req, res) => {
        length = req.headers['content-length'];
        received = await readRequestBody(req);
        res.end();
      }),
    );
    const body = Buffer.alloc(300 * 1024, 7);
    const progress: Array<[number, number]> = [];
    const t = await transport();
    const res = await t.send({ ...get(server), method: 'PUT', body, onProgress: (sent, delta) => progress.push([sent, delta]) });
    await res.discard();
    expect(length).toBe(String(body.byteLength));
    expect(received.equals(body)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)?.[0]).toBe(body.byteLength);
    expect(progress.reduce((sum, [, delta]) => sum + delta, 0)).toBe(body.byteLength);
    expect(progress.every(([sent], i) => i === 0 || sent > (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('uploads a stream with the declared Content-Length, no chunked encoding', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    let received: Buffer = Buffer.alloc(0);
    const server = await track(
      await startHttpServer(async (req, res) => {
        headers = req.headers;
        received = await readRequestBody(req);
        res.end();
      }),
    );
    const chunks = [Buffer.from('hello '), Buffer.from('stream '), Buffer.from('body')];
    let last = 0;
    const t = await transport();
    const res = await t.send({
      ...get(server),
      method: 'PUT',
      body: Readable.from(chunks),
      contentLength: 17,
      onProgress: (sent) => (last = sent),
    });
    await res.discard();
    expect(received.toString()).toBe('hello stream body');
    expect(headers['content-length']).toBe('17');
    expect(headers['transfer-encoding']).toBeUndefined();
    expect(last).toBe(17);
  });

  it('fails a stream shorter than its Content-Length with a non-retryable InvalidArgument', async () => {
    const server = await track(await startHttpServer((req, res) => req.resume().on('end', () => res.end())));
    const t = await transport();
    const error = await rejection(t.send({ ...get(server), method: 'PUT', body: Readable.from([Buffer.alloc(10)]), contentLength: 20 }));
    expect(error.code).toBe('InvalidArgument');
    expect(error.retryable).toBe(false);
  });

  it('passes the body stream’s own error through unchanged and closes the stream', async () => {
    const server = await track(await startHttpServer((req, res) => req.resume().on('end', () => res.end())));
    const own = new OssError({ code: 'SourceChanged', status: 0, retryable: false, message: 'file changed' });
    let pushed = 0;
    const source = new Readable({
      read() {
        if (pushed++ < 3) this.push(Buffer.alloc(1000));
        else setImmediate(() => this.destroy(own));
      },
    });
    const t = await transport();
    const error = await rejection(t.send({ ...get(server), method: 'PUT', body: source, contentLength: 1_000_000 }));
    expect(error).toBe(own);
    expect(source.destroyed).toBe(true);
  });

  it('answers an early error response even while the body is still being sent', async () => {
    const server = await track(
      await startHttpServer((_req, res) => {
        res.writeHead(403, { 'x-oss-request-id': 'R403' });
        res.end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      }),
    );
    const t = await transport();
    const res = await t.send({ ...get(server), method: 'PUT', body: Readable.from([Buffer.alloc(8 * 1024 * 1024)]), contentLength: 8 * 1024 * 1024 });
    expect(res.status).toBe(403);
    expect((await res.readCapped(1024)).text).toContain('SignatureDoesNotMatch');
  });
});

describe('Transport response bodies', () => {
  it('cuts a 50 MB body at the cap without receiving it all', async () => {
    let written = 0;
    let finished = false;
    const server = await track(
      await startHttpServer((_req, res) => {
        res.writeHead(500, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const pump = (): void => {
          while (written < 50 * 1024 * 1024) {
            written += chunk.byteLength;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          finished = true;
          res.end();
        };
        res.on('error', () => undefined);
        pump();
      }),
    );
    const t = await transport();
    const res = await t.send(get(server));
    const { text, truncated } = await res.readCapped(64 * 1024);
    expect(truncated).toBe(true);
    expect(text.length).toBe(64 * 1024);
    // Give the server a moment to notice the closed socket; it must never have been able to send everything.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toBe(false);
    expect(written).toBeLessThan(25 * 1024 * 1024);
  });

  it('readText refuses a body over its cap with ResponseTooLarge', async () => {
    const server = await track(await startHttpServer((_req, res) => res.end('x'.repeat(5000))));
    const t = await transport();
    const error = await rejection((await t.send(get(server))).readText(1000));
    expect(error.code).toBe('ResponseTooLarge');
    expect(error.retryable).toBe(false);
  });

  it('a connection reset in the middle of the body is a retryable NetworkError', async () => {
    const server = await track(
      await startTcpServer((socket) => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<ListPartsResult><Part>');
          setTimeout(() => socket.resetAndDestroy(), 20);
        });
      }),
    );
    const t = await transport();
    const res = await t.send(get(server));
    const error = await rejection(res.readText(1 << 20));
    expect(error.code).toBe('NetworkError');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('/bkt/key');
  });

  it('a body closed before its Content-Length is a NetworkError, not a truncated document', async () => {
    const server = await track(
      await startTcpServer((socket) => {
        socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n<ListPartsResult>'));
      }),
    );
    const t = await transport();
    const error = await rejection((await t.send(get(server))).readText(1 << 20));
    expect(error.code).toBe('NetworkError');
  });

  it('stream() delivers the bytes and turns a mid-stream reset into an OssError', async () => {
    const server = await track(
      await startTcpServer((socket) => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n');
          socket.write(Buffer.alloc(1000, 1), () => setTimeout(() => socket.resetAndDestroy(), 20));
        });
      }),
    );
    const t = await transport();
    const stream = (await t.send(get(server))).stream();
    let received = 0;
    stream.on('data', (chunk: Buffer) => (received += chunk.byteLength));
    const [error] = (await once(stream, 'error')) as [unknown];
    expect(received).toBe(1000);
    expect(isOssError(error) && error.code).toBe('NetworkError');
  });
});

describe('Transport failures', () => {
  it('a refused connection is a retryable NetworkError naming ECONNREFUSED', async () => {
    const port = await unusedPort();
    const t = await transport();
    const error = await rejection(t.send({ method: 'GET', origin: `http://127.0.0.1:${port}`, path: '/', host: `127.0.0.1:${port}`, headers: {} }));
    expect(error.code).toBe('NetworkError');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.status).toBe(0);
  });

  it('headers that never arrive end in HeadersTimeout', async () => {
    const server = await track(await startTcpServer((socket) => socket.resume()));
    const t = await transport({ headersMs: 200 });
    const error = await rejection(t.send(get(server)));
    expect(error.code).toBe('HeadersTimeout');
    expect(error.retryable).toBe(true);
  });

  it('a body that stalls ends in BodyTimeout', async () => {
    const server = await track(
      await startTcpServer((socket) => {
        socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc'));
      }),
    );
    const t = await transport({ bodyIdleMs: 200 });
    const error = await rejection((await t.send(get(server))).readText(1024));
    expect(error.code).toBe('BodyTimeout');
  });

  it('aborting while waiting for headers rejects with Aborted carrying the reason', async () => {
    const server = await track(await startTcpServer((socket) => socket.resume()));
    const t = await transport();
    const controller = new AbortController();
    const pending = t.send({ ...get(server), signal: controller.signal });
    setTimeout(() => controller.abort('pause'), 50);
    const error = await rejection(pending);
    expect(error.code).toBe('Aborted');
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe('pause');
  });

  it('aborting while a stream body is being sent is Aborted, not the body’s error, and closes the body', async () => {
    const server = await track(await startHttpServer((req) => req.resume()));
    const t = await transport();
    const controller = new AbortController();
    const source = new Readable({ read() {} }); // never ends
    source.push(Buffer.alloc(1000));
    const pending = t.send({ ...get(server), method: 'PUT', body: source, contentLength: 1_000_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancel')), 50);
    const error = await rejection(pending);
    expect(error.code).toBe('Aborted');
    expect(source.destroyed).toBe(true);
  });

  it('aborting while reading the body is Aborted', async () => {
    const server = await track(
      await startTcpServer((socket) => {
        socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc'));
      }),
    );
    const t = await transport();
    const controller = new AbortController();
    const res = await t.send({ ...get(server), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await rejection(res.readText(1024))).code).toBe('Aborted');
  });

  it('an already aborted signal rejects at once and destroys a stream body', async () => {
    const t = await transport();
    const source = Readable.from([Buffer.alloc(10)]);
    const error = await rejection(
      t.send({ method: 'PUT', origin: 'http://127.0.0.1:9', path: '/', host: '127.0.0.1:9', headers: {}, body: source, contentLength: 10, signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('Aborted');
    expect(source.destroyed).toBe(true);
  });

  it('a stream body without a Content-Length is refused before anything is sent', async () => {
    const t = await transport();
    const source = Readable.from([Buffer.alloc(10)]);
    const error = await rejection(t.send({ method: 'PUT', origin: 'http://127.0.0.1:9', path: '/', host: '127.0.0.1:9', headers: {}, body: source }));
    expect(error.code).toBe('InvalidArgument');
    expect(source.destroyed).toBe(true);
  });

  it('garbage instead of HTTP is a MalformedResponse', async () => {
    const server = await track(await startTcpServer((socket) => socket.once('data', () => socket.end('NOT HTTP AT ALL\r\n\r\n'))));
    const t = await transport();
    expect((await rejection(t.send(get(server)))).code).toBe('MalformedResponse');
  });
});
