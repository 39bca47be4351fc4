// The local side of `put FILE...`: every argument checked, directories walked recursively by the app's walker.
// Symbolic links to files are followed wherever they lead (the user named the folder on their own machine; there is
// no grant to stay within); links to directories are skipped (reported), because following them can loop forever.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { walkFolder } from '../app/walk-folder';
import type { LocalSource } from './plan-destinations';
import { UsageError } from './usage-error';
import { errnoCode } from '../errno-code';

/** What collectLocalFiles found. */
export interface CollectedFiles {
  /** Regular files, arguments in the order given, each directory's files sorted by relative key. */
  readonly sources: readonly LocalSource[];
  /** Entries left out (unreadable folders, links to directories, broken links, sockets, devices), with why. */
  readonly skipped: readonly string[];
}

async function statArgument(path: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw new UsageError(`No such file or directory: ${path}`);
    throw error;
  }
}

/** Adds the files under `directory` with keys under `prefix` (its own name; empty for the file system root). */
async function walk(directory: string, prefix: string, out: LocalSource[], skipped: string[]): Promise<void> {
  for await (const entry of walkFolder(directory, { linksOutside: 'follow' })) {
    if (entry.kind === 'skipped') {
      skipped.push(`${entry.skipped.path}: ${entry.skipped.message}`);
      continue;
    }
    const { localPath, relativePath } = entry.file;
    out.push({ localPath, relativeKey: prefix === '' ? relativePath : `${prefix}/${relativePath}`, fromDirectory: true });
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
