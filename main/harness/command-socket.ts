// The harness's counterpart of `ipcMain.handle` + `webContents.send` (issue 5 item 6): a WebSocket on the harness's
// own origin. A socket is accepted only from the harness's own page (Origin and per-process token); every message on
// it goes through the same dispatcher as Electron's IPC (sender check, schema, path grants), and every event the core
// publishes is pushed to every open socket.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { PRELOAD_ONLY_COMMANDS } from '../../shared/ipc/contract';
import { errorResult, type Result } from '../../shared/ipc/result';
import type { AppCore, AppLog } from '../app/app-core-types';
import type { HarnessConnection, HarnessConnections } from './harness-connections';
import { MAX_MESSAGE_BYTES, TOKEN_QUERY_PARAMETER, type HarnessReply } from './harness-protocol';
import { tokenMatches } from './harness-token';
import { parseHarnessCall } from './parse-harness-call';
import { splitRequestTarget } from './split-request-target';

/** What the socket needs from the core. */
export type SocketCore = Pick<AppCore<HarnessConnection>, 'dispatcher' | 'events'>;

/** Options of createCommandSocket. */
export interface CommandSocketOptions {
  readonly core: SocketCore;
  readonly connections: HarnessConnections;
  readonly token: string;
  /** `http://127.0.0.1:<port>`: the only Origin accepted. */
  readonly origin: () => string;
  readonly log: AppLog;
}

/** The socket endpoint, driven by the HTTP server's `upgrade` event. */
export interface CommandSocket {
  /** Accepts or refuses one upgrade request for the socket path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection. */
  close(): Promise<void>;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const MALFORMED = (reason: string): Result<never> =>
  errorResult({ code: 'MalformedMessage', message: `The harness could not read that message (${reason}).`, retryable: false });

// The page could open a socket of its own with the token it was served, so "preload only" has to be enforced here:
// a page must not grant itself arbitrary paths (the harness stages dropped files instead, see handle-stage-request.ts).
const NOT_IN_HARNESS = errorResult({
  code: 'Forbidden',
  message: 'This command is not available in the browser harness; drop or pick files to stage them.',
  retryable: false,
});

/** Builds the socket endpoint. */
export function createCommandSocket(options: CommandSocketOptions): CommandSocket {
  const { core, connections, log } = options;
  // maxPayload: a larger message closes the socket with 1009 before it is buffered (see MAX_MESSAGE_BYTES).
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });

  function send(ws: WebSocket, message: HarnessReply): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(message));
  }

  async function answer(ws: WebSocket, connection: HarnessConnection, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      log.warn(`Connection ${connection.id}: refused a binary message`);
      send(ws, { id: null, result: MALFORMED('binary') });
      return;
    }
    const parsed = parseHarnessCall(rawText(data));
    if (!parsed.ok) {
      log.warn(`Connection ${connection.id}: refused a malformed message (${parsed.reason})`);
      send(ws, { id: parsed.id, result: MALFORMED(parsed.reason) });
      return;
    }
    const { id, name, args } = parsed.call;
    if ((PRELOAD_ONLY_COMMANDS as readonly string[]).includes(name)) {
      log.warn(`Connection ${connection.id}: refused preload-only command ${name}`);
      send(ws, { id, result: NOT_IN_HARNESS });
      return;
    }
    const result = await core.dispatcher.dispatch(connection, name, args);
    try {
      send(ws, { id, result });
    } catch (error) {
      log.error(`Connection ${connection.id}: could not send the answer of ${name.slice(0, 64)}: ${String(error)}`);
      send(ws, { id, result: errorResult({ code: 'InternalError', message: 'The harness could not send the answer.', retryable: false }) });
    }
  }

  function accept(ws: WebSocket): void {
    const connection = connections.open();
    log.info(`Connection ${connection.id} opened`);
    const removeTarget = core.events.addTarget((_channel, envelope) => {
      // Throwing tells the publisher to drop this target (it would also be removed on close).
      if (ws.readyState !== WebSocket.OPEN) throw new Error('socket closed');
      ws.send(JSON.stringify({ event: envelope }));
    });
    ws.on('message', (data, isBinary) => {
      answer(ws, connection, data, isBinary).catch((error: unknown) => log.error(`Connection ${connection.id}: ${String(error)}`));
    });
    ws.on('error', (error) => log.warn(`Connection ${connection.id}: ${error.message}`));
    ws.on('close', (code) => {
      connections.close(connection);
      removeTarget();
      log.info(`Connection ${connection.id} closed (${code})`);
    });
  }

  return {
    handleUpgrade(req, socket, head) {
      const origin = req.headers.origin;
      if (origin !== options.origin()) {
        log.warn(`Refused a socket from origin ${JSON.stringify(String(origin).slice(0, 100))}`);
        refuseUpgrade(socket, '403 Forbidden');
        return;
      }
      if (!tokenMatches(options.token, splitRequestTarget(req.url).searchParams.get(TOKEN_QUERY_PARAMETER))) {
        log.warn('Refused a socket without the harness token');
        refuseUpgrade(socket, '403 Forbidden');
        return;
      }
      server.handleUpgrade(req, socket, head, accept);
    },
    close() {
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
