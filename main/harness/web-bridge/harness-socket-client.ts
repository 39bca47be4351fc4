// The page's end of the harness's command socket (issue 5 item 6): numbered calls answered by id, pushed events, and
// reconnection with backoff. Written against a tiny socket interface, so the same code runs over the browser's
// WebSocket in the page and over the `ws` package in tests.
import { EVENT_NAMES, type EventEnvelope, type Unsubscribe } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { HarnessCall } from '../harness-protocol';

/** What the client needs from one socket. */
export interface SocketLike {
  send(text: string): void;
  close(): void;
}

/** What one socket tells the client. */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Closed or failed to connect; called once per socket. */
  onClose(): void;
}

/** Opens one socket to `url`. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLike;

/** Options of createHarnessSocketClient. */
export interface HarnessSocketClientOptions {
  /** `ws://127.0.0.1:<port>/__harness/ws?token=…`. */
  readonly url: string;
  readonly openSocket: OpenSocket;
  /** Delays between reconnection attempts; the last one repeats. Default 250 ms doubling to 5 s. */
  readonly reconnectDelaysMs?: readonly number[] | undefined;
  /** How long a call made while disconnected waits for a connection before it fails. Default 15 s. */
  readonly connectWaitMs?: number | undefined;
  /** Called each time a socket closes or fails to open while the client still wants a connection. */
  readonly onDisconnected?: (() => void) | undefined;
  /** Told about messages it cannot use (the console in the page). */
  readonly warn?: ((line: string) => void) | undefined;
}

/** The client. */
export interface HarnessSocketClient {
  /** Sends a call; resolves with its Result, rejects when the socket drops before the answer (→ IpcUnavailable). */
  call(name: string, args: unknown): Promise<Result<unknown>>;
  /** Receives every pushed event envelope. */
  subscribe(listener: (envelope: EventEnvelope) => void): Unsubscribe;
  /** Closes for good: no reconnection, pending calls fail. */
  close(): void;
}

const DEFAULT_DELAYS_MS = [250, 500, 1000, 2000, 5000] as const;

interface Pending {
  readonly resolve: (result: Result<unknown>) => void;
  readonly reject: (error: Error) => void;
}

interface Queued {
  readonly text: string;
  readonly id: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isResult(value: unknown): value is Result<unknown> {
  return isObject(value) && (value.ok === true || (value.ok === false && isObject(value.error)));
}

/** Connects at once and keeps reconnecting until closed. */
export function createHarnessSocketClient(options: HarnessSocketClientOptions): HarnessSocketClient {
  const delays = options.reconnectDelaysMs ?? DEFAULT_DELAYS_MS;
  const connectWaitMs = options.connectWaitMs ?? 15_000;
  const warn = options.warn ?? ((): void => undefined);
  const pending = new Map<number, Pending>();
  const queued: Queued[] = [];
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  let socket: SocketLike | undefined;
  let open = false;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;

  function fail(id: number, message: string): void {
    const entry = pending.get(id);
    pending.delete(id);
    entry?.reject(new Error(message));
  }

  function receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      warn('The harness sent a message that is not JSON');
      return;
    }
    if (!isObject(message)) return;
    const event = message.event;
    if (isObject(event)) {
      if (!(EVENT_NAMES as readonly unknown[]).includes(event.name)) {
        warn(`The harness sent an unknown event ${String(event.name).slice(0, 64)}`);
        return;
      }
      // The payload is what the core published through the typed EventPublisher.publish; only the name is checked
      // here, and buildBridgeApi hands each payload to the listeners of its name.
      const envelope = event as unknown as EventEnvelope;
      for (const listener of [...listeners]) listener(envelope);
      return;
    }
    const id = message.id;
    const entry = typeof id === 'number' ? pending.get(id) : undefined;
    if (entry === undefined || typeof id !== 'number') {
      if (isResult(message.result) && !message.result.ok) warn(`The harness refused a message: ${message.result.error.message}`);
      return;
    }
    pending.delete(id);
    if (isResult(message.result)) entry.resolve(message.result);
    else entry.reject(new Error('The harness sent an answer without a result'));
  }

  function connect(): void {
    if (closed) return;
    let done = false;
    const current = options.openSocket(options.url, {
      onOpen() {
        if (done) return;
        open = true;
        attempt = 0;
        for (const call of queued.splice(0)) {
          clearTimeout(call.timer);
          current.send(call.text);
        }
      },
      onMessage: receive,
      onClose() {
        if (done) return;
        done = true;
        open = false;
        socket = undefined;
        // Calls already sent may or may not have run: they fail, and the renderer decides (a retryable IpcUnavailable).
        for (const id of [...pending.keys()]) if (!queued.some((q) => q.id === id)) fail(id, 'The harness connection closed.');
        if (!closed) {
          options.onDisconnected?.();
          const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
          attempt += 1;
          reconnectTimer = setTimeout(connect, delay);
        }
      },
    });
    socket = current;
  }

  connect();

  return {
    call(name, args) {
      if (closed) return Promise.reject(new Error('The harness connection is closed.'));
      const id = nextId++;
      const call: HarnessCall = args === undefined ? { id, name } : { id, name, args };
      const text = JSON.stringify(call);
      return new Promise<Result<unknown>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (open && socket !== undefined) {
          socket.send(text);
          return;
        }
        const timer = setTimeout(() => {
          const index = queued.findIndex((q) => q.id === id);
          if (index >= 0) queued.splice(index, 1);
          fail(id, 'The harness did not connect in time.');
        }, connectWaitMs);
        queued.push({ text, id, timer });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
      for (const call of queued.splice(0)) clearTimeout(call.timer);
      for (const id of [...pending.keys()]) fail(id, 'The harness connection is closed.');
      socket?.close();
    },
  };
}
