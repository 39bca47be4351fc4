// The app's one window (issue 5 item 2): an isolated, sandboxed renderer with no Node, no remote content and the
// preload as its only door to main. Web preferences are spelled out even where they equal Electron's defaults, so a
// changed default cannot weaken the window and Electronegativity can see each one.
import { BrowserWindow, type WebPreferences } from 'electron';
import type { RendererLocation } from './renderer-location';

/** The window's web preferences: `preloadPath` is the bundled CommonJS preload (out/preload/index.js). */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Options of createMainWindow. */
export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly location: RendererLocation;
  readonly title: string;
  /** PNG icon for Linux (Windows and macOS take theirs from the packaged executable). */
  readonly iconPath?: string | undefined;
  /** Hears a failed page load (the window stays, blank, so the user can still quit from the menu). */
  readonly log: (line: string) => void;
}

/** Opens the main window and loads the app's page; shown once the first paint is ready (no white flash). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: options.title,
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: buildWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  const loading = options.location.kind === 'file' ? window.loadFile(options.location.filePath) : window.loadURL(options.location.url);
  loading.catch((error: unknown) => {
    options.log(`The app page did not load: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

/** Brings `window` to the front: restores it when minimized, shows it when hidden (second launch, dock click). */
export function focusWindow(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
