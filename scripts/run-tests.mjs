#!/usr/bin/env node
// `npm test`: every check in one run, ending with one plain `N passed, N failed` line that CI reads.
// Suites: type-check (one check per tsconfig project), lint, vitest (unit + integration against the
// local emulator), the Electronegativity audit of the built Electron app, and Playwright e2e in Chromium
// when e2e specs exist. Each suite runs even if an earlier one failed, so one red suite does not hide another.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const wants = (name) => only.length === 0 || only.includes(name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: res.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function record(name, passed, failed, skipped, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name.padEnd(14)} ${String(passed).padStart(5)} passed ${String(failed).padStart(4)} failed ${String(skipped).padStart(4)} skipped  (${seconds}s)`);
}

if (wants('typecheck')) {
  const r = run('npx', ['tsc', '-b', 'tsconfig.json']);
  record('typecheck', r.code === 0 ? 1 : 0, r.code === 0 ? 0 : 1, 0, r.seconds);
}

if (wants('lint')) {
  const r = run('npx', ['eslint', '.', '--max-warnings', '0']);
  record('lint', r.code === 0 ? 1 : 0, r.code === 0 ? 0 : 1, 0, r.seconds);
}

if (wants('unit')) {
  const dir = mkdtempSync(join(tmpdir(), 'oss-vitest-'));
  const out = join(dir, 'vitest.json');
  const r = run('npx', ['vitest', 'run'], { VITEST_JSON_OUT: out });
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const failedSuites = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
    record('vitest', report.numPassedTests, report.numFailedTests + failedSuites, report.numPendingTests + report.numTodoTests, r.seconds);
    if (r.code !== 0 && report.numFailedTests + failedSuites === 0) record('vitest-run', 0, 1, 0, r.seconds);
  } else {
    record('vitest', 0, 1, 0, r.seconds);
  }
  rmSync(dir, { recursive: true, force: true });
}

if (wants('electron-audit')) {
  // Builds the Electron app and runs Electronegativity on it (scripts/audit-electron.mjs): no finding above
  // INFORMATIONAL unless build/electronegativity-exceptions.json gives the reason.
  const r = run('node', ['scripts/audit-electron.mjs']);
  record('electron-audit', r.code === 0 ? 1 : 0, r.code === 0 ? 0 : 1, 0, r.seconds);
}

const hasE2e = existsSync(join(root, 'e2e')) && readdirSync(join(root, 'e2e')).some((f) => f.endsWith('.spec.ts'));
if (wants('e2e') && hasE2e) {
  const dir = mkdtempSync(join(tmpdir(), 'oss-e2e-'));
  const out = join(dir, 'pw.json');
  const r = run('npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
    record('e2e', (s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, s.skipped ?? 0, r.seconds);
  } else {
    record('e2e', 0, 1, 0, r.seconds);
  }
  rmSync(dir, { recursive: true, force: true });
}

console.log('\nSummary');
for (const l of lines) console.log('  ' + l);
// CI reads the last line, which must be exactly `N passed, N failed`; skips are reported just above it.
if (totals.skipped) console.log(`(${totals.skipped} skipped: see the suite lines above for why)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
