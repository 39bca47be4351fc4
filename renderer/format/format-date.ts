// Dates and relative times through Intl, so both languages get their native forms ("3 days ago", "3 天前") and the
// user's own time zone. `now` is passed in: callers hold one clock reading per render, tests a fixed one.
import type { Language } from '../../shared/ipc/app-settings';

/** Options for formatDate; `timeZone` is for tests (the default is the user's zone). */
export interface FormatDateOptions {
  readonly timeZone?: string | undefined;
}

/** `2025-03-04T05:06:00Z` → `Mar 4, 2025, 5:06 AM` (en) / `2025年3月4日 05:06` (zh-CN). */
export function formatDate(ms: number, language: Language, options: FormatDateOptions = {}): string {
  if (!Number.isFinite(ms)) return '—';
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  }).format(ms);
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
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const diff = thenMs - nowMs;
  for (const step of STEPS) {
    if (Math.abs(diff) >= step.ms) return format.format(Math.trunc(diff / step.ms), step.unit);
  }
  return format.format(0, 'second');
}
