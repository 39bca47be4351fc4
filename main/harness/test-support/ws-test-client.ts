// A `ws` client for the harness's tests: connects like the bridge would (or with a wrong Origin or token, on purpose), sends calls
// and collects answers and events.
import { WebSocket } from 'ws';
import type { Result } from '../../../shared/ipc/result';
import { HARNESS_PATHS, TOKEN_QUERY_PARAMETER, type HarnessServerMessage } from '../harness-protocol';
import type { OpenSocket } from '../web-bridge/harness-socket-client';

/** The token the harness put into its page. */
export async function readPageToken(url: string): Promise<string> {
  const html = await (await fetch(`${url}/`)).text();
  const match = /<meta name="uploader-harness-token" content="([^"]+)">/.exec(html);
  if (match?.[1] === undefined) throw new Error('no token in the page');
  return match[1];
}

/** The socket URL for `token`. */
export function socketUrl(url: string, token: string): string {
  return `${url.replace(/^http/, 'ws')}${HARNESS_PATHS.socket}?${TOKEN_QUERY_PARAMETER}=${encodeURIComponent(token)}`;
}

/** An open test connection. */
export interface TestConnection {
  readonly socket: WebSocket;
  /** Sends raw text. */
  sendRaw(text: string): void;
  /** Resolves with the next server message that satisfies `match`. */
  next(match: (message: HarnessServerMessage) => boolean): Promise<HarnessServerMessage>;
  close(): Promise<void>;
}

/** Connects with the given Origin; rejects with the HTTP status when the upgrade is refused. */
export function connect(url: string, options: { readonly token: string; readonly origin: string }): Promise<TestConnection> {
  const socket = new WebSocket(socketUrl(url, options.token), { origin: options.origin });
  const received: HarnessServerMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)) as HarnessServerMessage);
    for (const wake of [...waiters]) wake();
  });
  const connection: TestConnection = {
    socket,
    sendRaw: (text) => socket.send(text),
    next(match) {
      return new Promise((resolve) => {
        const check = (): void => {
          const index = received.findIndex(match);
          if (index < 0) return;
          waiters.delete(check);
          resolve(received.splice(index, 1)[0] as HarnessServerMessage);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(connection));
    socket.once('unexpected-response', (_req, res) => {
      reject(new Error(`refused: ${res.statusCode ?? '?'}`));
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** Sends `{ id, name, args }` and resolves with the answer's result. */
export async function call(connection: TestConnection, id: number, name: string, args?: unknown): Promise<Result<unknown>> {
  connection.sendRaw(JSON.stringify({ id, name, args }));
  const message = await connection.next((m) => 'id' in m && m.id === id);
  if (!('result' in message)) throw new Error('not an answer');
  return message.result;
}

/** An OpenSocket over the `ws` package, for running the page's socket client in Node; `onSocket` sees each socket. */
export function openWsSocket(origin: string, onSocket?: (socket: WebSocket) => void): OpenSocket {
  return (url, handlers) => {
    const socket = new WebSocket(url, { origin });
    onSocket?.(socket);
    socket.on('open', () => handlers.onOpen());
    socket.on('message', (data) => handlers.onMessage(String(data)));
    socket.on('close', () => handlers.onClose());
    socket.on('error', () => undefined); // followed by 'close'
    return { send: (text) => socket.send(text), close: () => socket.close() };
  };
}
