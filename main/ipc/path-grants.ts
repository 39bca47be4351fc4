// The local paths the renderer may name. A compromised renderer must not be able to upload ~/.ssh/id_rsa by naming
// it: main records what the user picked in a native dialog or dropped on the window (issue 5 item 2), and commands
// that read local files accept only those paths or paths under them.
import path from 'node:path';

/** The path functions PathGrants needs: node:path, or path.win32 / path.posix in tests. */
export type PathApi = Pick<typeof path, 'resolve' | 'dirname' | 'isAbsolute' | 'sep'>;

/** Options of PathGrants. */
export interface PathGrantsOptions {
  /** Default node:path (the platform's own rules). */
  readonly pathApi?: PathApi | undefined;
  /** Windows file names are case-insensitive; default: true when pathApi uses `\` separators. */
  readonly caseInsensitive?: boolean | undefined;
  /** Most grants kept; the oldest go first (default 100,000). */
  readonly maxEntries?: number | undefined;
}

/**
 * Paths the user granted in this session. A grant covers the path itself and everything under it, compared after
 * lexical normalisation, so `granted/../etc/passwd` is not under `granted`. Symbolic links inside a granted folder are
 * not resolved here: whoever walks a folder must not follow links out of it.
 */
export class PathGrants {
  readonly #path: PathApi;
  readonly #caseInsensitive: boolean;
  readonly #maxEntries: number;
  readonly #granted = new Set<string>();

  constructor(options: PathGrantsOptions = {}) {
    this.#path = options.pathApi ?? path;
    this.#caseInsensitive = options.caseInsensitive ?? this.#path.sep === '\\';
    this.#maxEntries = options.maxEntries ?? 100_000;
  }

  #key(p: string): string | undefined {
    if (p === '' || p.includes('\u0000') || !this.#path.isAbsolute(p)) return undefined;
    const normal = this.#path.resolve(p);
    return this.#caseInsensitive ? normal.toLowerCase() : normal;
  }

  /** Records paths from a dialog or a drop; relative or malformed paths are ignored. Returns the paths granted. */
  grant(paths: Iterable<string>): string[] {
    const granted: string[] = [];
    for (const p of paths) {
      const key = this.#key(p);
      if (key === undefined) continue;
      this.#granted.delete(key); // re-insert: a fresh grant becomes the newest
      this.#granted.add(key);
      granted.push(p);
    }
    for (const oldest of this.#granted) {
      if (this.#granted.size <= this.#maxEntries) break;
      this.#granted.delete(oldest);
    }
    return granted;
  }

  /** True when `p` is a granted path or lies under one. */
  isGranted(p: string): boolean {
    let key = this.#key(p);
    while (key !== undefined) {
      if (this.#granted.has(key)) return true;
      const parent = this.#path.dirname(key);
      key = parent === key ? undefined : parent;
    }
    return false;
  }

  /** The paths of `paths` that are not granted, in order. */
  ungranted(paths: readonly string[]): string[] {
    return paths.filter((p) => !this.isGranted(p));
  }

  /** How many grants are held. */
  get size(): number {
    return this.#granted.size;
  }

  /** Forgets every grant (e.g. when the window reloads). */
  clear(): void {
    this.#granted.clear();
  }
}
