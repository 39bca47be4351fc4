// Lazily filled part counts and bytes (issue 6 item 4) for the rows a user actually looks at. Each stats answer costs
// main a ListParts walk, so asking for every row a fling mounts for one frame is waste: profiling bench:ui's scroll
// (10,000 uploads, a screenful per 50 ms) showed each mounted row asking on its own, and 40% of the long-task time
// spent merging those one-row requests into the store. Instead the list reports its visible range, and the range in
// view is sampled at most once per STATS_SAMPLE_MS: a pause or a slow scroll fills the rows in, a fling asks little.
import { useCallback, useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { IncompleteStore } from './incomplete-store';

/** How often the range in view is turned into a stats request while it keeps moving. */
export const STATS_SAMPLE_MS = 150;

/** The uploads among list indexes `first..last` (inclusive), where the first `folderCount` indexes are folders. */
export function uploadsInRange<T>(uploads: readonly T[], folderCount: number, first: number, last: number): readonly T[] {
  return uploads.slice(Math.max(0, first - folderCount), Math.max(0, last + 1 - folderCount));
}

/** Returns the list's onVisibleRangeChange: asks the store for the stats of the rows in view, sampled over time. */
export function useStatsForVisibleRows(store: StoreApi<IncompleteStore>): (first: number, last: number) => void {
  const range = useRef({ first: 0, last: -1 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
  return useCallback(
    (first: number, last: number) => {
      range.current = { first, last };
      if (timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const { folders, uploads, requestStats } = store.getState();
        const inView = uploadsInRange(uploads, folders.length, range.current.first, range.current.last);
        if (inView.length > 0) requestStats(inView);
      }, STATS_SAMPLE_MS);
    },
    [store],
  );
}
