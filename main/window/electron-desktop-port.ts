// The Electron side of the `desktop.*` commands (AppCore's DesktopPort): native open dialogs, the file manager,
// the clipboard and the browser. The core grants the paths a dialog returns; this file only asks the OS.
import type { BrowserWindow, Clipboard, Dialog, OpenDialogOptions, Shell } from 'electron';
import { AppError } from '../../shared/ipc/app-error';
import type { DesktopPort } from '../app/app-core-types';

/** What the port needs from Electron. */
export interface ElectronDesktopDeps {
  readonly dialog: Pick<Dialog, 'showOpenDialog'>;
  readonly shell: Pick<Shell, 'showItemInFolder' | 'openExternal'>;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  /** The window dialogs attach to (modal on macOS), when there is one. */
  readonly getWindow: () => BrowserWindow | undefined;
}

/** True when `url` is an absolute https URL (the only kind the app opens in a browser). */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A DesktopPort over Electron's dialog, shell and clipboard. */
export function createElectronDesktopPort(deps: ElectronDesktopDeps): DesktopPort {
  const open = async (properties: OpenDialogOptions['properties'], title: string): Promise<readonly string[]> => {
    const window = deps.getWindow();
    const options: OpenDialogOptions = { title, properties };
    const answer = window === undefined || window.isDestroyed() ? await deps.dialog.showOpenDialog(options) : await deps.dialog.showOpenDialog(window, options);
    return answer.canceled ? [] : answer.filePaths;
  };
  return {
    pickFiles: ({ multiple }) => open(multiple ? ['openFile', 'multiSelections'] : ['openFile'], 'Add Files'),
    pickFolder: () => open(['openDirectory'], 'Add Folder'),
    revealFile: async (localPath) => {
      deps.shell.showItemInFolder(localPath);
    },
    copyText: async (text) => {
      deps.clipboard.writeText(text);
    },
    openExternal: async (url) => {
      // The core only passes URLs it built, but this is the last gate before the OS opens something: https only,
      // never file:, javascript: or a custom protocol handler.
      if (!isHttpsUrl(url)) {
        throw new AppError({ code: 'Forbidden', message: 'Only https links can be opened.', retryable: false });
      }
      await deps.shell.openExternal(url);
    },
  };
}
