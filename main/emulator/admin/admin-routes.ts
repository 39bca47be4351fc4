// The emulator's own control surface, outside the OSS namespace: `/__emulator/...` on a path-style Host (an IP or
// `localhost`; `__emulator` can never be a bucket name, so no OSS request is shadowed). JSON in, JSON out. Every
// call must carry the first configured AccessKey id as `x-emulator-admin: <id>` or `Authorization: Bearer <id>`,
// so that other local users cannot reconfigure a running emulator.
//
//   GET    /__emulator/faults             → FaultOptions
//   PUT    /__emulator/faults             Partial<FaultOptions> → FaultOptions (a `seed` restarts the sequence)
//   GET    /__emulator/stats              → EmulatorStats
//   DELETE /__emulator/stats              → 204, counters zeroed
//   POST   /__emulator/fail-next          FailNextRule → 204
//   DELETE /__emulator/fail-next          → 204, pending rules dropped
//   POST   /__emulator/uploads/initiated  { bucket, uploadId, initiated: ISO string | epoch ms } → 204 (404 if unknown)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { safeEqual } from '../auth/auth-checks';
import type { EmulatorStats, FailNextRule, FaultOptions } from '../emulator-types';

/** The path prefix of every admin route. */
export const ADMIN_PREFIX = '/__emulator/';

/** What the admin routes act on. */
export interface AdminDeps {
  readonly adminToken: string;
  getFaults(): FaultOptions;
  /** Throws RangeError for invalid values. */
  setFaults(update: Partial<FaultOptions>): FaultOptions;
  stats(): EmulatorStats;
  resetStats(): void;
  failNext(rule: FailNextRule): void;
  clearFailNext(): void;
  setUploadInitiated(bucket: string, uploadId: string, initiatedMs: number): Promise<boolean>;
}

const MAX_ADMIN_BODY_BYTES = 64 * 1024;

const faultsSchema = z
  .object({
    seed: z.number().int(),
    resetPartBodyRate: z.number(),
    resetAfterBytes: z.number(),
    error500Rate: z.number(),
    error503Rate: z.number(),
    latencyMs: z.number(),
    bandwidthBytesPerSecond: z.number(),
    malformedXmlRate: z.number(),
    truncatedXmlRate: z.number(),
  })
  .partial()
  .strict();

const failNextSchema = z
  .object({
    operation: z.string().min(1),
    code: z.string().min(1),
    status: z.number().int().min(400).max(599),
    count: z.number().int().min(1).default(1),
    keyPrefix: z.string().optional(),
    message: z.string().optional(),
  })
  .strict();

const initiatedSchema = z
  .object({
    bucket: z.string().min(1),
    uploadId: z.string().min(1),
    initiated: z.union([z.number(), z.string()]),
  })
  .strict();

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', String(body.length));
  res.end(body);
}

function sendNoContent(res: ServerResponse): void {
  res.statusCode = 204;
  res.end();
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    if (!(chunk instanceof Buffer)) throw new TypeError('request body chunk is not a Buffer');
    size += chunk.length;
    if (size > MAX_ADMIN_BODY_BYTES) throw new RangeError('admin request body too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function isAuthorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers['x-emulator-admin'];
  if (typeof header === 'string' && safeEqual(header, token)) return true;
  const authorization = req.headers.authorization;
  return typeof authorization === 'string' && authorization.startsWith('Bearer ') && safeEqual(authorization.slice(7), token);
}

function initiatedMsOf(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

async function route(req: IncomingMessage, res: ServerResponse, deps: AdminDeps, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  const call = `${method} ${path}`;
  switch (call) {
    case 'GET faults':
      return sendJson(res, 200, deps.getFaults());
    case 'PUT faults':
      return sendJson(res, 200, deps.setFaults(faultsSchema.parse(await readJson(req))));
    case 'GET stats':
      return sendJson(res, 200, deps.stats());
    case 'DELETE stats':
      deps.resetStats();
      return sendNoContent(res);
    case 'POST fail-next':
      deps.failNext(failNextSchema.parse(await readJson(req)));
      return sendNoContent(res);
    case 'DELETE fail-next':
      deps.clearFailNext();
      return sendNoContent(res);
    case 'POST uploads/initiated': {
      const body = initiatedSchema.parse(await readJson(req));
      const ms = initiatedMsOf(body.initiated);
      if (!Number.isFinite(ms)) return sendJson(res, 400, { error: 'initiated must be epoch ms or an ISO 8601 date' });
      const found = await deps.setUploadInitiated(body.bucket, body.uploadId, ms);
      return found ? sendNoContent(res) : sendJson(res, 404, { error: 'no such upload' });
    }
    default:
      return sendJson(res, 404, { error: `unknown admin route ${call}` });
  }
}

/** Handles one admin request; never throws (bad input is a 400 JSON answer). */
export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, deps: AdminDeps): Promise<void> {
  if (!isAuthorized(req, deps.adminToken)) {
    sendJson(res, 403, { error: 'admin routes need x-emulator-admin: <first access key id>' });
    return;
  }
  const url = req.url ?? '/';
  const path = url.slice(ADMIN_PREFIX.length).split('?')[0] ?? '';
  try {
    await route(req, res, deps, path);
  } catch (error) {
    if (res.headersSent) return;
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    sendJson(res, 400, { error: message });
  }
}
