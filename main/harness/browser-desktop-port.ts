// The harness's DesktopPort (main/app/app-core-types.ts). A browser page has no native dialogs, file manager or
// system clipboard that main could drive: the bridge picks files in the page itself (web-bridge/pick-files.ts) and
// copies links with navigator.clipboard, so the core's side of those actions only logs, remembers, or refuses.
import { AppError } from '../../shared/ipc/app-error';
import type { AppLog, DesktopPort } from '../app/app-core-types';

/** The harness's DesktopPort, plus what tests and the e2e specs can read back. */
export interface BrowserDesktopPort extends DesktopPort {
  /** The last text the core copied (a link from desktop.copyLink), or undefined. */
  lastCopiedText(): string | undefined;
  /** Every URL the core asked to open, oldest first. */
  openedUrls(): readonly string[];
}

function notSupported(what: string): AppError {
  return new AppError({
    code: 'NotSupportedInBrowser',
    message: `${what} is not available in the browser harness.`,
    retryable: false,
    advice: 'Use the desktop app for this, or the browser’s own file picker in the harness.',
  });
}

/** Builds the harness's DesktopPort. */
export function createBrowserDesktopPort(log: AppLog): BrowserDesktopPort {
  let copied: string | undefined;
  const opened: string[] = [];
  return {
    // The bridge answers desktop.pickFiles / pickFolder in the page; reaching these means a page bypassed it.
    pickFiles: () => Promise.reject(notSupported('A native file dialog')),
    pickFolder: () => Promise.reject(notSupported('A native folder dialog')),
    revealFile(localPath) {
      log.info(`Show in folder requested for ${localPath} (not possible from a browser page)`);
      return Promise.reject(notSupported('“Show in folder”'));
    },
    copyText(text) {
      copied = text;
      log.info('Copied a link (the page also copies it with navigator.clipboard)');
      return Promise.resolve();
    },
    openExternal(url) {
      opened.push(url);
      log.info(`Open in the default browser: ${url}`);
      return Promise.resolve();
    },
    lastCopiedText: () => copied,
    openedUrls: () => opened,
  };
}
