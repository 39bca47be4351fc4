// How long the emulator waited during an upload. The emulator serves every request on its main thread; while that
// thread is neither running nor waiting for a CPU, it has nothing to do: no bytes from the client to read, and every
// request in flight waiting on its own file writes (the metadata it syncs per part, on libuv's threads). The disk
// waits are the same for every client unless a client's own disk work (the engine's journal syncs) slows them; the
// rest is the client not sending. On loopback the emulator's own CPU cost per GiB varies by ±15% from run to run, and
// throughput follows it whatever the client does; this figure does not (bench/README.md). Linux only:
// /proc/<pid>/task/<pid>/schedstat (on-CPU and run-queue nanoseconds).
import { readFile } from 'node:fs/promises';

interface ThreadTimes {
  readonly onCpuNs: number;
  readonly runQueueNs: number;
}

/** The main thread's times of process `pid`, or undefined where /proc cannot tell. */
async function mainThreadTimes(pid: number): Promise<ThreadTimes | undefined> {
  try {
    const [onCpu, runQueue] = (await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8')).trim().split(' ').map(Number);
    return onCpu !== undefined && runQueue !== undefined && Number.isFinite(onCpu) && Number.isFinite(runQueue)
      ? { onCpuNs: onCpu, runQueueNs: runQueue }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Stops an idle measurement: seconds the thread slept since it started, or undefined where that is unknown. */
export type StopIdleMeter = () => Promise<number | undefined>;

/** Starts measuring how long the main thread of process `pid` sleeps (wall time − on CPU − waiting for a CPU). */
export async function startIdleMeter(pid: number | undefined): Promise<StopIdleMeter> {
  const before = pid === undefined ? undefined : await mainThreadTimes(pid);
  const started = process.hrtime.bigint();
  return async () => {
    const after = pid === undefined || before === undefined ? undefined : await mainThreadTimes(pid);
    if (before === undefined || after === undefined) return undefined;
    const wallNs = Number(process.hrtime.bigint() - started);
    const busyNs = after.onCpuNs - before.onCpuNs + (after.runQueueNs - before.runQueueNs);
    return Math.max(0, wallNs - busyNs) / 1e9;
  };
}
