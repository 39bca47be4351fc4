import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/app-settings';
import { IPC_CHANNELS, type EventEnvelope } from '../../shared/ipc/contract';
import { createEventPublisher } from './event-publisher';

describe('createEventPublisher', () => {
  it('sends each event to every target on the event channel, as a named envelope', () => {
    const warnings: string[] = [];
    const publisher = createEventPublisher({ log: { warn: (l) => warnings.push(l) } });
    const a: [string, EventEnvelope][] = [];
    const b: [string, EventEnvelope][] = [];
    publisher.addTarget((channel, envelope) => a.push([channel, envelope]));
    const removeB = publisher.addTarget((channel, envelope) => b.push([channel, envelope]));
    publisher.publish('settings.changed', DEFAULT_SETTINGS);
    removeB();
    publisher.publish('accounts.changed', []);
    expect(a).toEqual([
      [IPC_CHANNELS.event, { name: 'settings.changed', payload: DEFAULT_SETTINGS }],
      [IPC_CHANNELS.event, { name: 'accounts.changed', payload: [] }],
    ]);
    expect(b).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('drops a target whose send throws and keeps serving the others', () => {
    const warnings: string[] = [];
    const publisher = createEventPublisher({ log: { warn: (l) => warnings.push(l) } });
    const received: string[] = [];
    publisher.addTarget(() => {
      throw new Error('Object has been destroyed');
    });
    publisher.addTarget((_channel, envelope) => received.push(envelope.name));
    publisher.publish('uploads.changed', { jobs: [], removedJobIds: [], parts: [] });
    publisher.publish('uploads.changed', { jobs: [], removedJobIds: [], parts: [] });
    expect(received).toEqual(['uploads.changed', 'uploads.changed']);
    expect(publisher.targetCount).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Object has been destroyed');
  });
});
