// The `uploads.*` commands: the upload engine (main/uploads/upload-engine.ts) behind the IPC contract.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AddPathsArgs, AddPathsResult, SkippedPath } from '../../../shared/ipc/command-payloads';
import type { JobId } from '../../../shared/models/job';
import { planUploadItems } from '../../app/plan-upload-items';
import type { AddFileItem } from '../../uploads/upload-engine';
import type { HandlerDeps, NamespaceHandlers } from './handler-deps';
import { requireBucket } from './require-bucket';

/**
 * Jobs added to the engine at once. Each addFiles call is synchronous (one journal record and one stat started per
 * job), so a 10,000-file folder is added in slices with a turn of the event loop between them.
 */
export const ADD_BATCH_SIZE = 500;

async function addPaths(deps: HandlerDeps, args: AddPathsArgs): Promise<AddPathsResult> {
  const { accountId, bucket, prefix } = args.destination;
  requireBucket(deps.accounts, accountId, bucket);
  const jobIds: JobId[] = [];
  const skipped: SkippedPath[] = [];
  let batch: AddFileItem[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    jobIds.push(...deps.engine.addFiles(batch));
    batch = [];
    await yieldToEventLoop();
  };
  for await (const entry of planUploadItems(args.paths, prefix)) {
    if (entry.kind === 'skipped') {
      skipped.push(entry.skipped);
      continue;
    }
    batch.push({ localPath: entry.item.localPath, destination: { accountId, bucket, key: entry.item.key } });
    if (batch.length >= ADD_BATCH_SIZE) await flush();
  }
  await flush();
  if (skipped.length > 0) deps.log.warn(`uploads.addPaths skipped ${skipped.length} path(s); first: ${skipped[0]?.code ?? ''}`);
  return { jobIds, skipped };
}

/** Handlers of the `uploads` namespace. */
export function createUploadsHandlers(deps: HandlerDeps): NamespaceHandlers<'uploads'> {
  const { engine } = deps;
  return {
    'uploads.addPaths': (args) => addPaths(deps, args),
    'uploads.pause': (args) => engine.pause(args.jobId),
    'uploads.resume': (args) => engine.resume(args.jobId),
    'uploads.retry': (args) => engine.retry(args.jobId),
    'uploads.cancel': (args) => engine.cancel(args.jobId),
    'uploads.remove': (args) => engine.remove(args.jobId, { server: args.server }),
    'uploads.pauseAll': () => engine.pauseAll(),
    'uploads.resumeAll': () => engine.resumeAll(),
    'uploads.clearFinished': async () => {
      await engine.clearFinished();
    },
    'uploads.list': () => Promise.resolve(engine.list()),
    'uploads.getParts': (args) => Promise.resolve().then(() => engine.getParts(args.jobId)),
  };
}
