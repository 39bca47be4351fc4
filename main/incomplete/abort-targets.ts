// What a bulk abort acts on (issue 4 item 4). The dry run and the real run both call resolveAbortTargets, so the
// dry run lists exactly what the real run would abort at that moment.
import { MAX_LIST_PAGE_SIZE } from '../../shared/limits';
import type { AbortTarget, BulkAbortTarget, UploadSelection } from '../../shared/models/remote-upload';
import { toRemoteUpload } from './browse-uploads';
import type { IncompleteClient } from './incomplete-client';
import { listUploadPages } from './list-upload-pages';
import type { LocalUploadOwnership } from './local-upload-ownership';
import { matchesUploadFilter, validateOlderThan } from './upload-filter';
import type { RetryOptions } from './with-retry';

/** What resolving targets needs besides the client. */
export interface TargetContext {
  readonly now: () => number;
  readonly ownership: LocalUploadOwnership | undefined;
  readonly retry: RetryOptions;
}

/** The selection without repeats (the same upload named twice is aborted once), in the order given. */
export function dedupeSelection(uploads: readonly UploadSelection[]): UploadSelection[] {
  const seen = new Set<string>();
  const unique: UploadSelection[] = [];
  for (const upload of uploads) {
    const id = JSON.stringify([upload.key, upload.uploadId]);
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push({ key: upload.key, uploadId: upload.uploadId });
  }
  return unique;
}

/**
 * The uploads a bulk abort acts on: an explicit selection as given (deduplicated), or every upload under the
 * filter's prefix that passes its age test, listed page by page (1000 per request, the maximum, §7) in server
 * order. The age is measured against `now()` read once, so one run applies one cut-off.
 */
export async function resolveAbortTargets(
  client: IncompleteClient,
  bucket: string,
  target: BulkAbortTarget,
  context: TargetContext,
  signal?: AbortSignal,
): Promise<AbortTarget[]> {
  if (target.kind === 'selection') return dedupeSelection(target.uploads);
  const { filter } = target;
  validateOlderThan(filter.olderThanMs);
  const nowMs = context.now();
  const targets: AbortTarget[] = [];
  const pages = listUploadPages(client, { bucket, prefix: filter.prefix, maxUploads: MAX_LIST_PAGE_SIZE, signal }, context.retry);
  for await (const page of pages) {
    for (const info of page.uploads) {
      if (!matchesUploadFilter(info, filter, nowMs)) continue;
      const upload = toRemoteUpload(bucket, info, nowMs, context.ownership);
      targets.push({
        key: upload.key,
        uploadId: upload.uploadId,
        initiated: upload.initiated,
        ageMs: upload.ageMs,
        ...(upload.ownedByJobId === undefined ? {} : { ownedByJobId: upload.ownedByJobId }),
      });
    }
  }
  return targets;
}
