// The harness's HTTP + WebSocket server (issue 5 item 6), bound to 127.0.0.1 only: the renderer's build with the
// bridge injected, the staging route, and the command socket, in front of an AppCore.
import { createServer, type Server } from 'node:http';
import type { AppCore, AppLog } from '../app/app-core-types';
import { createCommandSocket } from './command-socket';
import type { HarnessConnection, HarnessConnections } from './harness-connections';
import { HARNESS_PATHS } from './harness-protocol';
import { routeHarnessRequest } from './route-harness-request';
import { splitRequestTarget } from './split-request-target';
import { StagingArea } from './staging-area';
import { sendText } from './http-replies';

/** The only interface the harness listens on. */
export const HARNESS_HOST = '127.0.0.1';

/** Options of startHarnessServer. */
export interface HarnessServerOptions {
  readonly core: Pick<AppCore<HarnessConnection>, 'dispatcher' | 'events' | 'pathGrants'>;
  /** The registry the core's isTrustedSender asks. */
  readonly connections: HarnessConnections;
  readonly token: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The renderer's build folder (out/renderer). */
  readonly rendererDir: string;
  /** The built bridge script (out/harness/bridge.js). */
  readonly bridgeFile: string;
  /** `<dataDir>/staging`. */
  readonly stagingDir: string;
  readonly log: AppLog;
}

/** A listening harness server. */
export interface HarnessServer {
  /** `http://127.0.0.1:<port>`, also the only Origin the socket accepts. */
  readonly url: string;
  readonly port: number;
  /** Closes the sockets and stops listening. */
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HARNESS_HOST, () => {
      server.off('error', reject);
      const address = server.address();
      // A TCP server's address is an object; a string would mean a pipe, which listen(port, host) never makes.
      if (address === null || typeof address === 'string') reject(new Error('The harness server has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** Starts the server; resolves once it listens. */
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const { log } = options;
  let origin = '';
  const getOrigin = (): string => origin;
  const socket = createCommandSocket({ core: options.core, connections: options.connections, token: options.token, origin: getOrigin, log });
  const routeDeps = {
    origin: getOrigin,
    rendererDir: options.rendererDir,
    bridgeFile: options.bridgeFile,
    area: new StagingArea(options.stagingDir),
    grants: options.core.pathGrants,
    token: options.token,
    log,
  };

  const server = createServer((req, res) => {
    routeHarnessRequest(req, res, routeDeps).catch((error: unknown) => {
      log.error(`HTTP ${req.method ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, duplex, head) => {
    // Node hands an upgrade's socket over without an 'error' listener: a client that resets the connection while it
    // is refused (or before `ws` takes it) would otherwise be an uncaught exception that ends the harness.
    duplex.on('error', (error) => log.warn(`Socket upgrade connection: ${error.message}`));
    if (splitRequestTarget(req.url).pathname !== HARNESS_PATHS.socket || req.headers.host !== new URL(origin).host) {
      duplex.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.handleUpgrade(req, duplex, head);
  });
  server.on('clientError', (_error, duplex) => {
    if (duplex.writable) duplex.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  const port = await listen(server, options.port);
  origin = `http://${HARNESS_HOST}:${port}`;
  log.info(`Harness listening on ${origin}`);

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port,
    close() {
      closing ??= (async () => {
        await socket.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
