import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { JobId } from '../../shared/models/job';
import { decodeJournalRecord, encodeJournalRecord, isValidJobId, type JournalRecord } from './journal-record';
import { systemTimers, type Timers } from './timers';
import { errnoCode } from '../errno-code';

// Issue 3 item 7: each job's state survives a crash. One file per job, `<jobId>.json`, replaced atomically by
// write-file-atomic (write a temp file, fsync, rename), so after a crash or kill -9 each file holds either the old
// or the new version, never half of one.
//
// How often to write: oss-browser rewrote its whole job list on every progress tick, and gov1 rewrites its
// checkpoint after every part (oss-protocol.md §10). With 10,000 parts of ~70 bytes each, per-part writes would
// push ~3.5 GB through fsync over one upload. Here a job's file is written at most once per `minWriteIntervalMs`
// (1 s by default), coalescing to the latest state, plus at once for status changes (saveNow) and at shutdown
// (flushAll). A crash therefore forgets at most ~1 s of finished parts, and those are not lost either: resume
// reconciles with ListParts, which knows every part the server kept. Parallel × part size bounds what is re-sent.

/** A file the journal could not load, and where it was moved so it cannot break the next start. */
export interface JournalLoadProblem {
  readonly file: string;
  readonly reason: string;
  /** Undefined when the file could not be moved (it stays where it is, and is reported again next time). */
  readonly movedTo: string | undefined;
}

/** Result of loadAll. */
export interface JournalLoadResult {
  readonly records: readonly JournalRecord[];
  readonly problems: readonly JournalLoadProblem[];
}

/** Options of JobJournal; only `directory` is required. */
export interface JobJournalOptions {
  readonly directory: string;
  readonly now?: () => number;
  readonly timers?: Timers;
  readonly minWriteIntervalMs?: number;
  /** Errors of background (throttled) writes; saveNow and flushAll reject instead. */
  readonly onError?: (jobId: JobId, error: unknown) => void;
  /** Atomic, durable file replacement (injected only by tests, e.g. to count writes). */
  readonly writeFile?: (path: string, data: string) => Promise<void>;
}

/** Something a caller can save: a record, or a function building it when the write actually happens. */
export type JournalSource = JournalRecord | (() => JournalRecord);

interface JobSlot {
  pending: JournalSource | undefined;
  timer: unknown;
  armed: boolean;
  /** saveNow/flushAll calls in progress; while any runs, they (not the throttle) start the next write. */
  flushing: number;
  /** Settles (never rejects) when the write in flight is done. */
  writing: Promise<void> | undefined;
  lastWriteAtMs: number;
}

/** write-file-atomic names its temp file `<target>.<uint32>`: one left behind means a write died before rename. */
const TEMP_FILE = /^[A-Za-z0-9_-]{1,128}\.json\.\d+$/;
const JOURNAL_FILE = /^([A-Za-z0-9_-]{1,128})\.json$/;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The per-job, throttled, crash-safe store of JournalRecords in one state directory. */
export class JobJournal {
  readonly directory: string;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly minWriteIntervalMs: number;
  private readonly onError: (jobId: JobId, error: unknown) => void;
  private readonly writeFile: (path: string, data: string) => Promise<void>;
  private readonly slots = new Map<JobId, JobSlot>();
  private readonly removed = new Set<JobId>();
  private directoryReady: Promise<unknown> | undefined;

  constructor(options: JobJournalOptions) {
    this.directory = options.directory;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? systemTimers;
    this.minWriteIntervalMs = options.minWriteIntervalMs ?? 1_000;
    this.onError = options.onError ?? ((): void => undefined);
    this.writeFile = options.writeFile ?? ((path, data) => writeFileAtomic(path, data, { fsync: true }));
  }

  /** The file of one job. */
  pathOf(jobId: JobId): string {
    if (!isValidJobId(jobId)) throw new RangeError(`Job id ${JSON.stringify(jobId)} cannot name a journal file`);
    return join(this.directory, `${jobId}.json`);
  }

  /**
   * Saves the job's state soon: at once if its last write is older than the interval, else when the interval
   * ends, with whatever was saved last by then. Pass a function to build large records only when written.
   * Ignored for a job that was removed.
   */
  save(jobId: JobId, source: JournalSource): void {
    this.pathOf(jobId); // validates the id synchronously, where the bug is
    if (this.removed.has(jobId)) return;
    const slot = this.slotOf(jobId);
    slot.pending = source;
    this.schedule(jobId, slot);
  }

  /** Saves the job's state now (status changes), after any write in flight; resolves once it is on disk. */
  async saveNow(jobId: JobId, source: JournalSource): Promise<void> {
    this.pathOf(jobId);
    if (this.removed.has(jobId)) return;
    const slot = this.slotOf(jobId);
    slot.pending = source;
    await this.writePendingNow(jobId, slot);
  }

  /** Writes every pending save now and waits for all writes (shutdown). Rejects if any write failed. */
  async flushAll(): Promise<void> {
    const results = await Promise.allSettled([...this.slots].map(([jobId, slot]) => this.writePendingNow(jobId, slot)));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} journal write(s) failed`);
  }

  /** Resolves once no write is in flight; throttled saves stay pending (flushAll forces them). */
  async idle(): Promise<void> {
    for (;;) {
      const writing = [...this.slots.values()].flatMap((slot) => (slot.writing === undefined ? [] : [slot.writing]));
      if (writing.length === 0) return;
      await Promise.all(writing);
    }
  }

  /** Deletes the job's file; later saves for this job are ignored (a late progress tick must not revive it). */
  async remove(jobId: JobId): Promise<void> {
    const path = this.pathOf(jobId);
    this.removed.add(jobId);
    const slot = this.slots.get(jobId);
    if (slot !== undefined) {
      this.disarm(slot);
      slot.pending = undefined;
      while (slot.writing !== undefined) await slot.writing;
      this.slots.delete(jobId);
    }
    await rm(path, { force: true });
  }

  /**
   * Reads every job file. Call once at start, before any save. A file that is not valid JSON, fails the schema,
   * has an unknown version or a name that does not match its job id is moved aside to `*.corrupt` and reported,
   * never thrown. Temp files of writes interrupted before their rename are deleted: the target still holds the
   * previous complete version.
   */
  async loadAll(): Promise<JournalLoadResult> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { records: [], problems: [] };
      throw error;
    }
    const records: JournalRecord[] = [];
    const problems: JournalLoadProblem[] = [];
    for (const name of names.sort()) {
      const path = join(this.directory, name);
      if (TEMP_FILE.test(name)) {
        await rm(path, { force: true }).catch(() => undefined);
        continue;
      }
      const fileJobId = JOURNAL_FILE.exec(name)?.[1];
      if (fileJobId === undefined) continue;
      const loaded = await this.loadFile(path, fileJobId);
      if (loaded.ok) records.push(loaded.record);
      else problems.push(loaded.problem);
    }
    return { records, problems };
  }

  private async loadFile(
    path: string,
    fileJobId: string,
  ): Promise<{ ok: true; record: JournalRecord } | { ok: false; problem: JournalLoadProblem }> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      // Unreadable (permissions, a directory with a .json name): report, but do not touch what we cannot read.
      return { ok: false, problem: { file: path, reason: `cannot read: ${errorMessage(error)}`, movedTo: undefined } };
    }
    let reason: string;
    try {
      const decoded = decodeJournalRecord(JSON.parse(text) as unknown);
      if (decoded.ok && decoded.record.jobId === fileJobId) return { ok: true, record: decoded.record };
      reason = decoded.ok ? `file name does not match job id ${decoded.record.jobId}` : decoded.message;
    } catch (error) {
      reason = `not valid JSON: ${errorMessage(error)}`;
    }
    return { ok: false, problem: { file: path, reason, movedTo: await this.moveAside(path) } };
  }

  private async moveAside(path: string): Promise<string | undefined> {
    let target = `${path}.corrupt`;
    const taken = await stat(target).then(
      () => true,
      () => false,
    );
    if (taken) target = `${path}.${this.now()}.corrupt`;
    try {
      await rename(path, target);
      return target;
    } catch {
      return undefined;
    }
  }

  private slotOf(jobId: JobId): JobSlot {
    let slot = this.slots.get(jobId);
    if (slot === undefined) {
      slot = { pending: undefined, timer: undefined, armed: false, flushing: 0, writing: undefined, lastWriteAtMs: -Infinity };
      this.slots.set(jobId, slot);
    }
    return slot;
  }

  private disarm(slot: JobSlot): void {
    if (!slot.armed) return;
    this.timers.clearTimeout(slot.timer);
    slot.armed = false;
    slot.timer = undefined;
  }

  /** Starts the pending write now, or arms a timer for when the interval allows it. */
  private schedule(jobId: JobId, slot: JobSlot): void {
    if (slot.armed || slot.flushing > 0 || slot.writing !== undefined || slot.pending === undefined) return;
    const waitMs = slot.lastWriteAtMs + this.minWriteIntervalMs - this.now();
    if (waitMs <= 0) {
      this.startWrite(jobId, slot).catch((error: unknown) => this.onError(jobId, error));
      return;
    }
    slot.armed = true;
    slot.timer = this.timers.setTimeout(() => {
      slot.armed = false;
      slot.timer = undefined;
      this.schedule(jobId, slot);
    }, waitMs);
  }

  /** Waits for the write in flight, then writes the pending source; its errors reach the caller. */
  private async writePendingNow(jobId: JobId, slot: JobSlot): Promise<void> {
    this.disarm(slot);
    slot.flushing += 1;
    try {
      while (slot.writing !== undefined) await slot.writing;
      if (slot.pending !== undefined) await this.startWrite(jobId, slot);
    } finally {
      slot.flushing -= 1;
      // A save() that arrived meanwhile is still pending: hand it back to the throttle.
      if (!this.removed.has(jobId)) this.schedule(jobId, slot);
    }
  }

  /** Writes the pending source; when done, schedules whatever was saved meanwhile. */
  private startWrite(jobId: JobId, slot: JobSlot): Promise<void> {
    const source = slot.pending;
    slot.pending = undefined;
    slot.lastWriteAtMs = this.now();
    const result = this.write(jobId, source);
    slot.writing = result.then(
      () => undefined,
      () => undefined,
    );
    void slot.writing.then(() => {
      slot.writing = undefined;
      if (!this.removed.has(jobId)) this.schedule(jobId, slot);
    });
    return result;
  }

  private async write(jobId: JobId, source: JournalSource | undefined): Promise<void> {
    if (source === undefined) return;
    const record = typeof source === 'function' ? source() : source;
    if (record.jobId !== jobId) throw new RangeError(`Record of job ${record.jobId} saved under job ${jobId}`);
    const text = `${JSON.stringify(encodeJournalRecord(record))}\n`;
    this.directoryReady ??= mkdir(this.directory, { recursive: true }).catch((error: unknown) => {
      this.directoryReady = undefined; // try again on the next write (the disk may come back)
      throw error;
    });
    await this.directoryReady;
    await this.writeFile(this.pathOf(jobId), text);
  }
}
