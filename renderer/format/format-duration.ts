// Durations for people: ETAs and ages in the two UI languages. Two units at most ("1 h 5 min"), because a job row has
// room for a glance, not a timestamp; the second unit is dropped once the first is large enough to dominate.
import type { Language } from '../../shared/ipc/app-settings';

const UNIT_LABELS: Readonly<Record<Language, { readonly d: string; readonly h: string; readonly min: string; readonly s: string; readonly sep: string }>> = {
  en: { d: 'd', h: 'h', min: 'min', s: 's', sep: ' ' },
  // Chinese UI convention: number, space, unit (天/小时/分钟/秒), e.g. "1 小时 5 分钟".
  'zh-CN': { d: '天', h: '小时', min: '分钟', s: '秒', sep: ' ' },
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `3725` → `1 h 2 min` (en) / `1 小时 2 分钟` (zh-CN); `—` for a value that is not a duration. */
export function formatDuration(seconds: number, language: Language): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const u = UNIT_LABELS[language];
  const part = (value: number, unit: string): string => `${value}${u.sep}${unit}`;
  const total = Math.round(seconds);
  if (total < MINUTE) return part(total, u.s);
  if (total < HOUR) {
    const minutes = Math.floor(total / MINUTE);
    const rest = total % MINUTE;
    // Seconds matter only while the whole thing is a few minutes.
    return minutes < 10 && rest > 0 ? `${part(minutes, u.min)} ${part(rest, u.s)}` : part(minutes, u.min);
  }
  if (total < DAY) {
    const hours = Math.floor(total / HOUR);
    const minutes = Math.floor((total % HOUR) / MINUTE);
    return minutes > 0 ? `${part(hours, u.h)} ${part(minutes, u.min)}` : part(hours, u.h);
  }
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  return hours > 0 && days < 10 ? `${part(days, u.d)} ${part(hours, u.h)}` : part(days, u.d);
}

/** The time left of a job: `—` while unknown (no speed yet, paused). */
export function formatEta(etaSeconds: number | undefined, language: Language): string {
  return etaSeconds === undefined ? '—' : formatDuration(etaSeconds, language);
}

/** An age in milliseconds (an incomplete upload's), one or two units. */
export function formatAge(ageMs: number, language: Language): string {
  return formatDuration(ageMs / 1000, language);
}
