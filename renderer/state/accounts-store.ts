// The account list as the renderer may see it (masked key ids, no secrets), replaced whole by 'accounts.changed':
// the list is short, so main sends all of it after any change (shared/ipc/contract.ts Events).
import { create } from 'zustand';
import type { AccountView } from '../../shared/models/account';
import { getUploader } from '../bridge/uploader';
import { reportFailure } from './notices-store';

/** What the accounts store holds and does. */
export interface AccountsState {
  readonly accounts: readonly AccountView[];
  /** False until the first accounts.list answer (so screens can tell "loading" from "no account"). */
  readonly loaded: boolean;
  /** Fetches the list and starts following 'accounts.changed' (idempotent). */
  load(): Promise<void>;
}

let unsubscribe: (() => void) | undefined;

/** The accounts store. */
export const useAccountsStore = create<AccountsState>()((set) => ({
  accounts: [],
  loaded: false,
  async load() {
    const uploader = getUploader();
    unsubscribe ??= uploader.on('accounts.changed', (accounts) => set({ accounts, loaded: true }));
    const result = await uploader.accounts.list();
    if (result.ok) set({ accounts: result.value, loaded: true });
    else reportFailure('accounts.list', result.error);
  },
}));

/** Stops following events (tests, hot reload). */
export function stopAccountsSync(): void {
  unsubscribe?.();
  unsubscribe = undefined;
}
