// The numeric settings as typed (strings, in the units people think in: MiB parts, MiB/s or KiB/s bandwidth) and
// their checks against SETTINGS_BOUNDS (shared/ipc/app-settings.ts, the same bounds the IPC schema enforces), so an
// invalid value is shown next to its field and never sent.
import { SETTINGS_BOUNDS, type AppSettings, type AppSettingsPatch } from '../../../shared/ipc/app-settings';

/** The unit the bandwidth limit is typed in. */
export type BandwidthUnit = 'MiB/s' | 'KiB/s';

/** The numeric fields of the settings form, as typed. */
export interface SettingsNumberValues {
  readonly partSizeMiB: string;
  readonly maxRequests: string;
  readonly maxFiles: string;
  readonly bandwidth: string;
  readonly bandwidthUnit: BandwidthUnit;
  readonly maxAttempts: string;
}

/** A numeric field of the form. */
export type SettingsNumberField = Exclude<keyof SettingsNumberValues, 'bandwidthUnit'>;

/** Why a numeric field is refused; `min` and `max` are in the field's own unit, for the message. */
export interface SettingsFieldError {
  readonly problem: 'notANumber' | 'notWhole' | 'outOfRange';
  readonly min: number;
  readonly max: number;
}

/** Refused fields. */
export type SettingsFormErrors = Partial<Record<SettingsNumberField, SettingsFieldError>>;

const MIB = 1024 * 1024;
const KIB = 1024;

/** Bytes per unit of the bandwidth field. */
export function bandwidthUnitBytes(unit: BandwidthUnit): number {
  return unit === 'MiB/s' ? MIB : KIB;
}

// Up to 4 decimals: the smallest part (100 KiB) is 0.0977 MiB, and a typed "0.1" must stay readable.
function trimNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** The form's values for saved settings; the bandwidth shows in MiB/s when it is a whole number of MiB/s. */
export function settingsToForm(settings: AppSettings): SettingsNumberValues {
  const bandwidth = settings.bandwidthBytesPerSecond;
  const unit: BandwidthUnit = bandwidth === 0 || bandwidth % MIB === 0 ? 'MiB/s' : 'KiB/s';
  return {
    partSizeMiB: trimNumber(settings.partSizeBytes / MIB),
    maxRequests: String(settings.maxRequests),
    maxFiles: String(settings.maxFiles),
    bandwidth: trimNumber(bandwidth / bandwidthUnitBytes(unit)),
    bandwidthUnit: unit,
    maxAttempts: String(settings.maxAttempts),
  };
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: SettingsFieldError };

// `scale` turns the typed unit into the stored one; bounds are shown in the typed unit.
function parseBounded(text: string, bounds: { readonly min: number; readonly max: number }, scale: number, whole: boolean): Parsed {
  const shown = { min: bounds.min / scale, max: bounds.max / scale };
  const typed = parseNumber(text);
  if (typed === undefined) return { ok: false, error: { problem: 'notANumber', ...shown } };
  if (whole && !Number.isInteger(typed)) return { ok: false, error: { problem: 'notWhole', ...shown } };
  const value = Math.round(typed * scale);
  if (value < bounds.min || value > bounds.max) return { ok: false, error: { problem: 'outOfRange', ...shown } };
  return { ok: true, value };
}

/** Checks the numeric fields: the patch of valid values that differ from `settings`, and the refused fields. */
export function validateSettingsForm(
  values: SettingsNumberValues,
  settings: AppSettings,
): { readonly patch: AppSettingsPatch; readonly errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {};
  const patch: { -readonly [K in keyof AppSettingsPatch]: AppSettingsPatch[K] } = {};
  const fields = [
    ['partSizeMiB', 'partSizeBytes', parseBounded(values.partSizeMiB, SETTINGS_BOUNDS.partSizeBytes, MIB, false)],
    ['maxRequests', 'maxRequests', parseBounded(values.maxRequests, SETTINGS_BOUNDS.maxRequests, 1, true)],
    ['maxFiles', 'maxFiles', parseBounded(values.maxFiles, SETTINGS_BOUNDS.maxFiles, 1, true)],
    [
      'bandwidth',
      'bandwidthBytesPerSecond',
      parseBounded(values.bandwidth, SETTINGS_BOUNDS.bandwidthBytesPerSecond, bandwidthUnitBytes(values.bandwidthUnit), false),
    ],
    ['maxAttempts', 'maxAttempts', parseBounded(values.maxAttempts, SETTINGS_BOUNDS.maxAttempts, 1, true)],
  ] as const;
  for (const [field, setting, parsed] of fields) {
    if (!parsed.ok) errors[field] = parsed.error;
    else if (parsed.value !== settings[setting]) patch[setting] = parsed.value;
  }
  return { patch, errors };
}
