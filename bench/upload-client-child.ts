// One benchmark client in its own process, so its CPU and peak RSS are its own: reads a BenchUpload from the
// BENCH_UPLOAD environment variable (JSON), uploads, and prints `BENCH_RESULT <json>` with the measurement.
import { z } from 'zod';
import { measureUpload, prepareUpload } from './upload-clients';

const uploadSchema = z.object({
  tool: z.enum(['engine', 'ali-oss', 'ceiling']),
  endpoint: z.string(),
  bucket: z.string(),
  key: z.string(),
  filePath: z.string(),
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  partSizeBytes: z.number().int().positive().optional(),
  parallel: z.number().int().positive().optional(),
  serverPid: z.number().int().positive().optional(),
});

/** Prefix of the result line the parent looks for. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

async function main(): Promise<void> {
  const config = process.env['BENCH_UPLOAD'];
  if (config === undefined) throw new Error('BENCH_UPLOAD is not set');
  const upload = uploadSchema.parse(JSON.parse(config) as unknown);
  const run = await prepareUpload(upload);
  const result = await measureUpload(run, upload.serverPid);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
