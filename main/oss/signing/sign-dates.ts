// The two date forms OSS signatures use (oss-protocol.md §3.3, §4.1): RFC 1123 GMT for V1 (`Date` / `x-oss-date`)
// and ISO-8601 basic UTC for V4 (`x-oss-date`, `x-oss-date` query). Both are computed from an injected epoch-ms value.
import { OssError } from '../oss-error';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Years a four-digit date field can carry; anything else is a caller bug, not a date OSS would accept. */
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

function toUtcDate(ms: number): Date {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime()) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message: `Not a signable time: ${ms}` });
  }
  return date;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC, e.g. `20231216T162057Z` (V4 `x-oss-date`, §4.1). */
export function formatIsoBasic(ms: number): string {
  const d = toUtcDate(ms);
  return (
    `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`
  );
}

/** RFC 1123 GMT, e.g. `Wed, 28 Dec 2022 10:27:41 GMT` (V1 Date slot, §3.3). */
export function formatRfc1123(ms: number): string {
  const d = toUtcDate(ms);
  // Indices come from getUTCDay (0-6) and getUTCMonth (0-11): always within the tables.
  const weekday = WEEKDAYS[d.getUTCDay()] as string;
  const month = MONTHS[d.getUTCMonth()] as string;
  return (
    `${weekday}, ${pad2(d.getUTCDate())} ${month} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} GMT`
  );
}

const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Epoch ms of an ISO-8601 basic timestamp (`20231216T162057Z`), or undefined when it is not exactly that form or
 * names an impossible date. A verifier needs this to check skew and presigned expiry (§4.4, §12 items 4-5).
 */
export function parseIsoBasic(value: string): number | undefined {
  const m = ISO_BASIC.exec(value);
  if (m === null) return undefined;
  // The regex has exactly six groups, all digits.
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number, number, number, number, number, number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls over out-of-range fields (month 13, 25:00); a round trip rejects them.
  const d = new Date(ms);
  const same =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  return same ? ms : undefined;
}
