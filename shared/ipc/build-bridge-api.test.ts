import { describe, expect, it } from 'vitest';
import type { JobId } from '../models/job';
import { DEFAULT_SETTINGS } from './app-settings';
import { buildBridgeApi, type BridgeTransport } from './build-bridge-api';
import { COMMAND_NAMES, PRELOAD_ONLY_COMMANDS, type EventEnvelope } from './contract';
import { okResult } from './result';

function fakeTransport(): BridgeTransport & {
  calls: { name: string; args: unknown }[];
  emit(envelope: EventEnvelope): void;
  subscriptions: () => number;
  fail: boolean;
} {
  const calls: { name: string; args: unknown }[] = [];
  const listeners = new Set<(e: EventEnvelope) => void>();
  const transport = {
    calls,
    fail: false,
    invoke(name: string, args: unknown) {
      calls.push({ name, args });
      return transport.fail ? Promise.reject(new Error('channel closed')) : Promise.resolve(okResult(name));
    },
    subscribe(listener: (e: EventEnvelope) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathsForDroppedFiles: () => Promise.resolve(okResult({ paths: ['/dropped'] })),
    emit: (envelope: EventEnvelope) => listeners.forEach((l) => l(envelope)),
    subscriptions: () => listeners.size,
  };
  return transport;
}

describe('buildBridgeApi', () => {
  it('exposes one method per page-callable command, namespaced, and nothing else', async () => {
    const transport = fakeTransport();
    const api = buildBridgeApi(transport) as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>>;
    const exposed: string[] = [];
    for (const [ns, methods] of Object.entries(api)) {
      if (typeof methods !== 'object') continue;
      for (const verb of Object.keys(methods)) exposed.push(`${ns}.${verb}`);
    }
    const expected = COMMAND_NAMES.filter((n) => !(PRELOAD_ONLY_COMMANDS as readonly string[]).includes(n));
    expect(exposed.sort()).toEqual([...expected].sort());
    expect(Object.keys(api).sort()).toEqual(['accounts', 'desktop', 'incomplete', 'on', 'pathsForDroppedFiles', 'settings', 'uploads']);

    for (const name of expected) {
      const [ns = '', verb = ''] = name.split('.');
      await expect(api[ns]?.[verb]?.({ probe: name })).resolves.toEqual(okResult(name));
    }
    expect(transport.calls.map((c) => c.name)).toEqual(expected);
    expect(transport.calls[0]?.args).toEqual({ probe: expected[0] });
  });

  it('answers a broken transport with a Result instead of rejecting', async () => {
    const transport = fakeTransport();
    transport.fail = true;
    const api = buildBridgeApi(transport);
    const result = await api.uploads.pause({ jobId: 'j' as JobId });
    expect(result).toMatchObject({ ok: false, error: { code: 'IpcUnavailable', retryable: true } });
  });

  it('delivers events by name and unsubscribes from the transport with the last listener', () => {
    const transport = fakeTransport();
    const api = buildBridgeApi(transport);
    const settings: unknown[] = [];
    const accounts: unknown[] = [];
    const offSettings = api.on('settings.changed', (s) => settings.push(s));
    const offAccounts = api.on('accounts.changed', (a) => accounts.push(a));
    expect(transport.subscriptions()).toBe(1);
    transport.emit({ name: 'settings.changed', payload: DEFAULT_SETTINGS });
    transport.emit({ name: 'accounts.changed', payload: [] });
    expect(settings).toEqual([DEFAULT_SETTINGS]);
    expect(accounts).toEqual([[]]);
    offSettings();
    transport.emit({ name: 'settings.changed', payload: DEFAULT_SETTINGS });
    expect(settings).toHaveLength(1);
    expect(transport.subscriptions()).toBe(1);
    offAccounts();
    expect(transport.subscriptions()).toBe(0);
  });

  it('refuses unknown events and is frozen', () => {
    const api = buildBridgeApi(fakeTransport());
    expect(() => api.on('nope' as 'settings.changed', () => undefined)).toThrow(TypeError);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.uploads)).toBe(true);
  });
});
