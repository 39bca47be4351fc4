// Writes responses: success results (XML or streamed file bodies) and OSS error responses (oss-protocol.md §8.1,
// §12 item 13), paced by the connection's bandwidth limiter and, when a fault says so, with broken XML.
import type { ServerResponse } from 'node:http';
import { UNKNOWN_EC, type EmulatorError } from './emulator-error';
import type { BandwidthLimiter } from './faults/bandwidth-limiter';
import type { OperationResult, ResponseBody } from './ops/operation-context';
import { renderXmlDocument, type XmlNode } from './xml-builder';

/** How an XML body is to be damaged, if at all. */
export type XmlFault = 'malformed' | 'truncated' | undefined;

/** Per-response settings. */
export interface SendOptions {
  readonly method: string;
  readonly limiter: BandwidthLimiter;
  readonly xmlFault: XmlFault;
}

/** The error document: Code, Message, RequestId, HostId, the extras, then EC and RecommendDoc (§8.1 sample order). */
export function renderErrorXml(error: EmulatorError, requestId: string, hostId: string): string {
  const nodes: XmlNode[] = [
    ['Code', error.code],
    ['Message', error.message],
    ['RequestId', requestId],
    ['HostId', hostId],
    ...error.extras.map(([name, value]): XmlNode => [name, value]),
    ['EC', error.ec],
  ];
  if (error.ec !== UNKNOWN_EC) nodes.push(['RecommendDoc', `https://api.aliyun.com/troubleshoot?q=${error.ec}`]);
  return renderXmlDocument(['Error', nodes]);
}

function damageXml(text: string, fault: XmlFault): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (fault === 'truncated') return bytes.subarray(0, Math.floor(bytes.length / 2));
  // Mismatched and unterminated tags, unescaped `&`: no XML parser accepts this.
  if (fault === 'malformed') return Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Result><Broken>&&</Result', 'utf8');
  return bytes;
}

/** Resolves on 'drain' or 'close', whichever comes first, removing both listeners (no leak across many waits). */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writePaced(res: ServerResponse, limiter: BandwidthLimiter, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length && !res.destroyed; ) {
    const slice = chunk.subarray(offset, offset + limiter.sliceBytes());
    await limiter.consume(slice.length);
    if (!res.write(slice) && !res.destroyed) await drainedOrClosed(res);
    offset += slice.length;
  }
}

async function writeBody(res: ServerResponse, body: ResponseBody, options: SendOptions): Promise<void> {
  if (body.kind === 'xml') {
    await writePaced(res, options.limiter, damageXml(body.text, options.xmlFault));
    return;
  }
  if (body.length === 0) return;
  const stream = body.handle.createReadStream({
    start: body.start,
    end: body.start + body.length - 1,
    highWaterMark: options.limiter.sliceBytes(),
    autoClose: false,
  });
  for await (const chunk of stream) {
    if (!(chunk instanceof Buffer)) throw new TypeError('file chunk is not a Buffer');
    if (res.destroyed) break;
    await writePaced(res, options.limiter, chunk);
  }
}

function bodyLength(body: ResponseBody | undefined, fault: XmlFault): number {
  if (body === undefined) return 0;
  return body.kind === 'xml' ? damageXml(body.text, fault).length : body.length;
}

/**
 * Sends a handler's result. HEAD responses keep their headers (Content-Length included) but send no body. A file
 * body's reader is closed however sending ends, a header that cannot be set included (it holds a read lease that
 * keeps replaced files on disk).
 */
export async function sendResult(res: ServerResponse, result: OperationResult, options: SendOptions): Promise<void> {
  const body = result.body;
  try {
    res.statusCode = result.status;
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    if (body?.kind === 'xml') res.setHeader('content-type', 'application/xml');
    if (!res.hasHeader('content-length')) res.setHeader('content-length', String(bodyLength(body, options.xmlFault)));
    if (options.method !== 'HEAD' && body !== undefined) await writeBody(res, body, options);
    res.end();
  } finally {
    if (body?.kind === 'file') await body.handle.close();
  }
}

/**
 * Sends an OSS error: XML body with `x-oss-ec`; for HEAD no body, the document base64-encoded in `x-oss-err`
 * instead (gov2 HeaderOssERR, §8.1).
 */
export async function sendError(res: ServerResponse, error: EmulatorError, requestId: string, hostId: string, options: SendOptions): Promise<void> {
  const xml = renderErrorXml(error, requestId, hostId);
  res.statusCode = error.status;
  res.setHeader('x-oss-ec', error.ec);
  res.setHeader('content-type', 'application/xml');
  if (options.method === 'HEAD') {
    res.setHeader('x-oss-err', Buffer.from(xml, 'utf8').toString('base64'));
    res.setHeader('content-length', '0');
    res.end();
    return;
  }
  const bytes = damageXml(xml, options.xmlFault);
  res.setHeader('content-length', String(bytes.length));
  await writePaced(res, options.limiter, bytes);
  res.end();
}
