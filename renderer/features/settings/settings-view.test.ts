// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AppSettingsPatch } from '../../../shared/ipc/app-settings';
import { SettingsForm } from './settings-view';

afterEach(() => cleanup());

function setup() {
  const patches: AppSettingsPatch[] = [];
  render(
    createElement(SettingsForm, {
      settings: DEFAULT_SETTINGS,
      update: async (patch: AppSettingsPatch) => {
        patches.push(patch);
        return { ok: true };
      },
    }),
  );
  return patches;
}

describe('SettingsForm', () => {
  it('shows out-of-bounds values inline and sends nothing', async () => {
    const patches = setup();
    fireEvent.change(screen.getByLabelText('Parallel requests'), { target: { value: '65' } });
    fireEvent.change(screen.getByLabelText('Part size (MiB)'), { target: { value: '0.01' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    });
    expect(screen.getByText('Enter a value from 1 to 64.')).toBeTruthy();
    expect(screen.getByText('Enter a value from 100 KiB to 5.00 GiB.')).toBeTruthy();
    expect(screen.getByLabelText('Parallel requests').getAttribute('aria-invalid')).toBe('true');
    expect(patches).toEqual([]);
  });

  it('applies valid numbers in bytes and choices at once', async () => {
    const patches = setup();
    fireEvent.change(screen.getByLabelText('Part size (MiB)'), { target: { value: '32' } });
    fireEvent.change(screen.getByLabelText('Bandwidth limit'), { target: { value: '256' } });
    fireEvent.change(screen.getByLabelText('Bandwidth unit'), { target: { value: 'KiB/s' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    });
    expect(patches).toEqual([{ partSizeBytes: 32 * 1024 * 1024, bandwidthBytesPerSecond: 256 * 1024 }]);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    fireEvent.change(screen.getByLabelText('When quitting with uploads running'), { target: { value: 'pause' } });
    expect(patches.slice(1)).toEqual([{ language: 'zh-CN' }, { theme: 'dark' }, { onQuit: 'pause' }]);
  });
});
