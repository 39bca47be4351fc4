// Sizes, rates and durations for the terminal. Binary units throughout, matching the part-size options (parse-size.ts).

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** `0 B`, `512 B`, `1.5 KiB`, `285.7 MiB`: one decimal from KiB up. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** `35.2 MiB/s`. */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** `7s`, `1m05s`, `2h03m`; `--` when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '--';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** Whole percent, floored so 100% means done: 99.9% of a file is not uploaded. */
export function formatPercent(done: number, total: number): string {
  if (total <= 0) return done >= total ? '100%' : '0%';
  return `${Math.floor((Math.min(done, total) / total) * 100)}%`;
}
