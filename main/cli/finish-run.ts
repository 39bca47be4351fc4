// The end of a `put` or `resume` run: the summary, the exit status, and the journal left in the right state. When
// every file is uploaded and verified, the run's jobs leave the journal (nothing to resume). Otherwise all stay:
// failed and paused jobs with their uploadId, so running the same command again continues from the parts already on
// the server, and completed ones so that it skips them.
import type { JobId, JobSnapshot } from '../../shared/models/job';
import type { CliContext } from './cli-context';
import type { ProgressReporter } from './progress-reporter';
import type { RunOutcome } from './run-jobs';
import type { UploadSession } from './upload-session';
import { EXIT_CODES } from './usage-error';

/** A path as a shell word: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_/.,:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that resumes everything in a state directory. */
export function resumeCommandFor(stateDir: string): string {
  return `oss-upload resume --state-dir ${shellQuote(stateDir)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Whether a job counts as a success. The engine reaches `completed` only through `verifying` (job-status.ts), so a
 * completed job was verified, including one restored from the journal (which does not record how).
 */
export function isVerifiedUpload(job: JobSnapshot): boolean {
  return job.status === 'completed';
}

/** Ends the run: reports, tidies the journal, closes the session; resolves with the exit status. */
export async function finishRun(
  session: UploadSession,
  outcome: RunOutcome,
  ids: readonly JobId[],
  reporter: ProgressReporter,
  ctx: CliContext,
): Promise<number> {
  const howToContinue = `run the same command again, or: ${resumeCommandFor(session.stateDir)}`;
  if (outcome.kind === 'interrupted') {
    reporter.note(`${outcome.signal}: pausing the uploads and saving their state...`);
    reporter.stop();
    await session.close();
    ctx.stderr.write(`Paused. The parts already uploaded stay on the server and in ${session.stateDir}.\nTo continue, ${howToContinue}\n`);
    return EXIT_CODES.interrupted;
  }
  reporter.stop();
  const verified = outcome.jobs.filter(isVerifiedUpload);
  const total = ids.length;
  if (verified.length === total) {
    // A failed removal only leaves a completed record, which the next run of the command skips and clears.
    for (const job of verified) await session.engine.remove(job.id).catch(() => undefined);
    await session.close();
    ctx.stdout.write(`${plural(total, 'file')} uploaded and verified.\n`);
    return EXIT_CODES.ok;
  }
  await session.close();
  const failed = outcome.jobs.filter((job) => job.status === 'failed').length;
  ctx.stderr.write(`${verified.length} of ${plural(total, 'file')} uploaded and verified; ${failed} failed.\n`);
  ctx.stderr.write(`Uploaded parts are kept. Fix the cause, then ${howToContinue}\n`);
  return EXIT_CODES.failed;
}

/** Notes on journal files the engine could not read (moved aside, so they cannot break the next run). */
export function journalProblemNotes(session: UploadSession): string[] {
  return session.journalProblems.map(
    (problem) => `warning: unreadable journal file ${problem.file} (${problem.reason})${problem.movedTo === undefined ? '' : `, moved to ${problem.movedTo}`}`,
  );
}
