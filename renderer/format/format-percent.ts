// Progress as a whole percentage. Floors rather than rounds, so 99.6 % never reads "100 %" before the job is done.

/** `done / total` → `0`..`100`; 0 for an empty total. */
export function percentOf(done: number, total: number): number {
  if (!(total > 0) || !Number.isFinite(done)) return 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}
