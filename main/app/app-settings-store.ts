// The user's settings (shared/ipc/app-settings.ts), persisted as `settings.json` in the data folder. A file that does
// not parse or validate is moved aside and the defaults apply, so a bad edit can never stop the app from starting.
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type AppSettings, type AppSettingsPatch } from '../../shared/ipc/app-settings';
import { settingsPatchSchema, settingsSchema } from '../../shared/ipc/schemas';
import type { EngineSettingsUpdate } from '../uploads/engine-settings';
import { loadJsonFile, writePrivateJsonFile } from '../accounts/private-json-file';
import { SerialQueue } from '../accounts/serial-queue';

/** Name of the settings file inside the data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

const FILE_VERSION = 1;
// Fields are optional so a file from an older version (fewer settings) still loads; missing ones take the defaults.
const fileSchema = z.object({ version: z.literal(FILE_VERSION), settings: settingsPatchSchema }).strict();

/** The engine's share of the settings (issue 3 engine settings; `onStart` decides resumeOnStart). */
export function toEngineSettingsUpdate(settings: AppSettings): EngineSettingsUpdate {
  return {
    partSizeBytes: settings.partSizeBytes,
    maxRequests: settings.maxRequests,
    maxFiles: settings.maxFiles,
    bandwidthBytesPerSecond: settings.bandwidthBytesPerSecond,
    retry: { maxAttempts: settings.maxAttempts },
    resumeOnStart: settings.onStart === 'resume',
  };
}

/** Settings in memory, written through to `settings.json` (one write at a time, in call order). */
export class AppSettingsStore {
  readonly file: string;
  #current: AppSettings;
  readonly #queue = new SerialQueue();

  private constructor(file: string, current: AppSettings) {
    this.file = file;
    this.#current = current;
  }

  /** Loads the file; a bad one is moved aside (reported through `warn`) and the defaults apply. */
  static async open(options: {
    readonly dataDir: string;
    readonly now: () => number;
    readonly warn: (line: string) => void;
  }): Promise<AppSettingsStore> {
    const file = join(options.dataDir, SETTINGS_FILE_NAME);
    const load = await loadJsonFile(file, fileSchema, options.now);
    if (load.kind === 'movedAside') {
      options.warn(`Settings file ${file} could not be used (${load.reason}); using defaults. Moved to ${load.movedTo ?? '(could not move it)'}.`);
    }
    const stored = load.kind === 'loaded' ? load.value.settings : {};
    return new AppSettingsStore(file, { ...DEFAULT_SETTINGS, ...stored });
  }

  /** The settings in force. */
  get(): AppSettings {
    return this.#current;
  }

  /**
   * Applies a patch: checked as a whole (a TypeError for anything the schema refuses, which the dispatcher has
   * already ruled out), handed to `apply` (which may refuse by throwing, leaving everything as it was), then written.
   * Resolves with the new settings once they are on disk.
   */
  async update(patch: AppSettingsPatch, apply: (next: AppSettings) => void = () => undefined): Promise<AppSettings> {
    return this.#queue.run(async () => {
      // An explicit `undefined` in the patch means "unchanged", not "unset".
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const parsed = settingsSchema.safeParse({ ...this.#current, ...defined });
      if (!parsed.success) throw new TypeError('Invalid settings update');
      apply(parsed.data);
      try {
        await writePrivateJsonFile(this.file, { version: FILE_VERSION, settings: parsed.data });
      } catch (error) {
        apply(this.#current); // what is in force must match what the next start will load
        throw error;
      }
      this.#current = parsed.data;
      return parsed.data;
    });
  }
}
