// Where the app's one page comes from, and whether a URL is that page. Navigation guards and the IPC sender check
// both ask this one question, so they cannot disagree about what "the app's own page" is (issue 5 item 2).
import { pathToFileURL } from 'node:url';

/** The built page on disk (production), or the electron-vite dev server (development only). */
export type RendererLocation =
  | { readonly kind: 'file'; readonly filePath: string }
  | { readonly kind: 'dev-server'; readonly url: string };

/** The URL the window loads for `location`. */
export function rendererUrlOf(location: RendererLocation): string {
  return location.kind === 'file' ? pathToFileURL(location.filePath).href : location.url;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True when `url` is the app's page: for a file, the same `file:` path (any query or fragment; the renderer may use a
 * hash for its own routing); for the dev server, the same origin. Anything unparsable is not the app's page.
 */
export function isAppPageUrl(url: string, location: RendererLocation): boolean {
  const candidate = parse(url);
  const app = parse(rendererUrlOf(location));
  if (candidate === undefined || app === undefined) return false;
  if (location.kind === 'file') {
    return candidate.protocol === 'file:' && candidate.host === app.host && candidate.pathname === app.pathname;
  }
  // `origin` of an http(s) URL is scheme + host + port; Vite serves the page and its modules from that one origin.
  return (candidate.protocol === 'http:' || candidate.protocol === 'https:') && candidate.origin === app.origin;
}

/**
 * Where the renderer is: the dev server only when electron-vite's `dev` command set ELECTRON_RENDERER_URL and the app
 * is not packaged (a packaged app never trusts that variable), otherwise `<out>/renderer/index.html` next to main.
 */
export function resolveRendererLocation(options: {
  readonly isPackaged: boolean;
  readonly devServerUrl: string | undefined;
  readonly mainDir: string;
  readonly join: (...segments: string[]) => string;
}): RendererLocation {
  if (!options.isPackaged && options.devServerUrl !== undefined && /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(options.devServerUrl)) {
    return { kind: 'dev-server', url: options.devServerUrl };
  }
  return { kind: 'file', filePath: options.join(options.mainDir, '..', 'renderer', 'index.html') };
}
