// Starts the local OSS-compatible emulator: Node `http` on 127.0.0.1 only, keep-alive, disk-backed state under
// `dataDir` (oss-protocol.md §12; issue 2 item 3). Tests, benchmarks and the app's "Local emulator" account use it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { normalizeRegion } from '../oss/signing/sign-v4';
import type { AdminDeps } from './admin/admin-routes';
import { StatsRecorder } from './emulator-stats';
import type { EmulatorCredential, EmulatorOptions, FailNextRule, FaultOptions, RunningEmulator } from './emulator-types';
import { BandwidthLimiter } from './faults/bandwidth-limiter';
import { FailNextQueue } from './faults/fail-next';
import { FaultController } from './faults/fault-controller';
import { createRequestHandler } from './request-handler';
import { EmulatorStore } from './store/emulator-store';

const LOOPBACK = '127.0.0.1';
const DEFAULT_REGION = 'cn-hangzhou';
/** Longer than any client's idle keep-alive (undici 4 s, agentkeepalive 15 s), so the client always closes first. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function credentialMap(credentials: readonly EmulatorCredential[]): Map<string, EmulatorCredential> {
  if (credentials.length === 0) throw new Error('The emulator needs at least one credential');
  const map = new Map<string, EmulatorCredential>();
  for (const c of credentials) {
    if (c.accessKeyId === '' || c.accessKeySecret === '') throw new Error('Credentials need a non-empty id and secret');
    if (map.has(c.accessKeyId)) throw new Error(`Duplicate access key id ${c.accessKeyId}`);
    map.set(c.accessKeyId, c);
  }
  return map;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new RangeError(`Invalid port ${options.port}`);
  const credentials = credentialMap(options.credentials);
  const firstCredential = options.credentials[0];
  if (firstCredential === undefined) throw new Error('The emulator needs at least one credential');
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const store = await EmulatorStore.open(options.dataDir, options.buckets, now(), options.syncBodies ?? true);
  const faults = new FaultController(options.faults);
  const failNext = new FailNextQueue();
  const stats = new StatsRecorder();
  const limiters = new WeakMap<Socket, BandwidthLimiter>();
  const setUploadInitiated = (bucket: string, uploadId: string, initiatedMs: number): Promise<boolean> =>
    store.bucket(bucket) === undefined ? Promise.resolve(false) : store.uploads.setInitiated(bucket, uploadId, initiatedMs);

  const admin: AdminDeps = {
    adminToken: firstCredential.accessKeyId,
    getFaults: () => faults.options,
    setFaults: (update) => faults.update(update),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    failNext: (rule) => failNext.add(rule),
    clearFailNext: () => failNext.clear(),
    setUploadInitiated,
  };
  const handler = createRequestHandler({
    store,
    auth: { credentials, region: normalizeRegion(options.region ?? DEFAULT_REGION) },
    now,
    faults,
    failNext,
    stats,
    admin,
    log,
    syncBodies: options.syncBodies ?? true,
    limiterFor: (socket) => {
      let limiter = limiters.get(socket);
      if (limiter === undefined) {
        limiter = new BandwidthLimiter(() => faults.options.bandwidthBytesPerSecond);
        limiters.set(socket, limiter);
      }
      return limiter;
    },
  });

  // No request timeout: a multi-GiB part under a bandwidth cap may legitimately take hours.
  const server = createServer({ keepAlive: true, requestTimeout: 0 }, handler);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const port = await listen(server, options.port);

  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    setFaults: (update: Partial<FaultOptions>) => faults.update(update),
    faults: () => faults.options,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    failNext: (rule: FailNextRule) => failNext.add(rule),
    setUploadInitiated,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
