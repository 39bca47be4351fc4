// The upload benchmark's core split (bench/cpu-split.ts): which CPUs the emulator and the clients get, and that a
// process started through it really runs only there (Linux with taskset; elsewhere the check is skipped).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { onCpus, planCpuSplit, tasksetAvailable } from '../../bench/cpu-split';

describe('bench CPU split', () => {
  it('gives clients the lower half (rounded up) and the emulator the rest, and nothing below two CPUs', () => {
    expect(planCpuSplit(2)).toEqual({ client: '0', server: '1' });
    expect(planCpuSplit(3)).toEqual({ client: '0-1', server: '2' });
    expect(planCpuSplit(8)).toEqual({ client: '0-3', server: '4-7' });
    expect(planCpuSplit(1)).toBeUndefined();
    expect(planCpuSplit(0)).toBeUndefined();
    expect(planCpuSplit(2.5)).toBeUndefined();
  });

  it('runs a command unchanged without CPUs, and through taskset with them', () => {
    expect(onCpus(undefined, 'node', ['a.js'])).toEqual(['node', ['a.js']]);
    expect(onCpus('1', 'node', ['a.js'])).toEqual(['taskset', ['-c', '1', 'node', 'a.js']]);
  });

  it.runIf(process.platform === 'linux' && tasksetAvailable())('pins a started process to its CPUs', () => {
    const [command, args] = onCpus('0', process.execPath, ['-e', "process.stdout.write(require('fs').readFileSync('/proc/self/status', 'utf8'))"]);
    const status = spawnSync(command, args, { encoding: 'utf8' }).stdout;
    expect(/^Cpus_allowed_list:\s*(\S+)$/m.exec(status)?.[1]).toBe('0');
  });
});
