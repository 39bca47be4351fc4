// The clients the upload benchmark compares, each as "prepare, then a timed upload". Everything before the timed
// part (reading parts into memory for the ceiling, building clients) stays out of the measurement. Each row runs
// in its own process (upload-client-child.ts); the smoke test calls these in-process with a few MiB.
import OSS from 'ali-oss';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticCredentials } from '../main/oss/credentials';
import { OssClient } from '../main/oss/oss-client';
import type { CompletedPart } from '../main/oss/oss-types';
import { UploadEngine } from '../main/uploads/upload-engine';
import type { ClientMeasurement } from './bench-report';
import { startIdleMeter } from './server-idle';

/** The clients compared. */
export type BenchTool = 'engine' | 'ali-oss' | 'ceiling';

/** One upload to measure. Undefined part size or parallelism means the tool's own default. */
export interface BenchUpload {
  readonly tool: BenchTool;
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly key: string;
  readonly filePath: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly partSizeBytes?: number | undefined;
  readonly parallel?: number | undefined;
  /** The emulator's process id, to measure how long it waited for this client (server-idle.ts); optional. */
  readonly serverPid?: number | undefined;
}

/** The timed part of a prepared upload; resolves with the bytes uploaded. */
export type TimedUpload = () => Promise<number>;

/**
 * Same wire settings for every tool on loopback: signature V1 and virtual-hosted addressing (the Host header names
 * the bucket), which is what ali-oss sends for an IP endpoint (oss-protocol.md §2).
 */
function ossClient(upload: BenchUpload, connections: number): OssClient {
  return new OssClient({
    endpoint: upload.endpoint,
    region: 'cn-hangzhou',
    addressing: 'virtual-hosted',
    signatureVersion: 'v1',
    credentials: staticCredentials({ accessKeyId: upload.accessKeyId, accessKeySecret: upload.accessKeySecret }),
    connectionsPerOrigin: Math.max(16, connections + 4),
  });
}

/** This engine with its MD5 + CRC-64 verification (always on), one file, as the CLI runs it. */
async function prepareEngine(upload: BenchUpload): Promise<TimedUpload> {
  const stateDir = await mkdtemp(join(tmpdir(), 'bench-engine-state-'));
  const client = ossClient(upload, upload.parallel ?? 8);
  const settings = {
    ...(upload.partSizeBytes === undefined ? {} : { partSizeBytes: upload.partSizeBytes }),
    ...(upload.parallel === undefined ? {} : { maxRequests: upload.parallel }),
  };
  const engine = new UploadEngine({ stateDir, clients: () => client, settings });
  // The engine builds its MD5 lane pool on the next turn (upload-engine.ts); the app builds its engine at start-up,
  // long before the first drop, so that belongs to preparing like the other clients' construction.
  await new Promise<void>((resolve) => setImmediate(resolve));
  return async () => {
    try {
      const [id] = await engine.addFiles([{ localPath: upload.filePath, destination: { accountId: 'bench', bucket: upload.bucket, key: upload.key } }]);
      await engine.waitForIdle();
      const job = id === undefined ? undefined : engine.get(id);
      if (job?.status !== 'completed' || job.verifiedBy !== 'md5+crc64') {
        throw new Error(`engine upload ended ${job?.status ?? 'missing'} (${job?.error?.code ?? 'no error'}: ${job?.error?.message ?? ''})`);
      }
      return job.sizeBytes;
    } finally {
      await engine.shutdown();
      await client.close();
      await rm(stateDir, { recursive: true, force: true });
    }
  };
}

/** ali-oss `multipartUpload` from the file path (V1, virtual-hosted; its defaults where none given). */
async function prepareAliOss(upload: BenchUpload): Promise<TimedUpload> {
  const client = new OSS({
    region: 'oss-cn-hangzhou',
    accessKeyId: upload.accessKeyId,
    accessKeySecret: upload.accessKeySecret,
    bucket: upload.bucket,
    endpoint: upload.endpoint,
    secure: false,
    timeout: 300_000,
  });
  const options: OSS.MultipartUploadOptions = {
    ...(upload.partSizeBytes === undefined ? {} : { partSize: upload.partSizeBytes }),
    ...(upload.parallel === undefined ? {} : { parallel: upload.parallel }),
  };
  const { size } = await stat(upload.filePath);
  return async () => {
    await client.multipartUpload(upload.key, upload.filePath, options);
    return size;
  };
}

/**
 * The ceiling: the same parts PUT from memory (read before timing) by the project's client over undici, with no
 * hashing and no checks: what the network path and the server allow at this part size and parallelism.
 */
async function prepareCeiling(upload: BenchUpload): Promise<TimedUpload> {
  const partSize = upload.partSizeBytes ?? 8 * 1024 * 1024;
  const parallel = upload.parallel ?? 4;
  const bytes = await readFile(upload.filePath);
  const client = ossClient(upload, parallel);
  return async () => {
    try {
      const target = { bucket: upload.bucket, key: upload.key };
      const { uploadId } = await client.initiateMultipartUpload(target);
      const partCount = Math.max(1, Math.ceil(bytes.length / partSize));
      const done: CompletedPart[] = [];
      let next = 1;
      const worker = async (): Promise<void> => {
        for (let partNumber = next++; partNumber <= partCount; partNumber = next++) {
          const body = bytes.subarray((partNumber - 1) * partSize, Math.min(partNumber * partSize, bytes.length));
          const { etag } = await client.uploadPart({ ...target, uploadId, partNumber, body, contentLength: body.length });
          done.push({ partNumber, etag });
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      await client.completeMultipartUpload({ ...target, uploadId, parts: done });
      return bytes.length;
    } finally {
      await client.close();
    }
  };
}

/** Prepares one upload; the returned function is what gets timed. */
export function prepareUpload(upload: BenchUpload): Promise<TimedUpload> {
  switch (upload.tool) {
    case 'engine':
      return prepareEngine(upload);
    case 'ali-oss':
      return prepareAliOss(upload);
    case 'ceiling':
      return prepareCeiling(upload);
  }
}

/**
 * Runs a prepared upload and measures wall time and this process's CPU (peak RSS is the process's so far), and, given
 * the emulator's process id, how long the emulator sat idle meanwhile.
 */
export async function measureUpload(run: TimedUpload, serverPid?: number): Promise<ClientMeasurement> {
  const stopIdleMeter = await startIdleMeter(serverPid);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const bytes = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const serverIdleSeconds = await stopIdleMeter();
  // resourceUsage().maxRSS is in kibibytes (getrusage ru_maxrss on Linux).
  return { bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssBytes: process.resourceUsage().maxRSS * 1024, serverIdleSeconds };
}
