import type { PartSnapshot, PartState } from '../../shared/models/job';
import { formatCrc64, parseCrc64 } from '../oss/crc64';
import type { JournalPart } from './journal-record';
import { partRange, type PartPlan } from './part-plan';

// Issue 3 item 1: per-part state of one job, for up to 10,000 parts. The table keeps the hot fields in typed arrays
// (state kind, bytes sent, attempts) and only finished parts' ETag/CRC and the rare retry or failure details in
// maps; PartSnapshot objects are built on demand, for the part map and the change batches. Byte counters are kept
// incrementally so progress costs O(1) per chunk however many parts a job has.

const PENDING = 0;
const IN_FLIGHT = 1;
const RETRYING = 2;
const DONE = 3;
const FAILED = 4;

/** A finished part as the job needs it for Complete, verification and the journal. */
export interface DonePart {
  readonly partNumber: number;
  readonly etag: string;
  readonly crc64: bigint;
  readonly size: number;
}

interface RetryInfo {
  readonly nextTryAtMs: number;
  readonly lastErrorCode: string;
  readonly lastRequestId: string | undefined;
}

interface FailureInfo {
  readonly errorCode: string;
  readonly requestId: string | undefined;
}

/** The per-part state of one job's plan. */
export class PartTable {
  readonly plan: PartPlan;
  private readonly kinds: Uint8Array;
  private readonly bytesSent: Float64Array;
  private readonly attempts: Uint16Array;
  private readonly done = new Map<number, { readonly etag: string; readonly crc64: bigint }>();
  private readonly retries = new Map<number, RetryInfo>();
  private readonly failures = new Map<number, FailureInfo>();
  private doneBytes = 0;
  private activeBytes = 0;
  /** Parts below this number have been handed out since the last rewind. */
  private cursor = 1;

  constructor(plan: PartPlan) {
    this.plan = plan;
    this.kinds = new Uint8Array(plan.partCount);
    this.bytesSent = new Float64Array(plan.partCount);
    this.attempts = new Uint16Array(plan.partCount);
  }

  /** Number of parts in the plan. */
  get partCount(): number {
    return this.plan.partCount;
  }

  /** Parts done. */
  get partsDone(): number {
    return this.done.size;
  }

  /** Bytes of finished parts plus bytes sent by attempts in flight. */
  get bytesDone(): number {
    return this.doneBytes + this.activeBytes;
  }

  /** Whether every part is done. */
  get complete(): boolean {
    return this.done.size === this.plan.partCount;
  }

  /** The state of part `partNumber` as the shared model describes it. */
  state(partNumber: number): PartState {
    const index = this.indexOf(partNumber);
    const attempts = this.attempts[index] ?? 0;
    switch (this.kinds[index]) {
      case IN_FLIGHT:
        return { kind: 'inFlight', bytesSent: this.bytesSent[index] ?? 0, attempt: attempts };
      case RETRYING: {
        const info = this.retries.get(partNumber);
        return {
          kind: 'retrying',
          attempt: attempts + 1,
          nextTryAtMs: info?.nextTryAtMs ?? 0,
          lastErrorCode: info?.lastErrorCode ?? 'Unknown',
          lastRequestId: info?.lastRequestId,
        };
      }
      case DONE: {
        const info = this.done.get(partNumber);
        return { kind: 'done', etag: info?.etag ?? '', crc64: info === undefined ? undefined : formatCrc64(info.crc64), attempts };
      }
      case FAILED: {
        const info = this.failures.get(partNumber);
        return { kind: 'failed', attempts, errorCode: info?.errorCode ?? 'Unknown', requestId: info?.requestId };
      }
      default:
        return { kind: 'pending' };
    }
  }

  /** One part for the part map. */
  snapshot(partNumber: number): PartSnapshot {
    const { offset, size } = partRange(this.plan, partNumber);
    return { partNumber, offset, size, state: this.state(partNumber) };
  }

  /** Every part, ascending. */
  snapshots(): PartSnapshot[] {
    const all: PartSnapshot[] = [];
    for (let n = 1; n <= this.plan.partCount; n += 1) all.push(this.snapshot(n));
    return all;
  }

  /** Hands out the next part that is not done, ascending; undefined when every part has been handed out. */
  claimNext(): number | undefined {
    while (this.cursor <= this.plan.partCount) {
      const partNumber = this.cursor;
      this.cursor += 1;
      if (this.kinds[partNumber - 1] !== DONE) return partNumber;
    }
    return undefined;
  }

  /** Whether claimNext would hand out a part. */
  hasUnclaimed(): boolean {
    for (let n = this.cursor; n <= this.plan.partCount; n += 1) if (this.kinds[n - 1] !== DONE) return true;
    return false;
  }

  /** Starts a run: every part that is not done becomes pending and will be handed out again. */
  rewind(): void {
    for (let index = 0; index < this.plan.partCount; index += 1) {
      if (this.kinds[index] !== DONE) this.setKind(index, PENDING);
    }
    this.retries.clear();
    this.failures.clear();
    this.cursor = 1;
  }

  /** Ends a run: parts in flight or waiting to retry become pending again (failed parts stay visible). */
  settleActive(): number[] {
    const changed: number[] = [];
    for (let index = 0; index < this.plan.partCount; index += 1) {
      const kind = this.kinds[index];
      if (kind === IN_FLIGHT || kind === RETRYING) {
        this.setKind(index, PENDING);
        this.retries.delete(index + 1);
        changed.push(index + 1);
      }
    }
    return changed;
  }

  /** Attempt `attempt` of the part starts sending. */
  markInFlight(partNumber: number, attempt: number): void {
    const index = this.indexOf(partNumber);
    this.setKind(index, IN_FLIGHT);
    this.attempts[index] = attempt;
    this.retries.delete(partNumber);
  }

  /** Bytes of the attempt in flight went out. */
  addBytes(partNumber: number, deltaBytes: number): void {
    const index = this.indexOf(partNumber);
    if (this.kinds[index] !== IN_FLIGHT) return;
    this.bytesSent[index] = (this.bytesSent[index] ?? 0) + deltaBytes;
    this.activeBytes += deltaBytes;
  }

  /** The attempt failed and the part will be tried again at `nextTryAtMs`. */
  markRetrying(partNumber: number, info: RetryInfo): void {
    const index = this.indexOf(partNumber);
    this.setKind(index, RETRYING);
    this.retries.set(partNumber, info);
  }

  /** The part is on the server and verified. */
  markDone(partNumber: number, etag: string, crc64: bigint, attempts: number): void {
    const index = this.indexOf(partNumber);
    const wasDone = this.kinds[index] === DONE;
    this.setKind(index, DONE);
    this.attempts[index] = attempts;
    this.done.set(partNumber, { etag, crc64 });
    if (!wasDone) this.doneBytes += partRange(this.plan, partNumber).size;
    this.retries.delete(partNumber);
    this.failures.delete(partNumber);
  }

  /** The part gave up. */
  markFailed(partNumber: number, info: FailureInfo): void {
    const index = this.indexOf(partNumber);
    this.setKind(index, FAILED);
    this.failures.set(partNumber, info);
    this.retries.delete(partNumber);
  }

  /** Forgets every finished part (before reconciling with the server). */
  clearDone(): void {
    for (let index = 0; index < this.plan.partCount; index += 1) this.setKind(index, PENDING);
    this.cursor = 1;
  }

  /** Finished parts, ascending by number. */
  doneParts(): DonePart[] {
    const parts: DonePart[] = [];
    for (let n = 1; n <= this.plan.partCount; n += 1) {
      const info = this.done.get(n);
      if (info !== undefined) parts.push({ partNumber: n, etag: info.etag, crc64: info.crc64, size: partRange(this.plan, n).size });
    }
    return parts;
  }

  /** Finished parts in the journal's form. */
  journalParts(): JournalPart[] {
    return this.doneParts().map((part) => ({ ...part, crc64: formatCrc64(part.crc64) }));
  }

  /**
   * Loads finished parts from a journal record. Parts that do not fit the plan (another part size, a number past
   * the end) or lack a CRC-64 are left out: reconciliation with the server decides about them.
   */
  loadJournalParts(parts: readonly JournalPart[]): void {
    for (const part of parts) {
      if (part.partNumber < 1 || part.partNumber > this.plan.partCount) continue;
      if (part.size !== partRange(this.plan, part.partNumber).size) continue;
      const crc64 = part.crc64 === undefined ? undefined : parseCrc64(part.crc64);
      if (crc64 === undefined) continue;
      this.markDone(part.partNumber, part.etag, crc64, 0);
    }
  }

  private indexOf(partNumber: number): number {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > this.plan.partCount) {
      throw new RangeError(`Part number must be 1 … ${this.plan.partCount}, got ${partNumber}`);
    }
    return partNumber - 1;
  }

  /** Changes a part's kind, keeping the byte counters right. */
  private setKind(index: number, kind: number): void {
    const previous = this.kinds[index];
    if (previous === IN_FLIGHT || previous === RETRYING) {
      this.activeBytes -= this.bytesSent[index] ?? 0;
      this.bytesSent[index] = 0;
    }
    if (previous === DONE && kind !== DONE) {
      const partNumber = index + 1;
      this.done.delete(partNumber);
      this.doneBytes -= partRange(this.plan, partNumber).size;
    }
    this.kinds[index] = kind;
  }
}
