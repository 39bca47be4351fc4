// One request, end to end: common headers, admin routes, latency, addressing, routing, authentication, injected
// failures, the operation, and the response (or the OSS error response).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatRfc1123 } from '../oss/signing/sign-dates';
import type { SignableRequest } from '../oss/signing/signable-request';
import { ADMIN_PREFIX, handleAdminRequest, type AdminDeps } from './admin/admin-routes';
import type { AuthEnvironment } from './auth/auth-checks';
import { authenticate } from './auth/authenticate';
import { EmulatorError, ossErrors } from './emulator-error';
import { newRequestId } from './emulator-ids';
import type { StatsRecorder } from './emulator-stats';
import type { BandwidthLimiter } from './faults/bandwidth-limiter';
import type { FailNextQueue } from './faults/fail-next';
import type { FaultController, FaultDraw } from './faults/fault-controller';
import type { OperationContext } from './ops/operation-context';
import { OPERATION_HANDLERS } from './ops/operation-table';
import { parseQuery, QueryParams } from './request-query';
import { isPathStyleHost, resolveRequestTarget, type RequestTarget } from './request-target';
import { routeOperation, type OperationName } from './route-operation';
import { sendError, sendResult, type XmlFault } from './send-response';
import { isValidBucketName, type EmulatorStore } from './store/emulator-store';
import { ConnectionResetFault, receiveBody } from './store/receive-body';

/** Everything the handler works with. */
export interface RequestHandlerDeps {
  readonly store: EmulatorStore;
  readonly auth: Omit<AuthEnvironment, 'nowMs'>;
  readonly now: () => number;
  readonly faults: FaultController;
  readonly failNext: FailNextQueue;
  readonly stats: StatsRecorder;
  readonly admin: AdminDeps;
  readonly limiterFor: (socket: Socket) => BandwidthLimiter;
  /** EmulatorOptions.syncBodies. */
  readonly syncBodies: boolean;
  readonly log: (line: string) => void;
}

/** Received headers with lower-case names, several values of one name joined with `,` (as gov2 signs them, §3.1). */
function receivedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values !== undefined) headers[name] = values.join(',');
  }
  return headers;
}

function xmlFaultOf(draw: FaultDraw | undefined): XmlFault {
  if (draw?.malformedXml === true) return 'malformed';
  if (draw?.truncatedXml === true) return 'truncated';
  return undefined;
}

/** Per-request state the catch block needs too. */
interface RequestState {
  operation: OperationName;
  target?: RequestTarget;
  draw?: FaultDraw;
  resetArmed: boolean;
}

function checkBucket(deps: RequestHandlerDeps, bucket: string): void {
  if (deps.store.bucket(bucket) !== undefined) return;
  throw isValidBucketName(bucket) ? ossErrors.noSuchBucket(bucket) : ossErrors.invalidBucketName(bucket);
}

/** Fail-next rules and the 500/503 draws: failures that stop the operation before it runs. */
function injectFailure(deps: RequestHandlerDeps, state: RequestState, key: string): void {
  const rule = deps.failNext.take(state.operation, key);
  if (rule !== undefined) {
    deps.stats.fault('failNext');
    throw new EmulatorError(rule.status, rule.code, rule.message ?? 'Failure injected by the emulator.');
  }
  if (state.draw?.error500 === true) {
    deps.stats.fault('error500');
    throw ossErrors.internalError();
  }
  if (state.draw?.error503 === true) {
    deps.stats.fault('error503');
    throw ossErrors.serviceUnavailable();
  }
}

async function handleOss(req: IncomingMessage, res: ServerResponse, deps: RequestHandlerDeps, state: RequestState): Promise<void> {
  const method = req.method ?? 'GET';
  const latencyMs = deps.faults.options.latencyMs;
  if (latencyMs > 0) await sleep(latencyMs);

  const target = resolveRequestTarget(req.headers.host, req.url ?? '/');
  state.target = target;
  const query = new QueryParams(parseQuery(target.rawQuery));
  state.operation = routeOperation(method, target.bucket, target.key, query);
  deps.stats.request(state.operation);
  const partId = `${query.get('uploadId') ?? ''}/${query.get('partNumber') ?? ''}`;
  if (state.operation === 'UploadPart') deps.stats.partAttempt(partId);
  state.draw = deps.faults.draw();

  const headers = receivedHeaders(req);
  const signable: SignableRequest = {
    method,
    bucket: target.bucket === '' ? undefined : target.bucket,
    key: target.key,
    query: query.pairs,
    headers,
  };
  const { credential } = authenticate(signable, { ...deps.auth, nowMs: deps.now() });
  const operation = state.operation;
  if (operation === 'Unknown') throw ossErrors.methodNotAllowed(method);
  checkBucket(deps, target.bucket);
  injectFailure(deps, state, target.key);

  const limiter = deps.limiterFor(req.socket);
  const resetAfterBytes = operation === 'UploadPart' && state.draw.resetPartBody ? deps.faults.options.resetAfterBytes : undefined;
  const ctx: OperationContext = {
    req,
    operation,
    style: target.style,
    bucket: target.bucket,
    key: target.key,
    query,
    host: req.headers.host ?? '',
    store: deps.store,
    credential,
    region: deps.auth.region,
    now: deps.now,
    header: (name) => headers[name],
    receiveBody: (maxBytes) => {
      state.resetArmed = resetAfterBytes !== undefined;
      return receiveBody(req, {
        tmpDir: deps.store.paths.tmpDir,
        maxBytes,
        sync: deps.syncBodies,
        throttle: (bytes) => limiter.consume(bytes),
        onBytes: operation === 'UploadPart' ? (bytes) => deps.stats.partBytes(partId, bytes) : () => undefined,
        resetAfterBytes,
      });
    },
  };
  const result = await OPERATION_HANDLERS[operation](ctx);
  const xmlFault = result.body?.kind === 'xml' && method !== 'HEAD' ? xmlFaultOf(state.draw) : undefined;
  if (xmlFault !== undefined) deps.stats.fault(`${xmlFault}Xml`);
  await sendResult(res, result, { method, limiter, xmlFault });
}

async function handleFailure(error: unknown, req: IncomingMessage, res: ServerResponse, deps: RequestHandlerDeps, state: RequestState, requestId: string): Promise<void> {
  if (error instanceof ConnectionResetFault) {
    if (state.resetArmed) deps.stats.fault('reset');
    return;
  }
  if (res.headersSent || req.socket.destroyed) {
    res.destroy();
    return;
  }
  let ossError: EmulatorError;
  if (error instanceof EmulatorError) {
    ossError = error;
  } else {
    deps.log(`${requestId} internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    ossError = ossErrors.internalError();
  }
  const method = req.method ?? 'GET';
  const xmlFault = method === 'HEAD' ? undefined : xmlFaultOf(state.draw);
  if (xmlFault !== undefined) deps.stats.fault(`${xmlFault}Xml`);
  await sendError(res, ossError, requestId, req.headers.host ?? '', { method, limiter: deps.limiterFor(req.socket), xmlFault });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: RequestHandlerDeps): Promise<void> {
  const requestId = newRequestId();
  res.setHeader('x-oss-request-id', requestId);
  // Always a Date from the server clock: gov2 derives its clock offset from it (§12 item 7).
  res.setHeader('date', formatRfc1123(deps.now()));
  res.setHeader('server', 'AliyunOSS');
  const url = req.url ?? '/';
  if (isPathStyleHost(req.headers.host) && url.startsWith(ADMIN_PREFIX)) {
    await handleAdminRequest(req, res, deps.admin);
    return;
  }
  const state: RequestState = { operation: 'Unknown', resetArmed: false };
  try {
    await handleOss(req, res, deps, state);
  } catch (error) {
    await handleFailure(error, req, res, deps, state, requestId);
  }
  // Only the path and operation: the query may hold a presigned signature or an STS token.
  const where = state.target === undefined ? url.split('?')[0] : `${state.target.bucket}/${state.target.key}`;
  deps.log(`${requestId} ${req.method ?? ''} ${where ?? ''} ${state.operation} ${res.statusCode}`);
}

/** The `request` listener of the emulator's HTTP server. */
export function createRequestHandler(deps: RequestHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.log(`unhandled: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    });
  };
}
