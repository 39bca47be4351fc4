import { describe, expect, it } from 'vitest';
import { decideQuit, installQuitGuard, type QuitGuardOptions } from './quit-guard';
import { FakeAppCore, IDLE } from './test-support/fake-app-core';

/** An app whose before-quit listeners run like Electron's: quit() fires them and exits unless one prevents it. */
function fakeApp() {
  const listeners: ((event: { preventDefault(): void }) => void)[] = [];
  const app = {
    exited: 0,
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => {
      if (name === 'before-quit') listeners.push(listener);
    },
    quit: () => {
      let prevented = false;
      for (const listener of listeners) listener({ preventDefault: () => (prevented = true) });
      if (!prevented) app.exited += 1;
    },
  };
  return app;
}

function setup(answer: number) {
  const app = fakeApp();
  const core = new FakeAppCore();
  const prompts: unknown[] = [];
  const dialog = {
    showMessageBox: async (...args: unknown[]) => {
      prompts.push(args.at(-1));
      core.calls.push('dialog');
      return { response: answer, checkboxChecked: false };
    },
  };
  // The fakes carry only the members the guard calls; Electron's overloads cannot be spelled by plain objects.
  const state = installQuitGuard({
    app: app as unknown as QuitGuardOptions['app'],
    dialog: dialog as unknown as QuitGuardOptions['dialog'],
    core,
    getWindow: () => undefined,
    log: () => undefined,
  });
  return { app, core, prompts, state };
}

describe('decideQuit', () => {
  it('quits at once when nothing runs, else asks or pauses per setting', () => {
    expect(decideQuit(IDLE, 'ask')).toBe('quit');
    expect(decideQuit({ ...IDLE, activeJobs: 1 }, 'ask')).toBe('ask');
    expect(decideQuit({ ...IDLE, activeJobs: 1 }, 'pause')).toBe('pause');
  });
});

describe('installQuitGuard', () => {
  it('asks, then pauses, shuts the core down and quits when the user agrees', async () => {
    const { app, core, prompts, state } = setup(0);
    core.setActivity({ activeJobs: 2 });
    app.quit();
    expect(app.exited).toBe(0);
    await expect.poll(() => app.exited).toBe(1);
    expect(core.calls).toEqual(['dialog', 'pauseAll', 'shutdown']);
    expect(prompts[0]).toMatchObject({ buttons: ['Pause and quit', 'Cancel'], cancelId: 1, message: '2 uploads are still running.' });
    expect(state()).toBe('done');
  });

  it('keeps running when the user cancels, and asks again next time', async () => {
    const { app, core, state } = setup(1);
    core.setActivity({ activeJobs: 1 });
    app.quit();
    await expect.poll(() => state()).toBe('running');
    expect(core.calls).toEqual(['dialog']);
    expect(app.exited).toBe(0);
    app.quit();
    await expect.poll(() => core.calls.length).toBe(2);
    expect(core.calls).toEqual(['dialog', 'dialog']);
  });

  it('pauses without asking when the setting says so', async () => {
    const { app, core } = setup(1);
    core.currentSettings = { ...core.currentSettings, onQuit: 'pause' };
    core.setActivity({ activeJobs: 1 });
    app.quit();
    await expect.poll(() => app.exited).toBe(1);
    expect(core.calls).toEqual(['pauseAll', 'shutdown']);
  });

  it('only shuts the core down when nothing runs, and ignores a second quit meanwhile', async () => {
    const { app, core } = setup(1);
    app.quit();
    app.quit();
    await expect.poll(() => app.exited).toBe(1);
    expect(core.calls).toEqual(['shutdown']);
  });
});
