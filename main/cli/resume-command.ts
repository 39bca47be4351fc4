// `oss-upload resume --state-dir DIR` (issue 3 item 10): continues every unfinished job journaled in a state
// directory, whatever file or endpoint it is for. Each job's endpoint settings were stored there by the `put` that
// started it; the credentials come from the environment or flags of this run, as always.
import { Command } from 'commander';
import type { JobId } from '../../shared/models/job';
import type { ProgramDeps } from './build-program';
import { connectionFlagsOf, resolveCredentials } from './connection-options';
import { createProgressReporter } from './create-progress-reporter';
import { finishRun, journalProblemNotes } from './finish-run';
import { runJobs } from './run-jobs';
import { addTransferOptions, engineSettingsFrom, stateDirFrom, type TransferFlags } from './transfer-options';
import { openUploadSession } from './upload-session';
import { EXIT_CODES } from './usage-error';

async function resume(flags: TransferFlags, options: Readonly<Record<string, unknown>>, deps: ProgramDeps): Promise<number> {
  const { ctx } = deps;
  const connection = connectionFlagsOf(options);
  const credentials = resolveCredentials(connection, ctx.env);
  const settings = engineSettingsFrom(flags);
  const stateDir = stateDirFrom(flags, ctx.cwd, ctx.homeDir);
  if (connection.endpoint !== undefined || connection.region !== undefined) {
    ctx.stderr.write('note: --endpoint and --region are not used by resume: each job goes to the endpoint it was started with\n');
  }
  const session = await openUploadSession({ stateDir, settings, credentials });
  try {
    const { engine } = session;
    for (const line of journalProblemNotes(session)) ctx.stderr.write(`${line}\n`);
    const ids: JobId[] = [];
    let unreachable = 0;
    for (const job of engine.list()) {
      if (job.status === 'canceled') {
        await engine.remove(job.id); // nothing left to do, and nothing to report
        continue;
      }
      if (job.status === 'completed') {
        ids.push(job.id); // done by an interrupted run; counted, and cleared from the journal at the end
        continue;
      }
      if (!session.clients.has(job.destination.accountId)) {
        unreachable += 1;
        ctx.stderr.write(`cannot resume ${job.localPath}: no endpoint settings for its account in ${stateDir}\n`);
        continue;
      }
      if (job.status === 'paused') await engine.resume(job.id);
      else if (job.status === 'failed') await engine.retry(job.id);
      ids.push(job.id);
    }
    if (ids.length === 0) {
      ctx.stdout.write(unreachable === 0 ? `Nothing to resume in ${stateDir}.\n` : '');
      await session.close();
      return unreachable === 0 ? EXIT_CODES.ok : EXIT_CODES.failed;
    }
    const reporter = createProgressReporter(ctx);
    reporter.note(`Resuming ${ids.length} upload(s) from ${stateDir}`);
    const outcome = await runJobs(engine, ids, reporter, deps.interrupts.first);
    const code = await finishRun(session, outcome, ids, reporter, ctx);
    return code === EXIT_CODES.ok && unreachable > 0 ? EXIT_CODES.failed : code;
  } finally {
    await session.close();
  }
}

/** Adds `resume` to the program. */
export function registerResumeCommand(program: Command, deps: ProgramDeps): void {
  const command = program
    .command('resume')
    .description('continue every unfinished upload journaled in the state directory (after Ctrl-C, a crash or kill -9)');
  addTransferOptions(command, { partSize: false });
  command.action(async (flags: TransferFlags, self: Command) => {
    deps.setExitCode(await resume(flags, self.optsWithGlobals(), deps));
  });
}
