// `oss-upload put FILE... oss://BUCKET/KEY-OR-PREFIX/` (issue 3 item 10): uploads files and directories through the
// engine, resuming what an earlier run of the same command left in the state directory.
import { Command } from 'commander';
import type { ProgramDeps } from './build-program';
import { accountIdOf } from './cli-account-store';
import { collectLocalFiles } from './collect-local-files';
import { connectionFlagsOf, endpointSettingsFromFlags, resolveCredentials } from './connection-options';
import { finishRun, journalProblemNotes } from './finish-run';
import { isFileUnchangedSinceJob } from './journal-baseline';
import { parseOssUrl } from './parse-oss-url';
import { planDestinations, type OssLocation } from './plan-destinations';
import { createProgressReporter } from './create-progress-reporter';
import { runJobs } from './run-jobs';
import { startPutJobs } from './start-put-jobs';
import { addTransferOptions, engineSettingsFrom, stateDirFrom, type TransferFlags } from './transfer-options';
import { openUploadSession } from './upload-session';
import { UsageError } from './usage-error';

interface PutFlags extends TransferFlags {
  readonly restart?: boolean;
}

function destinationOf(text: string): OssLocation {
  try {
    return parseOssUrl(text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function put(paths: readonly string[], flags: PutFlags, options: Readonly<Record<string, unknown>>, deps: ProgramDeps): Promise<number> {
  const { ctx } = deps;
  const destinationText = paths.at(-1);
  if (paths.length < 2 || destinationText === undefined) {
    throw new UsageError('put needs at least one FILE and a destination: oss-upload put FILE... oss://BUCKET/KEY-OR-PREFIX/');
  }
  const destination = destinationOf(destinationText);
  const connection = connectionFlagsOf(options);
  const account = endpointSettingsFromFlags(connection);
  const credentials = resolveCredentials(connection, ctx.env);
  const settings = engineSettingsFrom(flags);
  const stateDir = stateDirFrom(flags, ctx.cwd, ctx.homeDir);
  const { sources, skipped } = await collectLocalFiles(paths.slice(0, -1), ctx.cwd);
  const uploads = planDestinations(sources, destination);

  const session = await openUploadSession({ stateDir, settings, credentials, account });
  try {
    const started = await startPutJobs(session.engine, uploads, accountIdOf(account), flags.restart === true, (job) =>
      isFileUnchangedSinceJob(stateDir, job),
    );
    const reporter = createProgressReporter(ctx);
    for (const line of skipped) reporter.note(`skipped  ${line}`);
    for (const line of journalProblemNotes(session)) reporter.note(line);
    if (started.continued > 0) reporter.note(`Continuing ${started.continued} of ${uploads.length} file(s) from ${stateDir}`);
    if (started.others.length > 0) {
      reporter.note(`${started.others.length} other unfinished upload(s) in ${stateDir} are left as they are (\`oss-upload resume\` continues them)`);
    }
    const outcome = await runJobs(session.engine, started.ids, reporter, deps.interrupts.first);
    return await finishRun(session, outcome, started.ids, reporter, ctx);
  } finally {
    await session.close();
  }
}

/** Adds `put` to the program. */
export function registerPutCommand(program: Command, deps: ProgramDeps): void {
  const command = program
    .command('put')
    .description('upload files and directories, resumably, verifying every part (MD5 + CRC-64) and the object (CRC-64)')
    .argument('<paths...>', 'FILE... then oss://BUCKET/KEY (one file) or oss://BUCKET/PREFIX/ (files keep their names, directories their tree)')
    .option('--restart', 'abort any journaled upload of these files and start them again from the beginning');
  addTransferOptions(command, { partSize: true });
  command.action(async (paths: string[], flags: PutFlags, self: Command) => {
    deps.setExitCode(await put(paths, flags, self.optsWithGlobals(), deps));
  });
}
