// Runs one benchmark client in a child process (upload-client-child.ts under tsx) and reads its measurement.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { onCpus } from './cpu-split';
import { z } from 'zod';
import type { ClientMeasurement } from './bench-report';
import { RESULT_PREFIX } from './upload-client-child';
import type { BenchUpload } from './upload-clients';

const CHILD = join(__dirname, 'upload-client-child.ts');

const measurementSchema = z.object({
  bytes: z.number(),
  seconds: z.number().positive(),
  cpuSeconds: z.number(),
  maxRssBytes: z.number(),
  serverIdleSeconds: z.number().optional(),
});

/**
 * Uploads in a fresh process (on `cpus`, `taskset -c` form, when given); resolves with what it measured, rejects with
 * its output if it failed.
 */
export function runClientProcess(upload: BenchUpload, cpus?: string): Promise<ClientMeasurement> {
  return new Promise((resolve, reject) => {
    const [command, args] = onCpus(cpus, process.execPath, ['--import', 'tsx', CHILD]);
    const child = spawn(command, args, {
      cwd: join(__dirname, '..'),
      env: { ...process.env, BENCH_UPLOAD: JSON.stringify(upload) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) {
        reject(new Error(`${upload.tool} client exited with ${code}:\n${output}`));
        return;
      }
      resolve(measurementSchema.parse(JSON.parse(line.slice(RESULT_PREFIX.length)) as unknown));
    });
  });
}
