// Guards for every webContents the app creates (issue 5 item 2): no navigation away from the app's page, no new
// windows, no <webview>. Applied from app.on('web-contents-created'), so a webContents nobody expected (a devtools
// window, a future dialog) gets them too. Links the app shows go through desktop.openHelp / desktop.copyLink, where
// main builds the https URL itself; a page that tries window.open or a plain link gets nothing.
import type { WebContents } from 'electron';

/** The parts of a WebContents this file uses (a mocked one in tests). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applies the guards to `contents`; `isAppPage` says whether a URL is the app's own page (renderer-location.ts). */
export function hardenWebContents(
  contents: HardenableContents,
  options: { readonly isAppPage: (url: string) => boolean; readonly log: (line: string) => void },
): void {
  const refuse = (kind: string, url: string): void => options.log(`Blocked ${kind} to ${url.slice(0, 200)}`);
  contents.on('will-navigate', (event, url) => {
    if (options.isAppPage(url)) return;
    event.preventDefault();
    refuse('navigation', url);
  });
  contents.on('will-redirect', (event, url) => {
    if (options.isAppPage(url)) return;
    event.preventDefault();
    refuse('redirect', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('a <webview>', '(webview)');
  });
  contents.setWindowOpenHandler(({ url }) => {
    refuse('a new window', url);
    return { action: 'deny' };
  });
}
