// TEST-ONLY: an HTTP proxy in front of the emulator that passes everything through, except that it replaces the
// ETag of the UploadPart answers a test picks, as a faulty server or a meddling middlebox would.
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'undici';
import { startHttpServer, type LocalServer } from '../../oss/test-support/local-servers';

/** Headers undici will not forward as given. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A started proxy, and how many answers it falsified. */
export interface LyingProxy extends LocalServer {
  lies(): number;
}

/** Starts a proxy to `upstream` that falsifies the ETag of UploadPart answers for which `shouldLie(url)` is true. */
export async function startLyingProxy(upstream: string, shouldLie: (url: string) => boolean): Promise<LyingProxy> {
  let lies = 0;
  const server = await startHttpServer((req, res) => {
    const url = req.url ?? '/';
    const hasBody = req.method === 'PUT' || req.method === 'POST';
    request(`${upstream}${url}`, {
      method: (req.method ?? 'GET') as 'GET',
      headers: forwardable(req.headers),
      body: hasBody ? req : undefined,
    }).then(
      (answer) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const isPart = req.method === 'PUT' && url.includes('partNumber=') && answer.statusCode === 200;
        if (isPart && shouldLie(url)) {
          lies += 1;
          headers['etag'] = `"${'F'.repeat(32)}"`;
        }
        res.writeHead(answer.statusCode, headers);
        answer.body.pipe(res);
      },
      () => res.destroy(),
    );
  });
  return { ...server, lies: () => lies };
}
