// The application menu (issue 5 item 5): the usual File, Edit, View, Window and Help menus with their platform
// shortcuts. "Add files…" and "Add folder…" need the destination the page shows, so they are sent to the page as the
// `app.menuCommand` event; Help opens fixed https pages (main/app/help-urls.ts), never a URL from the page.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { HELP_URLS } from '../app/help-urls';

/** What the menu items do. */
export interface AppMenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** Development only: Reload and the developer tools are in the View menu. */
  readonly isDev: boolean;
  readonly sendToPage: (command: MenuCommand) => void;
  readonly openHelp: (url: string) => void;
}

/** The menu template for `options` (Menu.buildFromTemplate turns it into the menu). */
export function buildMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac ? [{ label: options.appName, role: 'appMenu' }] : [];
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Add Files…', accelerator: 'CmdOrCtrl+O', click: () => options.sendToPage('addFiles') },
      { label: 'Add Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => options.sendToPage('addFolder') },
      { type: 'separator' },
      // On macOS Quit lives in the app menu and Cmd+W closes the window; elsewhere File ends with Quit.
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const devItems: MenuItemConstructorOptions[] = options.isDev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Creating an AccessKey Pair', click: () => options.openHelp(HELP_URLS.accessKeys) },
      { label: 'OSS Regions and Endpoints', click: () => options.openHelp(HELP_URLS.endpoints) },
      { label: 'About Incomplete Multipart Uploads', click: () => options.openHelp(HELP_URLS.incompleteUploads) },
      { label: 'RAM Policies for OSS', click: () => options.openHelp(HELP_URLS.ramPolicy) },
    ],
  };
  return [...appMenu, file, edit, view, { label: '&Window', role: 'windowMenu' }, help];
}
