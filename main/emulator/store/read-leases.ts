// Keeps a replaced or deleted object's segment files on disk while a GET is still streaming them. A GET opens its
// segments one at a time as it reaches them (an object may have 10,000 parts: opening them all up front would cost a
// descriptor each), so unlinking them early, as POSIX allows for a file already open, would cut the response short.

/** Reader counts per stored item, and removals held back until the last reader of an item is done. */
export class ReadLeases<K extends object> {
  private readonly readers = new Map<K, number>();
  private readonly pending = new Map<K, () => Promise<void>>();
  private readonly retired = new WeakSet<K>();

  /** Registers one reader of `item`; false when it is already retired (its files may be gone). */
  acquire(item: K): boolean {
    if (this.retired.has(item)) return false;
    this.readers.set(item, (this.readers.get(item) ?? 0) + 1);
    return true;
  }

  /** Ends one reader's lease; when it was the last, runs the removal `retire` held back. Call once per `acquire`. */
  async release(item: K): Promise<void> {
    const count = this.readers.get(item);
    if (count === undefined) return;
    if (count > 1) {
      this.readers.set(item, count - 1);
      return;
    }
    this.readers.delete(item);
    const remove = this.pending.get(item);
    this.pending.delete(item);
    if (remove !== undefined) await remove();
  }

  /** Marks `item` gone for new readers; `remove` runs now, or when its last current reader releases. */
  async retire(item: K, remove: () => Promise<void>): Promise<void> {
    this.retired.add(item);
    if (this.readers.has(item)) {
      this.pending.set(item, remove);
      return;
    }
    await remove();
  }
}
