// `oss-upload`: the command-line front end to the upload engine and the incomplete-upload manager (issue 3 item 10,
// issue 4 item 7). Plain Node, no Electron: `npm run build` compiles it to out/node/, bin/oss-upload.js runs it;
// `npm run oss-upload -- ...` runs this source through tsx.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram } from './build-program';
import { processContext, type CliContext } from './cli-context';
import { InterruptHub } from './interrupt-hub';
import { EXIT_CODES, UsageError } from './usage-error';

const PACKAGE_NAME = 'oss-upload-manager';

/** The package version, found by walking up from this file (src: main/cli, build: out/node/main/cli). */
function packageVersion(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth += 1) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** Runs one command line (arguments after the program name); resolves with the exit status. Never throws. */
export async function runCli(args: readonly string[], ctx: CliContext): Promise<number> {
  const interrupts = new InterruptHub(ctx);
  let exitCode: number | undefined;
  const program = buildProgram({ ctx, interrupts, version: packageVersion(), setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with status 0; every other commander error is a usage error (it printed it).
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    if (error instanceof UsageError) {
      ctx.stderr.write(`error: ${error.message}\n`);
      return EXIT_CODES.usage;
    }
    ctx.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.failed;
  } finally {
    interrupts.dispose();
  }
  if (exitCode !== undefined) return exitCode;
  // The incomplete-upload commands report through process.exitCode (incomplete-commands.ts).
  if (interrupts.received !== undefined) return EXIT_CODES.interrupted;
  const reported = process.exitCode;
  return typeof reported === 'number' ? reported : EXIT_CODES.ok;
}

/** Runs `process.argv` and exits with its status (the bin shim and `tsx main/cli/oss-upload.ts` call this). */
export function runFromProcess(): void {
  void runCli(process.argv.slice(2), processContext()).then((code) => {
    // Exit explicitly: a keep-alive socket or a timer left by a failed request must not keep a finished CLI alive.
    process.exit(code);
  });
}

if (require.main === module) runFromProcess();
