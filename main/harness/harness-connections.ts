// The harness's "senders": one per authenticated WebSocket. AppCore's isTrustedSender asks this registry, so a
// command is trusted exactly when it arrived on a socket that passed the Origin and token checks and is still open
// (the harness's counterpart of Electron's "the sender is the app's own window").

/** One authenticated page connection; the Sender type of the harness's AppCore. */
export interface HarnessConnection {
  /** Sequential, for log lines. */
  readonly id: number;
}

/** The open, authenticated connections. */
export class HarnessConnections {
  readonly #open = new Set<HarnessConnection>();
  #nextId = 1;

  /** Registers a connection that just passed the checks. */
  open(): HarnessConnection {
    const connection = Object.freeze({ id: this.#nextId++ });
    this.#open.add(connection);
    return connection;
  }

  /** Forgets a closed connection: later calls that claim to come from it are refused. */
  close(connection: HarnessConnection): void {
    this.#open.delete(connection);
  }

  /** True for a connection this registry opened and has not closed (the core's isTrustedSender). */
  isTrusted(sender: HarnessConnection): boolean {
    return this.#open.has(sender);
  }

  /** How many are open. */
  get size(): number {
    return this.#open.size;
  }
}
