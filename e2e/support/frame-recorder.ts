// Records how smooth the page is (bench:ui, issue 6): every long task (PerformanceObserver 'longtask': main-thread
// work over 50 ms) and the time between animation frames (requestAnimationFrame deltas), between start and stop.
import type { Page } from 'playwright-core';

/** What one recording saw. */
export interface FrameRecording {
  /** Durations of the long tasks, ms. */
  readonly longTasksMs: readonly number[];
  /** Time between consecutive animation frames, ms. */
  readonly frameDeltasMs: readonly number[];
  readonly durationMs: number;
}

/** Figures of a recording. */
export interface FrameFigures {
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly frames: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  readonly durationMs: number;
}

const RECORDER = '__benchFrameRecorder';

interface RecorderState {
  longTasksMs: number[];
  frameDeltasMs: number[];
  startedAt: number;
  running: boolean;
  observer: PerformanceObserver | undefined;
}

// The recorder is page code given as source text: the bench runs under tsx, whose esbuild transform wraps named
// functions in a `__name` helper that does not exist in the page, so a transpiled function cannot be sent as is.
const START_SCRIPT = `(() => {
  const holder = window;
  if (holder.${RECORDER} && holder.${RECORDER}.observer) holder.${RECORDER}.observer.disconnect();
  const state = { longTasksMs: [], frameDeltasMs: [], startedAt: performance.now(), running: true, observer: undefined };
  holder.${RECORDER} = state;
  state.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasksMs.push(entry.duration);
  });
  state.observer.observe({ type: 'longtask' });
  let previous = 0;
  const tick = (now) => {
    if (!state.running) return;
    state.frameDeltasMs.push(now - previous);
    previous = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    previous = now;
    requestAnimationFrame(tick);
  });
})()`;

/** Starts recording in the page (replacing an earlier recording). */
export async function startFrameRecording(page: Page): Promise<void> {
  await page.evaluate(START_SCRIPT);
}

/** Stops the recording and returns it. */
export async function stopFrameRecording(page: Page): Promise<FrameRecording> {
  return page.evaluate((name) => {
    const state = (window as unknown as Record<string, RecorderState | undefined>)[name];
    if (state === undefined) throw new Error('no frame recording was started');
    state.running = false;
    state.observer?.disconnect();
    return { longTasksMs: state.longTasksMs, frameDeltasMs: state.frameDeltasMs, durationMs: performance.now() - state.startedAt };
  }, RECORDER);
}

/** The q-quantile (0..1) of `values` by the nearest-rank method; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** Longest task, 95th-percentile frame time and the rest of a recording. */
export function frameFigures(recording: FrameRecording): FrameFigures {
  return {
    longestTaskMs: recording.longTasksMs.reduce((max, value) => Math.max(max, value), 0),
    longTasks: recording.longTasksMs.length,
    frames: recording.frameDeltasMs.length,
    p95FrameMs: quantile(recording.frameDeltasMs, 0.95),
    maxFrameMs: recording.frameDeltasMs.reduce((max, value) => Math.max(max, value), 0),
    durationMs: recording.durationMs,
  };
}
