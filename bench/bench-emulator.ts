// The emulator as a separate process for the upload benchmark, so that its CPU (it hashes every byte it receives
// and writes it to disk) is not counted as the client's. Started through tsx like `npm run emulator`.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMULATOR_NODE_FLAGS } from '../main/emulator/emulator-node-flags';
import { onCpus } from './cpu-split';

/** Where the benchmark's emulator listens and what it accepts. */
export interface BenchEmulator {
  readonly url: string;
  readonly port: number;
  /** The emulator's process id (for server-idle.ts); undefined if it has none. */
  readonly pid: number | undefined;
  /** CPU seconds (user + system) the emulator process used so far; undefined where /proc cannot tell. */
  cpuSeconds(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Options of startEmulatorProcess. */
export interface BenchEmulatorOptions {
  readonly dataDir: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly latencyMs?: number;
  readonly bandwidthBytesPerSecond?: number;
  /** CPUs to run on (`taskset -c` form); undefined: no restriction (cpu-split.ts). */
  readonly cpus?: string | undefined;
}

const ROOT = join(__dirname, '..');
const STARTUP_TIMEOUT_MS = 60_000;

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux architecture Node runs on (USER_HZ). */
const USER_HZ = 100;

/** utime + stime of a process from /proc/<pid>/stat (Linux); undefined elsewhere or once the process is gone. */
async function processCpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain numbers.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / USER_HZ : undefined;
  } catch {
    return undefined;
  }
}

/** Starts `main/emulator/cli.ts` on a free port and resolves once it printed its URL. */
export function startEmulatorProcess(options: BenchEmulatorOptions): Promise<BenchEmulator> {
  const args = [
    ...EMULATOR_NODE_FLAGS, // no GC storms: on loopback they slowed every client, at random (emulator-node-flags.ts)
    '--import',
    'tsx',
    join(ROOT, 'main', 'emulator', 'cli.ts'),
    '--port',
    '0',
    '--data-dir',
    options.dataDir,
    '--bucket',
    options.bucket,
    '--access-key-id',
    options.accessKeyId,
    '--access-key-secret',
    options.accessKeySecret,
    // Answers must not wait on this machine's disk flushing each part: OSS acknowledges a part once it is on its
    // replicas. With fsync, every round of parallel parts queued behind one disk (bench/README.md).
    '--no-fsync',
  ];
  if (options.latencyMs !== undefined) args.push('--latency-ms', String(options.latencyMs));
  if (options.bandwidthBytesPerSecond !== undefined) args.push('--bandwidth-bytes-per-second', String(options.bandwidthBytesPerSecond));
  const [command, commandArgs] = onCpus(options.cpus, process.execPath, args);
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start within ${STARTUP_TIMEOUT_MS} ms: ${output}`));
    }, STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume(); // keep draining so the emulator never blocks on a full pipe
      resolve({
        url: match[0],
        port: Number(match[1]),
        pid: child.pid,
        cpuSeconds: () => processCpuSeconds(child.pid),
        stop: async () => {
          child.kill('SIGTERM');
          await waitForExit(child);
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code} before listening: ${output}`));
    });
  });
}
