// The `incomplete.*` commands: the incomplete-upload manager (main/incomplete/) behind the IPC contract. Long runs
// (bulk abort, resume from the server) are registered under the renderer's operationId so they can be canceled,
// and report progress as events carrying that id.
import type { BulkAbortAnswer, BulkAbortArgs, ResumeFromServerArgs, UploadStatsArgs, UploadStatsEntry } from '../../../shared/ipc/command-payloads';
import type { ResumeRemoteResult } from '../../../shared/models/remote-upload';
import { redactLogLine } from '../../app/redact-log-line';
import { toWireError } from '../to-wire-error';
import type { HandlerDeps, NamespaceHandlers } from './handler-deps';
import { requireBucket } from './require-bucket';

async function uploadStats(deps: HandlerDeps, args: UploadStatsArgs): Promise<UploadStatsEntry[]> {
  requireBucket(deps.accounts, args.accountId, args.bucket);
  const redact = (text: string): string => redactLogLine(text, deps.knownSecrets());
  // The stats service bounds its own ListParts walks (4 at once), so every entry can be asked for together.
  return Promise.all(
    args.uploads.map(async ({ key, uploadId }): Promise<UploadStatsEntry> => {
      try {
        const stats = await deps.manager.getUploadStats({ accountId: args.accountId, bucket: args.bucket, key, uploadId });
        return { key, uploadId, ok: true, stats };
      } catch (error) {
        const { wire, unexpected } = toWireError(error, { now: deps.now, redact });
        if (unexpected) deps.log.error(redact(`incomplete.stats failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
        return { key, uploadId, ok: false, error: wire };
      }
    }),
  );
}

async function bulkAbort(deps: HandlerDeps, args: BulkAbortArgs): Promise<BulkAbortAnswer> {
  requireBucket(deps.accounts, args.accountId, args.bucket);
  const request = { accountId: args.accountId, bucket: args.bucket, target: args.target };
  return deps.operations.run(args.operationId, async (signal): Promise<BulkAbortAnswer> => {
    if (args.dryRun) return { dryRun: true, targets: await deps.manager.previewBulkAbort(request, signal) };
    const result = await deps.manager.bulkAbort(request, {
      concurrency: args.concurrency,
      signal,
      onProgress: (progress) => deps.events.publish('incomplete.bulkAbortProgress', { ...progress, operationId: args.operationId }),
    });
    return { dryRun: false, result };
  });
}

async function resumeFromServer(deps: HandlerDeps, args: ResumeFromServerArgs): Promise<ResumeRemoteResult> {
  requireBucket(deps.accounts, args.accountId, args.bucket);
  return deps.operations.run(args.operationId, (signal) =>
    deps.manager.resumeFromServer({
      accountId: args.accountId,
      bucket: args.bucket,
      key: args.key,
      uploadId: args.uploadId,
      filePath: args.localPath,
      signal,
      onProgress: (progress) => deps.events.publish('incomplete.resumeProgress', { operationId: args.operationId, progress }),
    }),
  );
}

/** Handlers of the `incomplete` namespace. */
export function createIncompleteHandlers(deps: HandlerDeps): NamespaceHandlers<'incomplete'> {
  const { manager, accounts } = deps;
  return {
    'incomplete.browse': async (args) => {
      requireBucket(accounts, args.accountId, args.bucket);
      return manager.browseUploads(args);
    },
    'incomplete.stats': (args) => uploadStats(deps, args),
    'incomplete.inspect': async (args) => {
      requireBucket(accounts, args.accountId, args.bucket);
      return manager.inspectUpload(args);
    },
    'incomplete.abort': async (args) => {
      requireBucket(accounts, args.accountId, args.bucket);
      return manager.abortUpload(args);
    },
    'incomplete.bulkAbort': (args) => bulkAbort(deps, args),
    'incomplete.cancelBulkAbort': (args) => Promise.resolve(deps.operations.cancel(args.operationId)),
    'incomplete.resumeFromServer': (args) => resumeFromServer(deps, args),
    'incomplete.cancelResume': (args) => Promise.resolve(deps.operations.cancel(args.operationId)),
  };
}
