// Walks a folder the user picked or dropped (issue 5 item 2: "folders are walked recursively in main, keeping
// relative paths as key suffixes"). Asynchronous throughout, one directory read at a time, so a folder of tens of
// thousands of files never blocks the event loop for long. A grant covers what is under the folder, so symbolic
// links are followed only to files that are themselves under the folder (PathGrants does not resolve links). The
// command line, which has no grants, walks with the same code and follows links to files wherever they lead.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep, isAbsolute } from 'node:path';
import type { SkippedPath } from '../../shared/ipc/command-payloads';
import { errnoCode } from '../errno-code';

/** One regular file of the folder, with its path relative to the folder in `/` form. */
export interface WalkedFile {
  readonly localPath: string;
  readonly relativePath: string;
}

/** What the walk yields: a file, or an entry left out and why. */
export type WalkEntry = { readonly kind: 'file'; readonly file: WalkedFile } | { readonly kind: 'skipped'; readonly skipped: SkippedPath };

/** The `code` of a Node file-system error (`EACCES`, …), or `Unreadable`. */
export function fsErrorCode(error: unknown): string {
  return errnoCode(error) ?? 'Unreadable';
}

function skip(path: string, code: string, message: string): WalkEntry {
  return { kind: 'skipped', skipped: { path, code, message } };
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** How walkFolder treats symbolic links that lead outside the folder. */
export interface WalkOptions {
  /** 'skip' (the app: a grant covers only the folder) or 'follow' to a file (the command line). */
  readonly linksOutside: 'skip' | 'follow';
}

async function classifyLink(path: string, realRoot: string, options: WalkOptions): Promise<'file' | WalkEntry> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return skip(path, 'BrokenLink', 'The link points to nothing.');
  }
  if (options.linksOutside === 'skip' && !isInside(realRoot, target)) {
    return skip(path, 'LinkOutsideFolder', 'The link points outside the folder; it was not followed.');
  }
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile() === true) return 'file';
  // A link to a folder inside the folder would upload its files twice (or loop forever).
  return skip(path, 'LinkToFolder', 'The link points to a folder; it was not followed.');
}

async function readSorted(directory: string): Promise<Dirent[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  // Code-unit order, stable across platforms, so the job list follows the same order as a sorted listing.
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Yields every regular file under `root` (depth first, names sorted), and every entry it leaves out: unreadable
 * folders, sockets and devices, broken links, links to folders and (by default) links leading outside `root`.
 */
export async function* walkFolder(root: string, options: WalkOptions = { linksOutside: 'skip' }): AsyncGenerator<WalkEntry> {
  const realRoot = await realpath(root);
  const pending: { readonly directory: string; readonly relativePath: string }[] = [{ directory: root, relativePath: '' }];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) break;
    let entries: Dirent[];
    try {
      entries = await readSorted(next.directory);
    } catch (error) {
      yield skip(next.directory, fsErrorCode(error), 'The folder could not be read.');
      continue;
    }
    const subfolders: { readonly directory: string; readonly relativePath: string }[] = [];
    for (const entry of entries) {
      const localPath = join(next.directory, entry.name);
      const relativePath = next.relativePath === '' ? entry.name : `${next.relativePath}/${entry.name}`;
      if (entry.isDirectory()) {
        subfolders.push({ directory: localPath, relativePath });
      } else if (entry.isFile()) {
        yield { kind: 'file', file: { localPath, relativePath } };
      } else if (entry.isSymbolicLink()) {
        const link = await classifyLink(localPath, realRoot, options);
        yield link === 'file' ? { kind: 'file', file: { localPath, relativePath } } : link;
      } else {
        yield skip(localPath, 'NotAFile', 'Not a regular file (a socket, pipe or device).');
      }
    }
    // Reversed onto the stack so the first subfolder is walked first.
    for (const folder of subfolders.reverse()) pending.push(folder);
  }
}
