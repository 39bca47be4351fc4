// The local side of `put FILE...`: every argument checked, directories walked recursively. Symbolic links to files
// are followed; links to directories are skipped (reported), because following them can loop forever.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { LocalSource } from './plan-destinations';
import { UsageError } from './usage-error';

/** What collectLocalFiles found. */
export interface CollectedFiles {
  /** Regular files, arguments in the order given, each directory's files sorted by relative key. */
  readonly sources: readonly LocalSource[];
  /** Entries left out (links to directories, sockets, devices), with why. */
  readonly skipped: readonly string[];
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

async function statArgument(path: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw new UsageError(`No such file or directory: ${path}`);
    throw error;
  }
}

async function walk(directory: string, relative: string, out: LocalSource[], skipped: string[]): Promise<void> {
  const entries: Dirent[] = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      await walk(path, key, out, skipped);
    } else if (entry.isFile()) {
      out.push({ localPath: path, relativeKey: key, fromDirectory: true });
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (target?.isFile() === true) out.push({ localPath: path, relativeKey: key, fromDirectory: true });
      else skipped.push(`${path}: ${target === undefined ? 'broken link' : 'link to a directory (not followed)'}`);
    } else {
      skipped.push(`${path}: not a regular file`);
    }
  }
}

/** Resolves the FILE arguments of `put` (relative to `cwd`) into regular files; a missing path is a UsageError. */
export async function collectLocalFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<CollectedFiles> {
  const sources: LocalSource[] = [];
  const skipped: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await statArgument(path);
    if (info.isFile()) {
      sources.push({ localPath: path, relativeKey: basename(path), fromDirectory: false });
    } else if (info.isDirectory()) {
      // The directory keeps its own name under a prefix; the file system root has none.
      await walk(path, basename(path), sources, skipped);
    } else {
      throw new UsageError(`Not a regular file or directory: ${given}`);
    }
  }
  return { sources, skipped };
}
