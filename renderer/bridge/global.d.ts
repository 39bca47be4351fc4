// `window.uploader` is installed before the page's script runs: by the preload's contextBridge in Electron, by the
// harness's bridge script in the browser (issue 5 item 6). It is the renderer's only way out.
import type { BridgeApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The typed command and event bridge to main; possibly absent when the page is opened outside the app. */
    readonly uploader: BridgeApi;
  }
}

export {};
