// Issue 4 item 5: finish an incomplete upload from what the server already holds, when the local checkpoint is lost.
// List every part, infer the layout, hash each server part's range of the local file (read, not sent) and keep the
// parts that match, re-send the missing and mismatched ones, complete, and verify the object's CRC-64. Every check
// that can refuse runs before the first byte is sent, so a refusal changes nothing on the server.
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { ResumeRemoteProgress, ResumeRemoteResult } from '../../shared/models/remote-upload';
import { formatCrc64 } from '../oss/crc64';
import type { PartHashes } from '../oss/part-hasher';
import { BandwidthLimiter } from '../uploads/bandwidth-limiter';
import { hashFileRange, uploadPartOnce, type MultipartTarget } from '../uploads/part-runner';
import { assertSourceUnchanged, type SourceFile } from '../uploads/source-file';
import { completeUpload, foldPartCrcs, judgeObjectCrc, type ObjectPart } from './complete-and-verify';
import type { IncompleteClient, UploadRef } from './incomplete-client';
import { listUploadParts } from './list-upload-parts';
import { activeOwnerOf, type LocalUploadOwnership } from './local-upload-ownership';
import { classifyServerParts, layoutRange, planResumeLayout, type ResumeLayout } from './resume-plan';
import { runPool } from './run-pool';
import { withRetry, type RetryOptions } from './with-retry';
import { errnoCode } from '../errno-code';

/** Arguments of {@link resumeFromServer}. */
export interface ResumeFromServerArgs extends UploadRef {
  readonly filePath: string;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: ResumeRemoteProgress) => void) | undefined;
}

/** What resuming needs besides the client. */
export interface ResumeContext {
  readonly ownership: LocalUploadOwnership | undefined;
  readonly retry: RetryOptions;
  /** Ranges hashed at once; default 2 (hashing is CPU-bound and the app targets two cores). */
  readonly hashConcurrency?: number | undefined;
  /** Parts sent at once; default 4. */
  readonly sendConcurrency?: number | undefined;
  /** Part size when the server holds no part yet; default the engine's 8 MiB. */
  readonly defaultPartSizeBytes?: number | undefined;
}

function refused(reason: Extract<ResumeRemoteResult, { outcome: 'refused' }>['reason'], message: string): ResumeRemoteResult {
  return { outcome: 'refused', reason, message };
}

/** The file's stats, or the refusal that says why it cannot be read. */
async function statSource(path: string): Promise<{ readonly stats: Stats } | { readonly refusal: ResumeRemoteResult }> {
  try {
    const stats = await stat(path);
    if (stats.isFile()) return { stats };
    return { refusal: refused('fileUnreadable', `${path} is not a regular file.`) };
  } catch (error) {
    return { refusal: refused('fileUnreadable', `Cannot read ${path} (${errnoCode(error) ?? 'EIO'}).`) };
  }
}

/** Hashes the local range of every server part (the layout guarantees each lies inside the file). */
async function hashServerRanges(
  path: string,
  layout: ResumeLayout,
  partNumbers: readonly number[],
  concurrency: number,
  args: ResumeFromServerArgs,
): Promise<Map<number, PartHashes>> {
  const hashes = new Map<number, PartHashes>();
  args.onProgress?.({ phase: 'checking', partsChecked: 0, partsToCheck: partNumbers.length });
  await runPool(partNumbers, concurrency, async (partNumber) => {
    const range = layoutRange(layout, partNumber);
    hashes.set(partNumber, await hashFileRange(path, range.offset, range.size, args.signal));
    args.onProgress?.({ phase: 'checking', partsChecked: hashes.size, partsToCheck: partNumbers.length });
  });
  return hashes;
}

/**
 * Sends the listed parts the engine's way (main/uploads/part-runner.ts: the range read once while hashed, the
 * answer's ETag and CRC-64 checked, the file checked unchanged around every attempt); returns them verified.
 */
async function sendParts(
  client: IncompleteClient,
  args: ResumeFromServerArgs,
  source: SourceFile,
  layout: ResumeLayout,
  toSend: readonly number[],
  context: ResumeContext,
): Promise<ObjectPart[]> {
  // No limit: the bandwidth setting governs the engine's jobs; a resume the user started runs at full speed.
  const target: MultipartTarget = { client, bucket: args.bucket, key: args.key, source, limiter: new BandwidthLimiter() };
  const signal = args.signal ?? new AbortController().signal;
  const bytesToSend = toSend.reduce((sum, n) => sum + layoutRange(layout, n).size, 0);
  const sent: ObjectPart[] = [];
  let doneBytes = 0;
  // Bytes of attempts in flight, per part: reset when a part is retried, so progress never counts a byte twice.
  const inFlightBytes = new Map<number, number>();
  const report = (): void => {
    let bytesSent = doneBytes;
    for (const bytes of inFlightBytes.values()) bytesSent += bytes;
    args.onProgress?.({ phase: 'sending', partsSent: sent.length, partsToSend: toSend.length, bytesSent, bytesToSend });
  };
  report();
  const retry = { ...context.retry, signal: args.signal };
  await runPool(
    toSend,
    context.sendConcurrency ?? 4,
    async (partNumber) => {
      const range = layoutRange(layout, partNumber);
      const verified = await withRetry(() => {
        inFlightBytes.set(partNumber, 0);
        return uploadPartOnce(target, args.uploadId, { partNumber, ...range }, signal, (delta) => {
          inFlightBytes.set(partNumber, (inFlightBytes.get(partNumber) ?? 0) + delta);
          report();
        });
      }, retry);
      inFlightBytes.delete(partNumber);
      doneBytes += range.size;
      sent.push({ partNumber, etag: verified.etag, size: range.size, crc64: verified.crc64 });
      report();
    },
    args.signal,
  );
  args.signal?.throwIfAborted();
  return sent;
}

/**
 * Resumes an incomplete upload from the parts on the server and a local file, and completes it. Returns a refusal
 * (nothing changed) when the file cannot be the source or a local job owns the upload. Errors after sending began
 * (network, NoSuchUpload, the file changing) are thrown; the parts sent so far stay on the server for another try.
 */
export async function resumeFromServer(
  client: IncompleteClient,
  args: ResumeFromServerArgs,
  context: ResumeContext,
): Promise<ResumeRemoteResult> {
  const owner = activeOwnerOf(context.ownership, args.bucket, args.key, args.uploadId);
  if (owner !== undefined) {
    return refused('ownedByLocalJob', `Local job ${owner.jobId} (${owner.status}) owns this upload: resume that job instead.`);
  }
  const checked = await statSource(args.filePath);
  if ('refusal' in checked) return checked.refusal;
  const source: SourceFile = { path: args.filePath, sizeBytes: checked.stats.size, mtimeMs: checked.stats.mtimeMs };

  const serverParts = await listUploadParts(client, args, context.retry, args.signal);
  const layout = planResumeLayout(serverParts, source.sizeBytes, context.defaultPartSizeBytes);
  if (!layout.ok) return refused(layout.reason, layout.message);
  const hashes = await hashServerRanges(
    args.filePath,
    layout,
    serverParts.map((part) => part.partNumber),
    context.hashConcurrency ?? 2,
    args,
  );
  const plan = classifyServerParts(layout, serverParts, hashes);
  if (!plan.ok) return refused(plan.reason, plan.message);
  // The kept parts were judged by the hashes just read: the file must still be the one hashed (no mixed object).
  await assertSourceUnchanged(source);

  const sent = await sendParts(client, args, source, layout, plan.toSend, context);
  await assertSourceUnchanged(source);
  const parts: ObjectPart[] = [...plan.kept, ...sent];
  args.onProgress?.({ phase: 'completing' });
  const retry = { ...context.retry, signal: args.signal };
  const serverCrc = await completeUpload(
    client,
    { bucket: args.bucket, key: args.key, uploadId: args.uploadId, parts, sizeBytes: layout.fileSizeBytes },
    retry,
  );
  args.onProgress?.({ phase: 'verifying' });
  const expected = foldPartCrcs(parts);
  const verdict = judgeObjectCrc(expected, serverCrc);
  if (verdict.outcome !== 'ok') return verdict;
  return {
    outcome: 'completed',
    partSizeBytes: layout.partSizeBytes,
    partCount: layout.partCount,
    partsKept: plan.kept.length,
    partsSent: sent.length,
    bytesSent: sent.reduce((sum, part) => sum + part.size, 0),
    crc64: formatCrc64(expected),
    verified: verdict.verified,
  };
}
