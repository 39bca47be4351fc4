// `npm run emulator -- --port 9000 --data-dir DIR --bucket NAME [--bucket NAME2] --access-key-id ID
// --access-key-secret SECRET [fault flags]`: runs the emulator until SIGINT/SIGTERM. Prints a line containing
// `http://127.0.0.1:PORT` once listening (tests and scripts wait for it). Without credentials it generates a pair and
// prints the secret once, labelled; a secret given on the command line is never printed.
import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { startEmulator } from './emulator-server';
import type { EmulatorCredential, FaultOptions } from './emulator-types';

function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a non-negative number');
  return n;
}

function rate(value: string): number {
  const n = nonNegativeNumber(value);
  if (n > 1) throw new InvalidArgumentError('expected a fraction between 0 and 1');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface CliOptions {
  port: number;
  dataDir: string;
  bucket: string[];
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  region?: string;
  verbose?: boolean;
  seed?: number;
  resetPartBodyRate?: number;
  resetAfterBytes?: number;
  error500Rate?: number;
  error503Rate?: number;
  latencyMs?: number;
  bandwidthBytesPerSecond?: number;
  malformedXmlRate?: number;
  truncatedXmlRate?: number;
  /** false with --no-fsync. */
  fsync: boolean;
}

const FAULT_KEYS = [
  'seed',
  'resetPartBodyRate',
  'resetAfterBytes',
  'error500Rate',
  'error503Rate',
  'latencyMs',
  'bandwidthBytesPerSecond',
  'malformedXmlRate',
  'truncatedXmlRate',
] as const satisfies ReadonlyArray<keyof FaultOptions>;

function faultsFrom(options: CliOptions): Partial<FaultOptions> {
  const faults: Partial<Record<keyof FaultOptions, number>> = {};
  for (const key of FAULT_KEYS) {
    const value = options[key];
    if (value !== undefined) faults[key] = value;
  }
  return faults;
}

function credentialFrom(options: CliOptions): { credential: EmulatorCredential; generated: boolean } {
  if (options.accessKeyId === undefined && options.accessKeySecret === undefined) {
    const credential = { accessKeyId: `LTAI${randomBytes(10).toString('hex')}`, accessKeySecret: randomBytes(20).toString('base64url') };
    return { credential: { ...credential, securityToken: options.securityToken }, generated: true };
  }
  if (options.accessKeyId === undefined || options.accessKeySecret === undefined) {
    throw new InvalidArgumentError('give both --access-key-id and --access-key-secret, or neither to generate a pair');
  }
  return {
    credential: { accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret, securityToken: options.securityToken },
    generated: false,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('oss-emulator')
    .description('Local Alibaba Cloud OSS-compatible server (127.0.0.1 only)')
    .option('--port <port>', 'port to listen on; 0 picks a free one', integer, 9000)
    .requiredOption('--data-dir <dir>', 'directory holding buckets, objects and uploads')
    .option('--bucket <name>', 'bucket to serve (repeatable)', collect, [])
    .option('--access-key-id <id>', 'AccessKey id to accept')
    .option('--access-key-secret <secret>', 'AccessKey secret to accept')
    .option('--security-token <token>', 'require this STS token with the key')
    .option('--region <region>', 'region V4 signatures must name', 'cn-hangzhou')
    .option('--verbose', 'print one line per request')
    .option('--seed <n>', 'fault PRNG seed', integer)
    .option('--reset-part-body-rate <fraction>', 'fraction of UploadPart requests reset mid-body', rate)
    .option('--reset-after-bytes <n>', 'body bytes read before such a reset', nonNegativeNumber)
    .option('--error-500-rate <fraction>', 'fraction of requests answered 500 InternalError', rate)
    .option('--error-503-rate <fraction>', 'fraction of requests answered 503 ServiceUnavailable', rate)
    .option('--latency-ms <ms>', 'latency added to every request', nonNegativeNumber)
    .option('--bandwidth-bytes-per-second <n>', 'per-connection bandwidth cap (0 = none)', nonNegativeNumber)
    .option('--malformed-xml-rate <fraction>', 'fraction of XML responses made unparsable', rate)
    .option('--truncated-xml-rate <fraction>', 'fraction of XML responses cut short', rate)
    .option('--no-fsync', 'answer without flushing received bodies and records to disk (kept in files, not power-cut safe)');
  program.parse(argv, { from: 'node' });
  const options = program.opts<CliOptions>();
  if (options.bucket.length === 0) program.error('error: give at least one --bucket <name>');

  const { credential, generated } = credentialFrom(options);
  const emulator = await startEmulator({
    port: options.port,
    dataDir: options.dataDir,
    buckets: options.bucket,
    credentials: [credential],
    region: options.region,
    faults: faultsFrom(options),
    syncBodies: options.fsync,
    log: options.verbose === true ? (line) => console.log(line) : undefined,
  });
  console.log(`OSS emulator listening on ${emulator.url} (buckets: ${options.bucket.join(', ')})`);
  console.log(`Access key id: ${credential.accessKeyId}`);
  if (generated) console.log(`Generated access key secret (shown only now): ${credential.accessKeySecret}`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
