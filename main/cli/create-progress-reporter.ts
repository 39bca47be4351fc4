// Bars on a terminal, lines otherwise (issue 3 item 10). The bars go to stderr, so `oss-upload put ... > log`
// still gets the plain result lines on stdout; without a terminal everything is plain lines.
import type { CliContext } from './cli-context';
import { PlainProgressReporter } from './plain-progress-reporter';
import { labelOfPath, type ProgressReporter } from './progress-reporter';
import { TtyProgressReporter } from './tty-progress-reporter';

/** The reporter that suits the context's streams. */
export function createProgressReporter(ctx: CliContext): ProgressReporter {
  const labelOf = (job: { readonly localPath: string }): string => labelOfPath(job.localPath, ctx.cwd);
  if (ctx.stderr.isTTY === true) return new TtyProgressReporter({ stream: ctx.stderr, labelOf });
  return new PlainProgressReporter({
    out: (line) => ctx.stdout.write(`${line}\n`),
    err: (line) => ctx.stderr.write(`${line}\n`),
    labelOf,
  });
}
