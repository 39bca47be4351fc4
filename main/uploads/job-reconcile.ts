import type { PartInfo } from '../oss/oss-types';
import { md5HexFromEtag, type PartHashes } from '../oss/part-hasher';
import type { DonePart } from './job-parts';
import { partRange, type PartPlan } from './part-plan';
import { hashFileRange } from './part-runner';

// Issue 3 item 7: before a job with an uploadId resumes, what the server holds is compared with what the journal
// says (ListParts, all pages). The journal is throttled (job-journal.ts), so after a crash the server may hold
// parts the journal never heard of: those finished in the last second, or that landed while the process died.
//   - a server part of the planned size whose ETag (and CRC-64) matches the journal is kept;
//   - a server part of the planned size that the journal does not know is kept only if the local bytes of that
//     range hash to its ETag (read and hashed here, not sent);
//   - anything else (wrong size, another ETag, missing) is sent again; the same part number overwrites.
// Only parts that landed and were then lost are re-sent, so a crash costs at most the parts that were in flight:
// parallel × part size.

/** What to reconcile. */
export interface ReconcileInput {
  readonly plan: PartPlan;
  /** Parts the journal (or this process) knows as done. */
  readonly journalParts: readonly DonePart[];
  /** Every part ListParts returned. */
  readonly serverParts: readonly PartInfo[];
  readonly localPath: string;
  readonly signal: AbortSignal;
  /** Injected by tests; reads and hashes a range of the local file. */
  readonly hashRange?: (path: string, offset: number, size: number, signal: AbortSignal) => Promise<PartHashes>;
}

/** The outcome: which parts count as done, and what happened to the others on the server. */
export interface ReconcileResult {
  /** Parts to treat as done, ascending. */
  readonly kept: readonly DonePart[];
  /** Numbers of server parts unknown to the journal whose bytes matched the local file. */
  readonly adopted: readonly number[];
  /** Numbers of server parts that differ from the plan or the file and will be sent again. */
  readonly mismatched: readonly number[];
}

/** Whether two ETags name the same bytes (quotes and hex case aside). */
export function sameEtag(a: string, b: string): boolean {
  if (a === b) return true;
  const md5 = md5HexFromEtag(a);
  return md5 !== undefined && md5 === md5HexFromEtag(b);
}

/** Whether the local bytes of a part match a server part (its MD5 ETag, its CRC-64, at least one of them present). */
function matchesLocal(server: PartInfo, local: PartHashes): boolean {
  const md5 = md5HexFromEtag(server.etag);
  if (md5 === undefined && server.crc64 === undefined) return false;
  if (md5 !== undefined && md5 !== local.md5Hex) return false;
  return server.crc64 === undefined || server.crc64 === local.crc64;
}

/** Decides, part by part, what of the server's state the job keeps. */
export async function reconcileParts(input: ReconcileInput): Promise<ReconcileResult> {
  const hashRange = input.hashRange ?? hashFileRange;
  const journal = new Map(input.journalParts.map((part) => [part.partNumber, part]));
  const kept: DonePart[] = [];
  const adopted: number[] = [];
  const mismatched: number[] = [];
  const byNumber = [...input.serverParts].sort((a, b) => a.partNumber - b.partNumber);
  for (const server of byNumber) {
    // Parts past the plan are not ours to complete; Complete lists only planned parts, and OSS drops the rest.
    if (server.partNumber > input.plan.partCount) continue;
    const range = partRange(input.plan, server.partNumber);
    if (server.size !== range.size) {
      mismatched.push(server.partNumber);
      continue;
    }
    const known = journal.get(server.partNumber);
    if (known !== undefined) {
      const crcAgrees = server.crc64 === undefined || server.crc64 === known.crc64;
      if (sameEtag(known.etag, server.etag) && crcAgrees) kept.push(known);
      else mismatched.push(server.partNumber);
      continue;
    }
    const local = await hashRange(input.localPath, range.offset, range.size, input.signal);
    if (matchesLocal(server, local)) {
      kept.push({ partNumber: server.partNumber, etag: server.etag, crc64: local.crc64, size: range.size });
      adopted.push(server.partNumber);
    } else {
      mismatched.push(server.partNumber);
    }
  }
  return { kept, adopted, mismatched };
}
