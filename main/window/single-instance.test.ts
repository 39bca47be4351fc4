import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from './single-instance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    requestSingleInstanceLock: () => gotLock,
    on: (name: string, listener: () => void) => listeners.set(name, listener),
  };
}

type AppArg = Parameters<typeof claimSingleInstance>[0];

describe('claimSingleInstance', () => {
  it('lets the first instance run and focuses it on every second launch', () => {
    const app = fakeApp(true);
    let focused = 0;
    // The fake carries only the two members claimSingleInstance uses.
    expect(claimSingleInstance(app as unknown as AppArg, () => (focused += 1))).toBe(true);
    app.listeners.get('second-instance')?.();
    app.listeners.get('second-instance')?.();
    expect(focused).toBe(2);
  });

  it('tells a second instance to quit without listening for others', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as unknown as AppArg, () => undefined)).toBe(false);
    expect(app.listeners.size).toBe(0);
  });
});
