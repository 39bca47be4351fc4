// The upload benchmark's table and goals (issue 3, "Benchmark"): pure formatting of measured rows, so the smoke
// test can check it without running a benchmark.

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** What one client process measured around its upload (setup, file generation and tsx start-up excluded). */
export interface ClientMeasurement {
  readonly bytes: number;
  readonly seconds: number;
  /** User + system CPU of the whole client process (every thread) during the upload. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the client process over its life (process.resourceUsage().maxRSS). */
  readonly maxRssBytes: number;
  /**
   * Seconds the emulator's main thread slept during the upload, waiting for the client (server-idle.ts); undefined
   * where that was not measured.
   */
  readonly serverIdleSeconds?: number | undefined;
}

/** One run of one client in one row. */
export interface BenchRun {
  readonly row: string;
  readonly tool: string;
  readonly settings: string;
  readonly result: ClientMeasurement;
  /** CPU seconds the emulator process used during the upload (undefined where /proc is not available). */
  readonly serverCpuSeconds?: number | undefined;
}

/** One row of the table: the run with the median throughput, and the throughput of every run. */
export interface BenchRow extends BenchRun {
  /** MiB/s of every run, in run order (one entry when the row ran once). */
  readonly runsMiBPerSecond: readonly number[];
}

/** A goal and whether it was met. */
export interface GoalCheck {
  readonly name: string;
  readonly goal: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** MiB per second of a measurement. */
export function mibPerSecond(m: ClientMeasurement): number {
  return m.bytes / MiB / m.seconds;
}

/** Client CPU seconds per GiB uploaded. */
export function cpuSecondsPerGiB(m: ClientMeasurement): number {
  return m.cpuSeconds / (m.bytes / GiB);
}

/** Peak RSS in MB (10^6 bytes, as "200 MB" in the goal). */
export function peakRssMB(m: ClientMeasurement): number {
  return m.maxRssBytes / 1e6;
}

/** The middle value (the lower of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new RangeError('median of nothing');
  return middle;
}

/** The table row for several runs of one client: the run whose throughput is the median, plus every throughput. */
export function medianRun(runs: readonly BenchRun[]): BenchRow {
  const throughputs = runs.map((r) => mibPerSecond(r.result));
  const middle = median(throughputs);
  const chosen = runs[throughputs.indexOf(middle)];
  if (chosen === undefined) throw new RangeError('medianRun needs at least one run');
  return { ...chosen, runsMiBPerSecond: throughputs };
}

/**
 * A throughput ratio goal: `a` at least `factor` times `b`, from runs paired by round (run i of `a` and run i of
 * `b` ran minutes apart, so a slow spell of the shared machine hits both), judged on the median of the paired ratios.
 */
export function ratioGoal(name: string, a: readonly ClientMeasurement[], b: readonly ClientMeasurement[], factor: number): GoalCheck {
  if (a.length === 0 || a.length !== b.length) throw new RangeError(`ratioGoal needs paired runs, got ${a.length} and ${b.length}`);
  const ratios = a.map((run, i) => mibPerSecond(run) / mibPerSecond(b[i] ?? run));
  const ratio = median(ratios);
  const perRound = ratios.length > 1 ? ` (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})` : '';
  return { name, goal: `≥ ${factor.toFixed(1)}×`, measured: `${ratio.toFixed(2)}×${perRound}`, pass: ratio >= factor };
}

/** The memory goal: both peaks under `limitMB`, and within `spreadMB` of each other. */
export function memoryGoal(small: ClientMeasurement, large: ClientMeasurement, limitMB: number, spreadMB: number): GoalCheck {
  const a = peakRssMB(small);
  const b = peakRssMB(large);
  const spread = Math.abs(b - a);
  return {
    name: 'engine peak RSS, small vs large file',
    goal: `< ${limitMB} MB, within ${spreadMB} MB`,
    measured: `${a.toFixed(0)} MB / ${b.toFixed(0)} MB (Δ ${spread.toFixed(0)} MB)`,
    pass: a < limitMB && b < limitMB && spread <= spreadMB,
  };
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

function serverCpuCell(r: BenchRow): string {
  return r.serverCpuSeconds === undefined ? '—' : (r.serverCpuSeconds / (r.result.bytes / GiB)).toFixed(2);
}

function serverIdleCell(r: BenchRow): string {
  return r.result.serverIdleSeconds === undefined ? '—' : (r.result.serverIdleSeconds / (r.result.bytes / GiB)).toFixed(2);
}

function spreadCell(r: BenchRow): string {
  if (r.runsMiBPerSecond.length < 2) return '—';
  return `${Math.min(...r.runsMiBPerSecond).toFixed(0)}–${Math.max(...r.runsMiBPerSecond).toFixed(0)}`;
}

function rowCells(r: BenchRow): string[] {
  return [
    r.row,
    r.tool,
    r.settings,
    mibPerSecond(r.result).toFixed(1),
    spreadCell(r),
    cpuSecondsPerGiB(r.result).toFixed(2),
    serverCpuCell(r),
    serverIdleCell(r),
    peakRssMB(r.result).toFixed(0),
  ];
}

const HEADERS = ['row', 'tool', 'settings', 'MiB/s', 'runs MiB/s', 'CPU s/GiB', 'emulator CPU s/GiB', 'emulator idle s/GiB', 'peak RSS MB'];

/** The table as aligned plain text. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map(rowCells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  return [pad(HEADERS, widths), pad(widths.map((w) => '-'.repeat(w)), widths), ...cells.map((c) => pad(c, widths))].join('\n');
}

/** The goals as plain text lines. */
export function formatGoals(goals: readonly GoalCheck[]): string {
  return goals.map((g) => `${g.pass ? 'PASS' : 'MISS'}  ${g.name}: ${g.measured} (goal ${g.goal})`).join('\n');
}

/** Table and goals as Markdown, for the README. */
export function formatMarkdown(rows: readonly BenchRow[], goals: readonly GoalCheck[], notes: readonly string[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(HEADERS),
    line(HEADERS.map((_, i) => (i < 3 ? '---' : '---:'))),
    ...rows.map((r) => line(rowCells(r))),
    '',
    line(['goal', 'target', 'measured', 'result']),
    line(['---', '---', '---', '---']),
    ...goals.map((g) => line([g.name, g.goal, g.measured, g.pass ? 'PASS' : 'MISS'])),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
