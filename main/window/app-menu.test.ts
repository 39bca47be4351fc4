import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc/contract';
import { HELP_URLS } from '../app/help-urls';
import { buildMenuTemplate, type AppMenuOptions } from './app-menu';

function build(overrides: Partial<AppMenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate({
    appName: 'OSS Upload Manager',
    platform: 'linux',
    isDev: false,
    sendToPage: (command) => sent.push(command),
    openHelp: (url) => opened.push(url),
    ...overrides,
  });
  return { template, sent, opened };
}

/** Every item of the template, depth first. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // The menu's click handlers ignore their arguments; Electron passes (menuItem, window, event).
  (item?.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help with the usual shortcuts', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const all = items(template);
    expect(all.find((i) => i.label === 'Add Files…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(all.find((i) => i.label === 'Add Folder…')?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(all.some((i) => i.role === 'quit')).toBe(true);
    expect(all.filter((i) => ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'].includes(String(i.role)))).toHaveLength(6);
  });

  it('sends Add Files and Add Folder to the page', () => {
    const { template, sent } = build();
    const all = items(template);
    click(all.find((i) => i.label === 'Add Files…'));
    click(all.find((i) => i.label === 'Add Folder…'));
    expect(sent).toEqual(['addFiles', 'addFolder']);
  });

  it('opens only the fixed https help pages', () => {
    const { template, opened } = build();
    const help = template.find((m) => m.label === '&Help');
    for (const item of Array.isArray(help?.submenu) ? help.submenu : []) click(item);
    expect(opened.length).toBeGreaterThan(0);
    for (const url of opened) {
      expect(Object.values(HELP_URLS)).toContain(url);
      expect(url.startsWith('https://')).toBe(true);
    }
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => items(build({ isDev }).template).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts the app menu first on macOS and closes the window from File', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    const file = template.find((m) => m.label === '&File');
    expect(items(file ? [file] : []).some((i) => i.role === 'close')).toBe(true);
  });
});
