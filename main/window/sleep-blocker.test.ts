import { describe, expect, it } from 'vitest';
import { bindSleepBlocker } from './sleep-blocker';
import { FakeAppCore } from './test-support/fake-app-core';

/** A powerSaveBlocker that hands out ids and records what is held. */
function fakeBlocker() {
  const held = new Set<number>();
  const log: string[] = [];
  let next = 1;
  return {
    held,
    log,
    start: (type: 'prevent-app-suspension' | 'prevent-display-sleep') => {
      log.push(`start ${type}`);
      held.add(next);
      return next++;
    },
    stop: (id: number) => {
      log.push(`stop ${id}`);
      return held.delete(id);
    },
  };
}

describe('bindSleepBlocker', () => {
  it('holds one blocker while uploads run and releases it when they stop', () => {
    const core = new FakeAppCore();
    const blocker = fakeBlocker();
    bindSleepBlocker(core, blocker);
    expect(blocker.log).toEqual([]);
    core.setActivity({ activeJobs: 1 });
    core.setActivity({ activeJobs: 3, bytesDone: 10 });
    expect(blocker.log).toEqual(['start prevent-app-suspension']);
    core.setActivity({ pausedJobs: 3 });
    expect(blocker.log).toEqual(['start prevent-app-suspension', 'stop 1']);
    expect(blocker.held.size).toBe(0);
    core.setActivity({ activeJobs: 1 });
    expect(blocker.held).toEqual(new Set([2]));
  });

  it('starts at once when uploads already run, and dispose releases it', () => {
    const core = new FakeAppCore();
    core.current = { ...core.current, activeJobs: 2 };
    const blocker = fakeBlocker();
    const dispose = bindSleepBlocker(core, blocker);
    expect(blocker.held.size).toBe(1);
    dispose();
    expect(blocker.held.size).toBe(0);
    core.setActivity({ activeJobs: 1 });
    expect(blocker.held.size).toBe(0);
  });
});
