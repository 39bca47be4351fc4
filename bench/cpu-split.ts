// Which CPUs the benchmark's emulator and clients may run on. On a developer machine the emulator stands in for OSS,
// which never runs on the user's cores; on this project's 2-core machine, left to share, the emulator (which hashes
// and writes every byte it receives) and the client take CPU from each other, so a client that spends CPU on
// verification also slows the server it uploads to. Split, each side has its own cores (Linux `taskset`); the client
// CPU column still shows what each client spends. `--cores shared` measures the shared case (bench/README.md).
import { spawnSync } from 'node:child_process';

/** CPU lists in `taskset -c` form, e.g. "0" or "2-3". */
export interface CpuSplit {
  readonly server: string;
  readonly client: string;
}

function cpuList(first: number, last: number): string {
  return first === last ? String(first) : `${first}-${last}`;
}

/**
 * The split for `cpuCount` CPUs: the lower half (rounded up) for clients, the rest for the emulator. Undefined with
 * fewer than two CPUs, where there is nothing to split.
 */
export function planCpuSplit(cpuCount: number): CpuSplit | undefined {
  if (!Number.isInteger(cpuCount) || cpuCount < 2) return undefined;
  const clientCpus = Math.ceil(cpuCount / 2);
  return { client: cpuList(0, clientCpus - 1), server: cpuList(clientCpus, cpuCount - 1) };
}

/** True where `taskset` (util-linux) runs. */
export function tasksetAvailable(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The command and arguments that run `command args` on `cpus` (taskset execs the command, so the process id is the
 * command's own), or the command unchanged when `cpus` is undefined.
 */
export function onCpus(cpus: string | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpus === undefined ? [command, [...args]] : ['taskset', ['-c', cpus, command, ...args]];
}
