// What an operation handler gets (one authenticated, routed request) and what it returns (status, headers, body).
import type { IncomingMessage } from 'node:http';
import type { EmulatorCredential } from '../emulator-types';
import type { QueryParams } from '../request-query';
import type { AddressingStyle } from '../request-target';
import type { OperationName } from '../route-operation';
import type { EmulatorStore } from '../store/emulator-store';
import type { ReceivedBody } from '../store/receive-body';

/** One request, ready for its operation. */
export interface OperationContext {
  readonly req: IncomingMessage;
  readonly operation: OperationName;
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly key: string;
  readonly query: QueryParams;
  /** The Host header as received (for Location and HostId). */
  readonly host: string;
  readonly store: EmulatorStore;
  readonly credential: EmulatorCredential;
  /** Bare region id, e.g. `cn-hangzhou`. */
  readonly region: string;
  readonly now: () => number;
  /** A request header by lower-case name; several values joined with `,` (as signatures see them). */
  header(name: string): string | undefined;
  /** Streams the request body to a temp file (throttled, hashed, fault-injected, counted). */
  receiveBody(maxBytes: number): Promise<ReceivedBody>;
}

/**
 * Where a `file` body's bytes come from: a FileHandle, or an object's segments (store/segment-reader.ts). The
 * response writer reads `start..end` (inclusive) once, and always calls `close`, even for HEAD or an empty body.
 */
export interface ByteSource {
  createReadStream(options: { readonly start: number; readonly end: number; readonly highWaterMark: number; readonly autoClose?: boolean }): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

/** A response body. */
export type ResponseBody =
  | { readonly kind: 'xml'; readonly text: string }
  | { readonly kind: 'file'; readonly handle: ByteSource; readonly start: number; readonly length: number };

/** What a handler answers. */
export interface OperationResult {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: ResponseBody;
}

/** A handler for one operation. */
export type OperationHandler = (ctx: OperationContext) => Promise<OperationResult>;

/** An XML success response. */
export function xmlResult(text: string, headers: Readonly<Record<string, string>> = {}, status = 200): OperationResult {
  return { status, headers, body: { kind: 'xml', text } };
}
