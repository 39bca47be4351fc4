// The user's settings, mirrored from main: loaded once, then replaced whole by every 'settings.changed' event, so
// two windows (or main changing a setting itself) never disagree with what the screen shows.
import { create } from 'zustand';
import type { AppSettings, AppSettingsPatch } from '../../shared/ipc/app-settings';
import type { Result } from '../../shared/ipc/result';
import { getUploader } from '../bridge/uploader';
import { reportFailure } from './notices-store';

/** What the settings store holds and does. */
export interface SettingsState {
  /** Undefined until the first answer of settings.get. */
  readonly settings: AppSettings | undefined;
  /** Fetches the settings and starts following 'settings.changed' (idempotent). */
  load(): Promise<void>;
  /** Sends a partial update; the answer (and the event) replace the settings. Failures are shown and returned. */
  update(patch: AppSettingsPatch): Promise<Result<AppSettings>>;
}

let unsubscribe: (() => void) | undefined;

/** The settings store. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: undefined,
  async load() {
    const uploader = getUploader();
    unsubscribe ??= uploader.on('settings.changed', (settings) => set({ settings }));
    const result = await uploader.settings.get();
    if (result.ok) set({ settings: result.value });
    else reportFailure('settings.get', result.error);
  },
  async update(patch) {
    const result = await getUploader().settings.update(patch);
    if (result.ok) set({ settings: result.value });
    else reportFailure('settings.update', result.error);
    return result;
  },
}));

/** Stops following events (tests, hot reload). */
export function stopSettingsSync(): void {
  unsubscribe?.();
  unsubscribe = undefined;
}
