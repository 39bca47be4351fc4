// Issue 4 item 1: an upload's part count and bytes stored, computed lazily (one ListParts walk per upload, only for
// rows someone looks at), at most `concurrency` walks at once, and cached. The cache is an LRU with an age limit
// from the injected clock: a running job keeps adding parts, so a stat older than `maxAgeMs` is fetched again.
// Aborting an upload removes its entry.
import type { RemoteUploadStats } from '../../shared/models/remote-upload';
import { ConcurrencyLimiter } from './concurrency-limiter';
import type { IncompleteClientResolver, UploadRef } from './incomplete-client';
import { listUploadParts } from './list-upload-parts';
import { LruCache } from './lru-cache';
import type { RetryOptions } from './with-retry';

/** Tuning of {@link UploadStatsService}. */
export interface UploadStatsOptions {
  readonly clients: IncompleteClientResolver;
  readonly now: () => number;
  readonly retry: RetryOptions;
  /** ListParts walks at once; default 4 (a screen of rows fills in a few round trips without hogging the link). */
  readonly concurrency?: number | undefined;
  /** Uploads remembered; default 1000 (a few screens). */
  readonly maxEntries?: number | undefined;
  /** How long a stat stays fresh; default 60 s. */
  readonly maxAgeMs?: number | undefined;
}

interface CacheEntry {
  readonly stats: RemoteUploadStats;
  readonly atMs: number;
}

/** The cache key of an upload: account, bucket, key and id, unambiguous whatever characters they hold. */
function cacheKeyOf(ref: UploadRef): string {
  return JSON.stringify([ref.accountId ?? '', ref.bucket, ref.key, ref.uploadId]);
}

/** Totals of a part list. */
export function summarizeParts(parts: readonly { readonly size: number }[]): RemoteUploadStats {
  return { partCount: parts.length, bytesStored: parts.reduce((sum, part) => sum + part.size, 0) };
}

/** Lazily computed, cached part counts and sizes of incomplete uploads. */
export class UploadStatsService {
  readonly #options: UploadStatsOptions;
  readonly #limiter: ConcurrencyLimiter;
  readonly #cache: LruCache<string, CacheEntry>;
  readonly #inFlight = new Map<string, Promise<RemoteUploadStats>>();
  readonly #maxAgeMs: number;

  constructor(options: UploadStatsOptions) {
    this.#options = options;
    this.#limiter = new ConcurrencyLimiter(options.concurrency ?? 4);
    this.#cache = new LruCache(options.maxEntries ?? 1000);
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  /** The stats of one upload: from the cache when fresh, else one ListParts walk (shared by concurrent callers). */
  get(ref: UploadRef): Promise<RemoteUploadStats> {
    const key = cacheKeyOf(ref);
    const cached = this.#cache.get(key);
    if (cached !== undefined && this.#options.now() - cached.atMs < this.#maxAgeMs) return Promise.resolve(cached.stats);
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running;
    const walk: Promise<RemoteUploadStats> = this.#limiter
      .run(() => listUploadParts(this.#options.clients(ref.accountId), ref, this.#options.retry))
      .then((parts) => {
        const stats = summarizeParts(parts);
        // Not cached when invalidate() ran meanwhile (it drops the in-flight entry): the upload may be gone by now.
        if (this.#inFlight.get(key) === walk) this.#cache.set(key, { stats, atMs: this.#options.now() });
        return stats;
      })
      .finally(() => {
        if (this.#inFlight.get(key) === walk) this.#inFlight.delete(key);
      });
    this.#inFlight.set(key, walk);
    return walk;
  }

  /** Stores stats learnt elsewhere (a full inspection). */
  remember(ref: UploadRef, stats: RemoteUploadStats): void {
    this.#cache.set(cacheKeyOf(ref), { stats, atMs: this.#options.now() });
  }

  /** Forgets an upload (after an abort). */
  invalidate(ref: UploadRef): void {
    const key = cacheKeyOf(ref);
    this.#cache.delete(key);
    this.#inFlight.delete(key);
  }
}
