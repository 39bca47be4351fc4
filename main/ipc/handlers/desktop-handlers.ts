// The `desktop.*` commands: what only the host can do (DesktopPort), with main deciding every path and URL. Native
// dialogs and drops grant the paths they return (PathGrants); links and help pages are built here, never passed in
// (issue 5 item 2: `shell.openExternal` only for https links the app itself made).
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/ipc/app-error';
import type { CopiedLink, CopyLinkArgs, PickedPaths } from '../../../shared/ipc/command-payloads';
import type { JobId, JobSnapshot } from '../../../shared/models/job';
import { buildObjectUrl } from '../../app/build-object-url';
import { helpUrlFor } from '../../app/help-urls';
import { redactSecurityToken } from '../../oss/responses/redact-security-token';
import type { HandlerDeps, NamespaceHandlers } from './handler-deps';

function requireJob(deps: HandlerDeps, jobId: JobId): JobSnapshot {
  const job = deps.engine.get(jobId);
  if (job === undefined) throw new AppError({ code: 'JobNotFound', message: 'That upload is no longer in the list.', retryable: false });
  return job;
}

function granted(deps: HandlerDeps, paths: readonly string[]): PickedPaths {
  return { paths: deps.pathGrants.grant(paths) };
}

async function existingAbsolute(paths: readonly string[]): Promise<string[]> {
  const checks = await Promise.all(paths.map(async (p) => (isAbsolute(p) && (await stat(p).then(() => true, () => false)) ? p : undefined)));
  return checks.filter((p): p is string => p !== undefined);
}

/**
 * Copies a link to a completed job's object: presigned for `expiresSeconds` when given, else the plain URL. The
 * clipboard gets the working link; the answer hides an STS token a presigned link carries (`security-token=`,
 * oss-protocol.md §3.5, §4.2), because the token is a credential and the renderer never sees one.
 */
async function copyLink(deps: HandlerDeps, args: CopyLinkArgs): Promise<CopiedLink> {
  const job = requireJob(deps, args.jobId);
  if (job.status !== 'completed') {
    throw new AppError({ code: 'JobNotCompleted', message: 'A link can be copied once the upload has completed.', retryable: false });
  }
  const { accountId, bucket, key } = job.destination;
  const account = deps.accounts.get(accountId);
  const url =
    args.expiresSeconds === undefined
      ? buildObjectUrl(account, bucket, key)
      : await deps.clients.get(accountId).presignUrl({ method: 'GET', bucket, key, expiresSeconds: args.expiresSeconds });
  await deps.desktop.copyText(url);
  return { url: redactSecurityToken(url) };
}

/** Handlers of the `desktop` namespace. */
export function createDesktopHandlers(deps: HandlerDeps): NamespaceHandlers<'desktop'> {
  const { desktop } = deps;
  return {
    'desktop.pickFiles': async (args) => granted(deps, await desktop.pickFiles({ multiple: args.multiple })),
    'desktop.pickFolder': async () => granted(deps, await desktop.pickFolder()),
    'desktop.revealFile': async (args) => desktop.revealFile(requireJob(deps, args.jobId).localPath),
    'desktop.copyLink': (args) => copyLink(deps, args),
    'desktop.openHelp': (args) => desktop.openExternal(helpUrlFor(args.topic)),
    'desktop.grantDroppedPaths': async (args) => granted(deps, await existingAbsolute(args.paths)),
  };
}
