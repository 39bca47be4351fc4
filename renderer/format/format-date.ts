// Dates and relative times through Intl, so both languages get their native forms ("3 days ago", "3 天前") and the
// user's own time zone. `now` is passed in: callers hold one clock reading per render, tests a fixed one.
// Formatters are cached per language (and zone): building an Intl.DateTimeFormat costs far more than using one, and
// the incomplete-uploads list formats a date per row per render (measured: 7% of the scroll bench's long-task time
// went to `new Intl.DateTimeFormat` in formatDate before this cache).
import type { Language } from '../../shared/ipc/app-settings';

/** Options for formatDate; `timeZone` is for tests (the default is the user's zone). */
export interface FormatDateOptions {
  readonly timeZone?: string | undefined;
}

/** `2025-03-04T05:06:00Z` → `Mar 4, 2025, 5:06 AM` (en) / `2025年3月4日 05:06` (zh-CN). */
export function formatDate(ms: number, language: Language, options: FormatDateOptions = {}): string {
  if (!Number.isFinite(ms)) return '—';
  return dateTimeFormat(language, options.timeZone).format(ms);
}

// Keyed by language and zone ('' for the user's own); a handful of entries at most.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();

function dateTimeFormat(language: Language, timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = `${language}\n${timeZone ?? ''}`;
  let format = dateFormats.get(cacheKey);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone === undefined ? {} : { timeZone }) });
    dateFormats.set(cacheKey, format);
  }
  return format;
}

function relativeTimeFormat(language: Language): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  return format;
}

const STEPS: readonly { readonly unit: Intl.RelativeTimeFormatUnit; readonly ms: number }[] = [
  { unit: 'year', ms: 365 * 24 * 3600 * 1000 },
  { unit: 'month', ms: 30 * 24 * 3600 * 1000 },
  { unit: 'day', ms: 24 * 3600 * 1000 },
  { unit: 'hour', ms: 3600 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
  { unit: 'second', ms: 1000 },
];

/** `then` relative to `now`: `3 days ago`, `in 2 hours`, `now` (en) / `3天前`, `2小时后`, `现在` (zh-CN). */
export function formatRelativeTime(thenMs: number, nowMs: number, language: Language): string {
  if (!Number.isFinite(thenMs) || !Number.isFinite(nowMs)) return '—';
  const format = relativeTimeFormat(language);
  const diff = thenMs - nowMs;
  for (const step of STEPS) {
    if (Math.abs(diff) >= step.ms) return format.format(Math.trunc(diff / step.ms), step.unit);
  }
  return format.format(0, 'second');
}
