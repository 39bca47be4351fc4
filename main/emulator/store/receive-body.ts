// Streams a request body to a temp file, hashing MD5 and CRC-64 as the bytes arrive, so no part is ever held whole in
// memory (issue 2 item 3: multi-GiB parts must work). Bandwidth caps and the "reset after N bytes" fault apply here.
import { createHash, randomBytes } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Crc64 } from '../../oss/crc64';
import { ossErrors } from '../emulator-error';

/** A body safely on disk. The caller renames `path` into place or deletes it. */
export interface ReceivedBody {
  readonly path: string;
  readonly size: number;
  readonly md5: Buffer;
  readonly crc64: bigint;
}

/** How to receive one body. */
export interface ReceiveBodyOptions {
  readonly tmpDir: string;
  /** Larger bodies are refused with EntityTooLarge (before reading when Content-Length says so). */
  readonly maxBytes: number;
  /** fsync the file before resolving (EmulatorOptions.syncBodies). */
  readonly sync: boolean;
  /** Waits as long as the connection's bandwidth cap requires for `bytes` more bytes. */
  readonly throttle: (bytes: number) => Promise<void>;
  /** Called with every chunk's length as it arrives (stats count re-sent bytes). */
  readonly onBytes: (bytes: number) => void;
  /** When set, the connection is destroyed after this many bytes (or at the end of a shorter body). */
  readonly resetAfterBytes?: number | undefined;
}

/**
 * Thrown when the connection is gone before the body was complete: destroyed on purpose by fault injection, or
 * closed by the client. There is no one left to answer.
 */
export class ConnectionResetFault extends Error {
  constructor() {
    super('connection reset by fault injection');
    this.name = 'ConnectionResetFault';
  }
}

/** A fresh temp file name in `tmpDir`. */
export function tempFilePath(tmpDir: string): string {
  return join(tmpDir, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}.tmp`);
}

function declaredLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function resetConnection(req: IncomingMessage): never {
  req.socket.destroy();
  throw new ConnectionResetFault();
}

/** Receives the whole body of `req` into a temp file; deletes the file itself on any failure. */
export async function receiveBody(req: IncomingMessage, options: ReceiveBodyOptions): Promise<ReceivedBody> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > options.maxBytes) throw ossErrors.entityTooLarge(declared, options.maxBytes);

  const path = tempFilePath(options.tmpDir);
  const file = await open(path, 'wx');
  const md5 = createHash('md5');
  const crc = new Crc64();
  let size = 0;
  let ok = false;
  try {
    for await (const chunk of req) {
      if (!(chunk instanceof Buffer)) throw new TypeError('request body chunk is not a Buffer');
      let accepted = chunk;
      const limit = options.resetAfterBytes;
      if (limit !== undefined && size + chunk.length >= limit) accepted = chunk.subarray(0, limit - size);
      options.onBytes(accepted.length);
      size += accepted.length;
      if (size > options.maxBytes) throw ossErrors.entityTooLarge(size, options.maxBytes);
      md5.update(accepted);
      crc.update(accepted);
      await file.write(accepted);
      if (accepted !== chunk) resetConnection(req);
      await options.throttle(accepted.length);
    }
    if (options.resetAfterBytes !== undefined) resetConnection(req);
    // A client that went away mid-body ends the iteration early or with an error; never store a short body.
    if (!req.complete) throw new ConnectionResetFault();
    if (options.sync) await file.sync();
    ok = true;
    return { path, size, md5: md5.digest(), crc64: crc.digest() };
  } finally {
    await file.close();
    if (!ok) await unlink(path).catch(() => undefined);
  }
}

/** Deletes a received body that will not be stored. */
export async function discardBody(body: ReceivedBody): Promise<void> {
  await unlink(body.path).catch(() => undefined);
}
