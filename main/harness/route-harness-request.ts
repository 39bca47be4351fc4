// Every HTTP request of the harness goes through here: the Host check (a DNS-rebinding page reaches 127.0.0.1 under
// a name of its own), then the route: the index page, the bridge, staging, or a renderer file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { handleStageRequest, type StageRouteDeps } from './handle-stage-request';
import { HARNESS_PATHS } from './harness-protocol';
import { sendText } from './http-replies';
import { resolveStaticPath } from './resolve-static-path';
import { serveFile, serveIndex } from './serve-static';
import { splitRequestTarget } from './split-request-target';

/** What the router needs. */
export interface RouteDeps extends StageRouteDeps {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: () => string;
  /** The renderer's build folder (index.html and assets). */
  readonly rendererDir: string;
  /** The built bridge script. */
  readonly bridgeFile: string;
}

/** True when the request's Host names this server (and not another name that resolves to 127.0.0.1). */
export function isOwnHost(req: IncomingMessage, origin: string): boolean {
  return req.headers.host === new URL(origin).host;
}

/** Answers one HTTP request. */
export async function routeHarnessRequest(req: IncomingMessage, res: ServerResponse, deps: RouteDeps): Promise<void> {
  const origin = deps.origin();
  if (!isOwnHost(req, origin)) {
    sendText(res, 403, 'Unexpected Host');
    return;
  }
  const url = splitRequestTarget(req.url);
  if (url.pathname === HARNESS_PATHS.stage) {
    if (req.method !== 'POST') {
      sendText(res, 405, 'Method not allowed', { Allow: 'POST' });
      return;
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      sendText(res, 403, 'Cross-origin staging is not allowed');
      req.resume();
      return;
    }
    await handleStageRequest(req, res, url.searchParams, deps);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const headOnly = req.method === 'HEAD';
  if (url.pathname === '/' || url.pathname === '/index.html') {
    await serveIndex(res, path.join(deps.rendererDir, 'index.html'), deps.token, { headOnly });
    return;
  }
  if (url.pathname === HARNESS_PATHS.bridge) {
    await serveFile(res, deps.bridgeFile, { headOnly });
    return;
  }
  const file = resolveStaticPath(deps.rendererDir, url.pathname);
  if (file === undefined) {
    sendText(res, 404, 'Not found');
    return;
  }
  await serveFile(res, file, { headOnly });
}
