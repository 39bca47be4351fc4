// The single accessor for `window.uploader`. Components and stores call getUploader() instead of touching `window`,
// so a missing bridge (the page opened directly in a browser, a broken preload) fails in one place, with one message.
import type { BridgeApi } from '../../shared/ipc/contract';

/** Thrown when the page runs without a bridge; main.tsx catches it and shows a full-page explanation. */
export class BridgeMissingError extends Error {
  constructor() {
    super('window.uploader is missing: open this page from OSS Upload Manager or its browser harness (npm run dev:web).');
    this.name = 'BridgeMissingError';
  }
}

/** True when the page has a bridge; main.tsx checks it before rendering the app. */
export function hasUploader(): boolean {
  return typeof window !== 'undefined' && typeof (window as { uploader?: unknown }).uploader === 'object';
}

/** The bridge to main; throws BridgeMissingError when the page was not opened by the app or the harness. */
export function getUploader(): BridgeApi {
  if (!hasUploader()) throw new BridgeMissingError();
  return window.uploader;
}
