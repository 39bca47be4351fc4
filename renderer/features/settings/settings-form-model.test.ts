import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_BOUNDS } from '../../../shared/ipc/app-settings';
import { settingsToForm, validateSettingsForm } from './settings-form-model';

describe('settings form', () => {
  it('shows saved settings in MiB and MiB/s (KiB/s when not whole MiB/s)', () => {
    const form = settingsToForm({ ...DEFAULT_SETTINGS, partSizeBytes: 8 * 1024 * 1024, bandwidthBytesPerSecond: 512 * 1024 });
    expect(form).toMatchObject({ partSizeMiB: '8', bandwidth: '512', bandwidthUnit: 'KiB/s', maxRequests: '8' });
    expect(settingsToForm(DEFAULT_SETTINGS)).toMatchObject({ bandwidth: '0', bandwidthUnit: 'MiB/s' });
  });

  it('sends nothing when nothing changed', () => {
    expect(validateSettingsForm(settingsToForm(DEFAULT_SETTINGS), DEFAULT_SETTINGS)).toEqual({ patch: {}, errors: {} });
  });

  it('converts units and sends only changed fields', () => {
    const form = { ...settingsToForm(DEFAULT_SETTINGS), partSizeMiB: '16', bandwidth: '1.5', bandwidthUnit: 'MiB/s' as const, maxFiles: '4' };
    expect(validateSettingsForm(form, DEFAULT_SETTINGS)).toEqual({
      patch: { partSizeBytes: 16 * 1024 * 1024, bandwidthBytesPerSecond: 1.5 * 1024 * 1024, maxFiles: 4 },
      errors: {},
    });
  });

  it('refuses values outside SETTINGS_BOUNDS, fractions of whole settings and non-numbers', () => {
    const base = settingsToForm(DEFAULT_SETTINGS);
    const { patch, errors } = validateSettingsForm(
      { ...base, partSizeMiB: '0.05', maxRequests: String(SETTINGS_BOUNDS.maxRequests.max + 1), maxFiles: '2.5', maxAttempts: 'abc', bandwidth: '-1' },
      DEFAULT_SETTINGS,
    );
    expect(patch).toEqual({});
    expect(errors.partSizeMiB?.problem).toBe('outOfRange');
    expect(errors.maxRequests).toEqual({ problem: 'outOfRange', min: 1, max: 64 });
    expect(errors.maxFiles?.problem).toBe('notWhole');
    expect(errors.maxAttempts?.problem).toBe('notANumber');
    expect(errors.bandwidth?.problem).toBe('notANumber');
  });

  it('accepts the exact bounds (100 KiB and 5 GiB parts, 1 and 20 attempts)', () => {
    const base = settingsToForm(DEFAULT_SETTINGS);
    expect(validateSettingsForm({ ...base, partSizeMiB: '0.09765625', maxAttempts: '1' }, DEFAULT_SETTINGS).patch).toEqual({ partSizeBytes: 102_400, maxAttempts: 1 });
    expect(validateSettingsForm({ ...base, partSizeMiB: '5120', maxAttempts: '20' }, DEFAULT_SETTINGS).patch).toEqual({ partSizeBytes: 5 * 1024 ** 3, maxAttempts: 20 });
    expect(validateSettingsForm({ ...base, partSizeMiB: '5120.001' }, DEFAULT_SETTINGS).errors.partSizeMiB?.problem).toBe('outOfRange');
  });
});
