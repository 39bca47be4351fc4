// Durations on the command line (`--older-than 7d`): a whole number with a unit, or several (`1d12h`), so a shell
// line reads like what it means. A bare number is refused: seconds or days would both be plausible readings.

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const WHOLE = /^(?:\d+[smhdw])+$/;
const SEGMENT = /(\d+)([smhdw])/g;

/** Milliseconds in `text`, e.g. `90s`, `30m`, `12h`, `7d`, `2w`, `1d12h`; throws RangeError otherwise. */
export function parseDuration(text: string): number {
  const trimmed = text.trim().toLowerCase();
  if (!WHOLE.test(trimmed)) {
    throw new RangeError(`Invalid duration ${JSON.stringify(text)}: use a number with a unit s, m, h, d or w (e.g. 7d, 12h, 1d12h)`);
  }
  let totalMs = 0;
  for (const [, digits, unit] of trimmed.matchAll(SEGMENT)) {
    // Both groups always match; the unit is one of UNIT_MS's keys by the regular expression.
    totalMs += Number(digits) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
  }
  if (!Number.isSafeInteger(totalMs)) throw new RangeError(`Duration ${JSON.stringify(text)} is too long`);
  return totalMs;
}
