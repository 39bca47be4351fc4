// The Electron main process's composition root (architecture.md): claims the single-instance lock, hardens every
// session and webContents, builds the Electron-free AppCore with Electron's secret store, dialogs and log file, binds
// its dispatcher to IPC, opens the window and wires desktop integration. Logic lives in main/window/ and main/app/.
import { join, resolve } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, Notification, powerSaveBlocker, safeStorage, session, shell } from 'electron';
import { SafeStorageSecretStore } from './accounts/safe-storage-secret-store';
import type { AppCore } from './app/app-core-types';
import { createAppCore } from './app/create-app-core';
import { createLogFile } from './app/log-file';
import { buildMenuTemplate } from './window/app-menu';
import { bindBatchNotifications } from './window/batch-notifications';
import { bindCommandChannel, bindEventTarget, isTrustedFrame, type IpcSender } from './window/bind-ipc';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './window/content-security-policy';
import { createMainWindow, focusWindow } from './window/create-main-window';
import { createElectronDesktopPort } from './window/electron-desktop-port';
import { hardenSession } from './window/harden-session';
import { hardenWebContents } from './window/harden-web-contents';
import { installQuitGuard } from './window/quit-guard';
import { isAppPageUrl, resolveRendererLocation } from './window/renderer-location';
import { claimSingleInstance } from './window/single-instance';
import { bindSleepBlocker } from './window/sleep-blocker';
import { bindTaskbarProgress } from './window/taskbar-progress';

const PRODUCT_NAME = 'OSS Upload Manager';
/** Past this size the log moves to app.log.1: two files of 5 MB hold days of lines without filling a disk. */
const LOG_MAX_BYTES = 5 * 1024 * 1024;

// A separate data folder for tests and side-by-side profiles; set before anything reads userData (the log path below,
// the single-instance lock, the core). Electron's own `--user-data-dir` switch is not documented to move userData.
const userDataOverride = process.env.OSS_UPLOAD_MANAGER_USER_DATA;
if (userDataOverride !== undefined && userDataOverride !== '') app.setPath('userData', resolve(userDataOverride));

// Every renderer sandboxed, whatever a window's own preferences say (https://www.electronjs.org/docs/latest/tutorial/sandbox).
app.enableSandbox();

const location = resolveRendererLocation({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  mainDir: __dirname,
  join,
});
const isDev = location.kind === 'dev-server';
let mainWindow: BrowserWindow | undefined;
let core: AppCore<IpcSender> | undefined;
const currentWindow = (): BrowserWindow | undefined => (mainWindow === undefined || mainWindow.isDestroyed() ? undefined : mainWindow);

const logFile = createLogFile({
  path: join(app.getPath('userData'), 'logs', 'app.log'),
  maxBytes: LOG_MAX_BYTES,
  secrets: () => core?.knownSecrets() ?? [],
  onError: (error) => console.error(`Writing the log failed: ${error instanceof Error ? error.message : String(error)}`),
});

// Registered before anything can create a webContents, so none escapes the guards.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, { isAppPage: (url) => isAppPageUrl(url, location), log: (line) => logFile.warn(line) });
});

function openMainWindow(appCore: AppCore<IpcSender>, quitState: () => string): BrowserWindow {
  const window = createMainWindow({
    preloadPath: join(__dirname, '..', 'preload', 'index.js'),
    location,
    title: PRODUCT_NAME,
    // Packaged Linux builds take the icon from their .desktop entry; an unpackaged run uses the source icon.
    iconPath: process.platform === 'linux' && !app.isPackaged ? join(__dirname, '..', '..', 'build', 'icon.png') : undefined,
    log: (line) => logFile.error(line),
  });
  bindEventTarget(window.webContents, appCore);
  // Closing the last window quits on Windows and Linux; route it through the quit guard so uploads are asked about.
  window.on('close', (event) => {
    if (process.platform === 'darwin' || quitState() === 'done') return;
    event.preventDefault();
    app.quit();
  });
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, location.kind === 'dev-server' ? devContentSecurityPolicy(new URL(location.url).origin) : CONTENT_SECURITY_POLICY);
  const dataDir = app.getPath('userData');
  const secretStore = await SafeStorageSecretStore.open({ dataDir, safeStorage });
  const desktop = createElectronDesktopPort({ dialog, shell, clipboard, getWindow: currentWindow });
  const appCore = await createAppCore<IpcSender>({
    dataDir,
    secretStore,
    desktop,
    log: logFile,
    isTrustedSender: (frame) => isTrustedFrame(frame, currentWindow(), location),
    embeddedEmulator: true,
  });
  core = appCore;
  logFile.info(`Started ${PRODUCT_NAME} ${app.getVersion()}${appCore.emulatorUrl === undefined ? '' : `; local emulator at ${appCore.emulatorUrl}`}`);

  const unbindIpc = bindCommandChannel(ipcMain, appCore);
  const quitState = installQuitGuard({ app, dialog, core: appCore, getWindow: currentWindow, log: (line) => logFile.error(line) });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: PRODUCT_NAME,
        platform: process.platform,
        isDev,
        sendToPage: (command) => appCore.events.publish('app.menuCommand', { command }),
        openHelp: (url) => void desktop.openExternal(url).catch((error: unknown) => logFile.warn(`Opening help failed: ${String(error)}`)),
      }),
    ),
  );
  mainWindow = openMainWindow(appCore, quitState);
  bindTaskbarProgress(appCore, currentWindow);
  bindSleepBlocker(appCore, powerSaveBlocker);
  bindBatchNotifications(appCore, {
    isSupported: () => Notification.isSupported(),
    show: (text) => new Notification({ title: text.title, body: text.body }).show(),
  });

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one again.
    const window = currentWindow();
    if (window === undefined) mainWindow = openMainWindow(appCore, quitState);
    else focusWindow(window);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    unbindIpc();
    void logFile.flush();
  });
}

if (claimSingleInstance(app, () => {
  const window = currentWindow();
  if (window !== undefined) focusWindow(window);
})) {
  start().catch(async (error: unknown) => {
    logFile.error(`The app could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await logFile.flush();
    // The details (redacted) are in the log; the box only says where, so no raw error text reaches the screen.
    dialog.showErrorBox(PRODUCT_NAME, `The app could not start. Details are in ${logFile.path}`);
    app.exit(1);
  });
} else {
  // Another instance has the lock and has been told to come to the front.
  app.quit();
}
