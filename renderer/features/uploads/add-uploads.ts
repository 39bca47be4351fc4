// The two ways files reach the engine from this screen, as plain async functions of a bridge so tests can pass a
// fake one: dropped File objects go through pathsForDroppedFiles (Electron grants their real paths, the harness
// stages copies, shared/ipc/contract.ts), picked paths come straight from the native dialog; both end in addPaths.
import type { AddPathsResult, UploadDestination } from '../../../shared/ipc/command-payloads';
import type { BridgeApi, BridgeCommandName, DroppedFile } from '../../../shared/ipc/contract';
import type { WireError } from '../../../shared/ipc/result';

/** What adding produced: the engine's answer, or which command failed and why. */
export type AddOutcome =
  | { readonly ok: true; readonly value: AddPathsResult }
  | { readonly ok: false; readonly command: BridgeCommandName; readonly error: WireError };

const NOTHING_ADDED: AddOutcome = { ok: true, value: { jobIds: [], skipped: [] } };

async function addPaths(uploader: BridgeApi, paths: readonly string[], destination: UploadDestination): Promise<AddOutcome> {
  if (paths.length === 0) return NOTHING_ADDED;
  const added = await uploader.uploads.addPaths({ paths, destination });
  return added.ok ? added : { ok: false, command: 'uploads.addPaths', error: added.error };
}

/** Uploads files dropped on the window to `destination`. */
export async function uploadDroppedFiles(
  uploader: BridgeApi,
  files: readonly DroppedFile[],
  destination: UploadDestination,
): Promise<AddOutcome> {
  if (files.length === 0) return NOTHING_ADDED;
  const granted = await uploader.pathsForDroppedFiles(files);
  // To the user this is still "adding uploads" failing; the error's code says which step.
  if (!granted.ok) return { ok: false, command: 'uploads.addPaths', error: granted.error };
  return addPaths(uploader, granted.value.paths, destination);
}

/** Opens the native file (or folder) dialog and uploads what the user chose; nothing when they cancel. */
export async function uploadPicked(uploader: BridgeApi, kind: 'files' | 'folder', destination: UploadDestination): Promise<AddOutcome> {
  const picked = kind === 'files' ? await uploader.desktop.pickFiles({ multiple: true }) : await uploader.desktop.pickFolder();
  if (!picked.ok) return { ok: false, command: kind === 'files' ? 'desktop.pickFiles' : 'desktop.pickFolder', error: picked.error };
  return addPaths(uploader, picked.value.paths, destination);
}
