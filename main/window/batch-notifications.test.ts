import { describe, expect, it } from 'vitest';
import { bindBatchNotifications, describeBatchOutcome, type NotificationText } from './batch-notifications';
import { FakeAppCore } from './test-support/fake-app-core';

describe('describeBatchOutcome', () => {
  it('says how many files were uploaded', () => {
    expect(describeBatchOutcome({ completed: 1, failed: 0, canceled: 0 })).toEqual({ title: 'Uploads finished', body: '1 file uploaded.' });
    expect(describeBatchOutcome({ completed: 3, failed: 0, canceled: 1 })).toEqual({ title: 'Uploads finished', body: '3 files uploaded, 1 canceled.' });
  });

  it('leads with failures', () => {
    expect(describeBatchOutcome({ completed: 2, failed: 1, canceled: 0 })).toEqual({ title: 'Uploads finished with failures', body: '2 files uploaded, 1 failed.' });
    expect(describeBatchOutcome({ completed: 0, failed: 2, canceled: 0 }).body).toBe('2 failed.');
  });
});

describe('bindBatchNotifications', () => {
  it('notifies only while the setting is on and the OS supports it', () => {
    const core = new FakeAppCore();
    const shown: NotificationText[] = [];
    let supported = true;
    bindBatchNotifications(core, { isSupported: () => supported, show: (text) => shown.push(text) });
    core.finishBatch({ completed: 1, failed: 0, canceled: 0 });
    core.currentSettings = { ...core.currentSettings, notifications: false };
    core.finishBatch({ completed: 2, failed: 0, canceled: 0 });
    core.currentSettings = { ...core.currentSettings, notifications: true };
    supported = false;
    core.finishBatch({ completed: 3, failed: 0, canceled: 0 });
    expect(shown).toEqual([{ title: 'Uploads finished', body: '1 file uploaded.' }]);
  });
});
