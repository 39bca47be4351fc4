#!/usr/bin/env node
// `npm run audit:electron`: runs @doyensec/electronegativity on the built app (out/main, out/preload, out/renderer)
// and fails on any finding above INFORMATIONAL that build/electronegativity-exceptions.json does not list with a
// reason (issue 5, Tests). The SARIF report goes to out/electronegativity.sarif.
//
// Electronegativity 1.10's scope analysis (escope) predates ES2022 and stops at the first `#private` class field, so
// a bundle with one would be skipped silently. The script therefore scans a copy of the built files lowered to
// ES2019 syntax with Vite's own Oxc transform: the same calls with the same option objects, only older syntax. A file
// the scanner still cannot read fails the audit rather than passing unread.
//
// Flags: --skip-build reuses the current out/ (default: `electron-vite build` first).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');
const { transformWithOxc } = await import('vite');

const BUNDLES = ['out/main', 'out/preload', 'out/renderer'];
const REPORT = resolve(root, 'out/electronegativity.sarif');
const EXCEPTIONS_FILE = resolve(root, 'build/electronegativity-exceptions.json');
const electronVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')).version;

if (!process.argv.includes('--skip-build')) {
  const built = spawnSync(resolve(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
for (const bundle of BUNDLES) {
  if (!existsSync(resolve(root, bundle))) {
    console.error(`${bundle} is missing: run \`npm run build:app\` first.`);
    process.exit(2);
  }
}

/** Every file under `dir`, recursively. */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const scanRoot = mkdtempSync(join(tmpdir(), 'electronegativity-'));
/** The scanned (lowered) text of each file, so a finding can show its line: line numbers refer to the lowered copy. */
const scanned = new Map();
try {
  cpSync(resolve(root, 'package.json'), join(scanRoot, 'package.json'));
  for (const bundle of BUNDLES) cpSync(resolve(root, bundle), join(scanRoot, bundle), { recursive: true });
  for (const file of listFiles(join(scanRoot, 'out'))) {
    if (!/\.(c|m)?js$/.test(file)) continue;
    const lowered = await transformWithOxc(readFileSync(file, 'utf8'), file, { target: 'es2019', lang: 'js', sourcemap: false });
    writeFileSync(file, lowered.code);
  }
  for (const file of listFiles(join(scanRoot, 'out'))) scanned.set(relative(scanRoot, file), readFileSync(file, 'utf8').split('\n'));

  const result = await runElectronegativity({
    input: scanRoot,
    output: REPORT,
    isSarif: true,
    isRelative: true,
    electronVersionOverride: electronVersion,
  });

  const exceptions = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')).exceptions;
  for (const exception of exceptions) {
    if (typeof exception.id !== 'string' || typeof exception.why !== 'string' || exception.why.length < 20) {
      console.error(`Every exception in ${relative(root, EXCEPTIONS_FILE)} needs an id and a real "why": ${JSON.stringify(exception)}`);
      process.exit(2);
    }
  }
  const lineOf = (issue) => (scanned.get(fileOf(issue))?.[(issue.location?.line ?? 0) - 1] ?? '').trim().slice(0, 160);
  const fileOf = (issue) => (issue.file === 'N/A' ? 'N/A' : relative(scanRoot, resolve(scanRoot, issue.file)));
  // An exception names the check, the file and (optionally) a piece of the flagged line, so it excuses that one use
  // and not a new one added later in the same bundle.
  const matches = (e, issue) => e.id === issue.id && (e.file === undefined || e.file === fileOf(issue)) && (e.code === undefined || lineOf(issue).includes(e.code));
  const excused = (issue) => exceptions.some((e) => matches(e, issue));

  const unreadable = result.errors.filter((error) => !error.tolerable);
  const above = result.issues.filter((issue) => issue.severity.name !== 'INFORMATIONAL');
  const failing = above.filter((issue) => !excused(issue));
  const describe = (issue) =>
    `${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${fileOf(issue)}:${issue.location?.line ?? 0} ${issue.description ?? ''}\n            ${lineOf(issue)}`;

  console.log(`Electronegativity ${result.globalChecks + result.atomicChecks} checks on ${BUNDLES.join(', ')} (Electron ${electronVersion}); report: ${relative(root, REPORT)}`);
  for (const issue of result.issues.filter((i) => i.severity.name === 'INFORMATIONAL')) console.log(`  info      ${describe(issue)}`);
  for (const issue of above.filter(excused)) console.log(`  excepted  ${describe(issue)}`);
  for (const issue of failing) console.log(`  FINDING   ${describe(issue)}`);
  for (const error of unreadable) console.log(`  UNREAD    ${relative(scanRoot, error.file)}: ${error.message}`);
  const unused = exceptions.filter((e) => !above.some((issue) => matches(e, issue)));
  for (const exception of unused) console.log(`  note: exception ${exception.id} matched nothing; remove it from ${relative(root, EXCEPTIONS_FILE)}`);

  if (failing.length > 0 || unreadable.length > 0) {
    console.error(`audit:electron failed: ${failing.length} finding(s) above INFORMATIONAL without an exception, ${unreadable.length} unreadable file(s).`);
    process.exitCode = 1;
  } else {
    console.log(`audit:electron passed: ${above.length} finding(s) above INFORMATIONAL, all excepted with a reason.`);
  }
} finally {
  rmSync(scanRoot, { recursive: true, force: true });
}
