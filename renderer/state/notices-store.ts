// Failed commands the user has to know about. Every failed Result that a screen does not show in place is pushed
// here and shown by components/notice-area.tsx until dismissed: a failure is never swallowed (issue 6 item 2).
import { create } from 'zustand';
import type { CommandName } from '../../shared/ipc/contract';
import type { Result, WireError } from '../../shared/ipc/result';

/** One failure notice. */
export interface Notice {
  readonly id: number;
  /** The command that failed; the notice area turns it into a sentence. */
  readonly command: CommandName | undefined;
  /** What it was about (a file name, an account name), shown after the sentence. */
  readonly subject: string | undefined;
  readonly error: WireError;
}

/** What the notices store holds and does. */
export interface NoticesState {
  /** Oldest first. */
  readonly notices: readonly Notice[];
  push(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
  clear(): void;
}

// Enough to show a burst (e.g. "Pause all" failing per job) without the list growing without bound.
const MAX_NOTICES = 20;
let nextId = 1;

/** The notices store. */
export const useNoticesStore = create<NoticesState>()((set) => ({
  notices: [],
  push(notice) {
    const id = nextId++;
    set((state) => ({ notices: [...state.notices, { ...notice, id }].slice(-MAX_NOTICES) }));
  },
  dismiss(id) {
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
  },
  clear() {
    set({ notices: [] });
  },
}));

/** Shows a failure in the notice area. */
export function reportFailure(command: CommandName | undefined, error: WireError, subject?: string): void {
  useNoticesStore.getState().push({ command, subject, error });
}

/**
 * Awaits a command and returns its value, or reports the failure and returns undefined. For commands whose
 * failure has no better place on screen than the notice area.
 */
export async function runCommand<T>(command: CommandName, call: Promise<Result<T>>, subject?: string): Promise<T | undefined> {
  const result = await call;
  if (result.ok) return result.value;
  reportFailure(command, result.error, subject);
  return undefined;
}
