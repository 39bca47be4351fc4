// The three stores of the incomplete-uploads screen, made once per app (not per visit of the screen) so a bulk abort
// or a resume keeps reporting while the user looks at another screen. Tests provide their own through the context.
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { BridgeApi } from '../../../shared/ipc/contract';
import { getUploader } from '../../bridge/uploader';
import { createBulkAbortStore, type BulkAbortStore } from './bulk-abort-store';
import { createIncompleteStore, type IncompleteStore } from './incomplete-store';
import { createResumeStore, type ResumeStore } from './resume-store';

/** The browser, bulk-abort and resume stores, wired together. */
export interface IncompleteStores {
  /** The bridge the stores talk to (panels without a store of their own use it too). */
  readonly api: BridgeApi;
  readonly browser: StoreApi<IncompleteStore>;
  readonly bulk: StoreApi<BulkAbortStore>;
  readonly resume: StoreApi<ResumeStore>;
  /** Stops listening to events. */
  dispose(): void;
}

/** Builds the screen's stores over a bridge. */
export function createIncompleteStores(api: BridgeApi, newOperationId: () => string): IncompleteStores {
  const browser = createIncompleteStore({ api });
  const removeRows = browser.getState().removeRows;
  const bulk = createBulkAbortStore({ api, newOperationId, onRemoved: removeRows });
  const resume = createResumeStore({ api, newOperationId, onCompleted: (upload) => removeRows([upload]) });
  return {
    api,
    browser,
    bulk,
    resume,
    dispose() {
      bulk.dispose();
      resume.dispose();
    },
  };
}

let appStores: IncompleteStores | undefined;

/** Lets a test (or a story) hand the screen stores built over a fake bridge. */
export const IncompleteStoresContext = createContext<IncompleteStores | undefined>(undefined);

/** The stores of the screen: the context's, or the app's own, made on first use over window.uploader. */
export function useIncompleteStores(): IncompleteStores {
  const provided = useContext(IncompleteStoresContext);
  if (provided !== undefined) return provided;
  appStores ??= createIncompleteStores(getUploader(), () => crypto.randomUUID());
  return appStores;
}
