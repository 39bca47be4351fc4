// "Resume with local file…" (issue 4 item 5, issue 6 item 4): pick the file, start incomplete.resumeFromServer under a
// fresh operation id, follow 'incomplete.resumeProgress', and keep the answer (completed, refused or not verified).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BucketRef } from '../../../shared/ipc/command-payloads';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { WireError } from '../../../shared/ipc/result';
import type { ResumeRemoteProgress, ResumeRemoteResult, UploadSelection } from '../../../shared/models/remote-upload';

/** The upload being resumed. */
export type ResumeTarget = BucketRef & UploadSelection;

/** Where the resume is. */
export type ResumePhase =
  | { readonly phase: 'idle' }
  | { readonly phase: 'picking'; readonly target: ResumeTarget }
  | {
      readonly phase: 'running';
      readonly target: ResumeTarget;
      readonly operationId: string;
      readonly progress: ResumeRemoteProgress | undefined;
      readonly canceling: boolean;
    }
  | { readonly phase: 'finished'; readonly target: ResumeTarget; readonly result: ResumeRemoteResult }
  | { readonly phase: 'error'; readonly target: ResumeTarget; readonly error: WireError };

/** The resume store. */
export interface ResumeStore {
  readonly state: ResumePhase;
  /** Asks for the local file, then resumes; a canceled dialog changes nothing. */
  start(target: ResumeTarget): Promise<void>;
  /** Asks main to stop the resume. */
  cancel(): Promise<void>;
  /** Closes a finished or failed resume. */
  dismiss(): void;
}

/** What the store needs from the outside. */
export interface ResumeStoreDeps {
  readonly api: Pick<BridgeApi, 'incomplete' | 'desktop' | 'on'>;
  readonly newOperationId: () => string;
  /** Told when the upload no longer exists (it was completed). */
  readonly onCompleted: (upload: UploadSelection) => void;
}

/** Builds the resume store; it listens to progress events for as long as it lives. */
export function createResumeStore(deps: ResumeStoreDeps): StoreApi<ResumeStore> & { dispose(): void } {
  const store = createStore<ResumeStore>()((set, get) => ({
    state: { phase: 'idle' },

    async start(target) {
      const busy = get().state.phase;
      if (busy === 'picking' || busy === 'running') return;
      set({ state: { phase: 'picking', target } });
      const picked = await deps.api.desktop.pickFiles({ multiple: false });
      if (!picked.ok) return set({ state: { phase: 'error', target, error: picked.error } });
      const localPath = picked.value.paths[0];
      if (localPath === undefined) return set({ state: { phase: 'idle' } });
      const operationId = deps.newOperationId();
      set({ state: { phase: 'running', target, operationId, progress: undefined, canceling: false } });
      const result = await deps.api.incomplete.resumeFromServer({ ...target, operationId, localPath });
      const current = get().state;
      if (current.phase !== 'running' || current.operationId !== operationId) return;
      if (!result.ok) return set({ state: { phase: 'error', target, error: result.error } });
      if (result.value.outcome === 'completed') deps.onCompleted(target);
      set({ state: { phase: 'finished', target, result: result.value } });
    },

    async cancel() {
      const current = get().state;
      if (current.phase !== 'running' || current.canceling) return;
      set({ state: { ...current, canceling: true } });
      await deps.api.incomplete.cancelResume({ operationId: current.operationId });
    },

    dismiss() {
      const phase = get().state.phase;
      if (phase === 'finished' || phase === 'error') set({ state: { phase: 'idle' } });
    },
  }));

  const unsubscribe = deps.api.on('incomplete.resumeProgress', (event) => {
    const current = store.getState().state;
    if (current.phase !== 'running' || current.operationId !== event.operationId) return;
    store.setState({ state: { ...current, progress: event.progress } });
  });

  return Object.assign(store, { dispose: unsubscribe });
}
