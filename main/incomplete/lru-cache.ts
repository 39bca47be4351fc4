// A small least-recently-used map: a JavaScript Map keeps insertion order, so re-inserting on every read makes the
// first key the least recently used one.

/** A Map bounded to `maxEntries`, evicting the least recently used entry. */
export class LruCache<K, V> {
  readonly #maxEntries: number;
  readonly #entries = new Map<K, V>();

  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be ≥ 1, got ${maxEntries}`);
    this.#maxEntries = maxEntries;
  }

  /** Entries held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value, marking it most recently used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V; // present: checked just above
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores a value as the most recently used, evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  /** Removes one entry; true when it was there. */
  delete(key: K): boolean {
    return this.#entries.delete(key);
  }
}
