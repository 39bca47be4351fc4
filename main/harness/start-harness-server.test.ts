import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_PATHS, TOKEN_HEADER } from './harness-protocol';
import { CONTENT_SECURITY_POLICY } from '../window/content-security-policy';
import { startTestHarness, type TestHarness } from './test-support/start-test-harness';
import { call, connect, readPageToken, type TestConnection } from './test-support/ws-test-client';

/** A raw GET with the path sent exactly as given (fetch would normalise `..`). */
function rawGet(url: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function stage(harness: TestHarness, token: string, query: Record<string, string>, body: Blob | string): Promise<Response> {
  return fetch(`${harness.url}${HARNESS_PATHS.stage}?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: token, Origin: harness.url },
    body,
  });
}

describe('harness server (real core, in-process)', () => {
  let harness: TestHarness;
  let token: string;
  let page: TestConnection;

  beforeAll(async () => {
    harness = await startTestHarness();
    token = await readPageToken(harness.url);
    page = await connect(harness.url, { token, origin: harness.url });
  });
  afterAll(async () => {
    await page.close();
    await harness.dispose();
  });

  describe('socket', () => {
    it('refuses a wrong Origin, a wrong token and a missing token', async () => {
      await expect(connect(harness.url, { token, origin: 'http://evil.example' })).rejects.toThrow('refused: 403');
      await expect(connect(harness.url, { token, origin: harness.url.replace('127.0.0.1', 'localhost') })).rejects.toThrow('refused: 403');
      await expect(connect(harness.url, { token: `${token}x`, origin: harness.url })).rejects.toThrow('refused: 403');
      await expect(connect(harness.url, { token: '', origin: harness.url })).rejects.toThrow('refused: 403');
    });

    it('survives a client that resets the connection right after a refused or unknown upgrade', async () => {
      const { host, port } = new URL(harness.url);
      for (const target of [`${HARNESS_PATHS.socket}?token=wrong`, '/not-the-socket']) {
        await new Promise<void>((resolve, reject) => {
          const client = createConnection({ host: host.split(':')[0], port: Number(port) }, () => {
            client.write(
              `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${harness.url}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
                'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
            );
          });
          client.once('data', () => {
            client.resetAndDestroy(); // an RST instead of a FIN: the server's read fails with ECONNRESET
            resolve();
          });
          client.once('error', reject);
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await call(page, 99, 'settings.get')).ok).toBe(true);
    });

    it('answers a command from the authenticated page through the real dispatcher', async () => {
      const result = await call(page, 1, 'accounts.secretStorage');
      expect(result).toEqual({ ok: true, value: expect.objectContaining({ kind: 'plaintext-file', plaintext: true }) });
      const settings = await call(page, 2, 'settings.get');
      expect(settings.ok).toBe(true);
    });

    it('refuses a 10 MB string at validation and stays up', async () => {
      const huge = 'x'.repeat(10 * 1024 * 1024);
      const result = await call(page, 3, 'accounts.remove', { accountId: huge });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('ValidationFailed');
        expect(result.error.message.length).toBeLessThan(1000);
      }
      expect((await call(page, 4, 'accounts.list')).ok).toBe(true);
    });

    it('answers malformed messages with an error and keeps the connection', async () => {
      page.sendRaw('{not json');
      const reply = await page.next((m) => 'id' in m && m.id === null);
      expect(reply).toEqual({ id: null, result: { ok: false, error: expect.objectContaining({ code: 'MalformedMessage' }) } });
      page.sendRaw(JSON.stringify({ id: 5 }));
      expect(await page.next((m) => 'id' in m && m.id === 5)).toEqual({ id: 5, result: expect.objectContaining({ ok: false }) });
      expect((await call(page, 6, 'no.suchCommand')).ok).toBe(false);
      expect((await call(page, 7, 'accounts.list')).ok).toBe(true);
    });

    it('refuses the preload-only grant command, so a page cannot grant itself arbitrary paths', async () => {
      const result = await call(page, 8, 'desktop.grantDroppedPaths', { paths: ['/etc'] });
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'Forbidden' }) });
      const upload = await call(page, 9, 'uploads.addPaths', { paths: ['/etc/hostname'], destination: { accountId: 'a', bucket: 'bucket', prefix: '' } });
      expect(upload).toEqual({ ok: false, error: expect.objectContaining({ code: 'PathNotAllowed' }) });
    });

    it('closes a socket whose message is over the size cap, and the server stays up', async () => {
      const other = await connect(harness.url, { token, origin: harness.url });
      const closed = new Promise<number>((resolve) => other.socket.once('close', (code) => resolve(code)));
      other.sendRaw('x'.repeat(17 * 1024 * 1024));
      expect(await closed).toBe(1009);
      expect((await call(page, 10, 'accounts.list')).ok).toBe(true);
    });

    it('pushes the core’s events to the page', async () => {
      harness.core.events.publish('settings.changed', harness.core.settings());
      const message = await page.next((m) => 'event' in m);
      expect(message).toEqual({ event: { name: 'settings.changed', payload: harness.core.settings() } });
    });
  });

  describe('staging', () => {
    it('streams a file into the data folder and grants the staged path', async () => {
      const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
      const res = await stage(harness, token, { name: 'photo.jpg', size: String(bytes.length) }, new Blob([bytes]));
      expect(res.status).toBe(200);
      const staged = (await res.json()) as { path: string; root: string; batch: string };
      expect(staged.path).toBe(staged.root);
      expect(staged.path.startsWith(path.join(harness.dataDir, 'staging') + path.sep)).toBe(true);
      expect(path.basename(staged.path)).toBe('photo.jpg');
      expect(Buffer.compare(await readFile(staged.path), Buffer.from(bytes))).toBe(0);
      expect((await stat(staged.path)).mode & 0o077).toBe(0);
      expect(harness.core.pathGrants.isGranted(staged.path)).toBe(true);
    });

    it('keeps a folder’s relative paths in one batch and grants the folder', async () => {
      const first = (await (await stage(harness, token, { relativePath: 'album/a.txt', size: '1' }, 'a')).json()) as { root: string; batch: string };
      const res = await stage(harness, token, { relativePath: 'album/sub/b.txt', size: '2', batch: first.batch }, 'bb');
      const second = (await res.json()) as { path: string; root: string };
      expect(second.root).toBe(first.root);
      expect(path.basename(first.root)).toBe('album');
      expect(await readFile(path.join(first.root, 'sub', 'b.txt'), 'utf8')).toBe('bb');
      expect(harness.core.pathGrants.isGranted(first.root)).toBe(true);
      expect((await stage(harness, token, { relativePath: 'album/c.txt', size: '1', batch: 'made-up' }, 'c')).status).toBe(400);
    });

    it('refuses traversal and absolute names, a wrong size, and requests without the token', async () => {
      const unsafe: Record<string, string>[] = [
        { name: '../escape.txt' },
        { name: 'a/b.txt' },
        { name: '..' },
        { relativePath: '../../escape.txt' },
        { relativePath: '/etc/passwd' },
        { relativePath: 'a/../../b' },
      ];
      for (const query of unsafe) {
        const res = await stage(harness, token, { ...query, size: '1' }, 'x');
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: expect.objectContaining({ code: 'ValidationFailed' }) });
      }
      expect((await stage(harness, token, { name: 'short.txt', size: '5' }, 'abc')).status).toBe(400);
      const noToken = await fetch(`${harness.url}${HARNESS_PATHS.stage}?name=x.txt&size=1`, { method: 'POST', body: 'x' });
      expect(noToken.status).toBe(403);
      const crossSite = await fetch(`${harness.url}${HARNESS_PATHS.stage}?name=x.txt&size=1`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, Origin: 'http://evil.example' },
        body: 'x',
      });
      expect(crossSite.status).toBe(403);
      const outside = await stat(path.join(harness.dataDir, 'escape.txt')).catch(() => undefined);
      expect(outside).toBeUndefined();
    });
  });

  describe('static files', () => {
    it('serves the page with the token meta and the bridge before its first script, under the app’s CSP', async () => {
      const res = await fetch(`${harness.url}/`);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      const meta = html.indexOf('<meta name="uploader-harness-token"');
      const bridge = html.indexOf(`<script src=".${HARNESS_PATHS.bridge}"></script>`);
      const renderer = html.indexOf('<script type="module"');
      expect(meta).toBeGreaterThan(0);
      expect(bridge).toBeGreaterThan(meta);
      expect(renderer).toBeGreaterThan(bridge);
      const css = await fetch(`${harness.url}/assets/fixture.css`);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(css.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect((await fetch(`${harness.url}/assets/fixture.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    });

    it('refuses traversal, lists no folder, and answers only its own Host', async () => {
      for (const target of ['/../package.json', '/assets/../../fixture-page/index.html', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fstart-test-harness.ts', '/..%5cpackage.json', '//etc/passwd']) {
        const res = await rawGet(harness.url, target);
        expect(res.status, target).toBe(404);
        expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      }
      expect((await rawGet(harness.url, '/assets/')).status).toBe(404);
      expect((await rawGet(harness.url, '/assets')).status).toBe(404);
      expect((await rawGet(harness.url, '/', { Host: 'rebound.example' })).status).toBe(403);
      expect((await fetch(`${harness.url}/`, { method: 'DELETE' })).status).toBe(405);
    });
  });
});

describe('harness data folder', () => {
  it('writes a log file there and never an unencrypted secret outside the marked file', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'oss-harness-data-'));
    try {
      const harness = await startTestHarness({ dataDir });
      await harness.dispose();
      const log = await readFile(path.join(dataDir, 'logs', 'harness.log'), 'utf8');
      expect(log).toContain('WITHOUT encryption');
      expect(log).toContain('Harness stopped');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
