// Where new uploads go: the account, bucket and prefix chosen in the destination bar. Kept in localStorage so the
// app opens where the user left it; checked against the live account list by useResolvedDestination, because an
// account or bucket may have been removed since.
import { useMemo } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { UploadDestination } from '../../shared/ipc/command-payloads';
import type { AccountView } from '../../shared/models/account';
import { useAccountsStore } from './accounts-store';

/** The chosen destination (possibly stale) and its setters. */
export interface DestinationState {
  readonly accountId: string | undefined;
  readonly bucket: string | undefined;
  /** Key prefix; '' is the bucket's root. */
  readonly prefix: string;
  /** Picks an account; the bucket falls back to the account's first. */
  setAccount(accountId: string): void;
  setBucket(bucket: string): void;
  setPrefix(prefix: string): void;
}

/** The destination store (persisted under `oss-upload-manager.destination`). */
export const useDestinationStore = create<DestinationState>()(
  persist(
    (set) => ({
      accountId: undefined,
      bucket: undefined,
      prefix: '',
      setAccount(accountId) {
        set({ accountId, bucket: undefined });
      },
      setBucket(bucket) {
        set({ bucket });
      },
      setPrefix(prefix) {
        set({ prefix });
      },
    }),
    {
      name: 'oss-upload-manager.destination',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ accountId: state.accountId, bucket: state.bucket, prefix: state.prefix }),
    },
  ),
);

/** The stored choice made valid against the accounts: a missing account or bucket falls back to the first one. */
export function resolveDestination(
  accounts: readonly AccountView[],
  choice: { readonly accountId: string | undefined; readonly bucket: string | undefined; readonly prefix: string },
): UploadDestination | undefined {
  const account = accounts.find((candidate) => candidate.id === choice.accountId) ?? accounts[0];
  if (account === undefined) return undefined;
  const bucket = choice.bucket !== undefined && account.buckets.includes(choice.bucket) ? choice.bucket : account.buckets[0];
  if (bucket === undefined) return undefined;
  return { accountId: account.id, bucket, prefix: choice.prefix };
}

/** The destination new uploads would go to right now, or undefined when there is no account with a bucket. */
export function useResolvedDestination(): UploadDestination | undefined {
  const accounts = useAccountsStore((state) => state.accounts);
  const accountId = useDestinationStore((state) => state.accountId);
  const bucket = useDestinationStore((state) => state.bucket);
  const prefix = useDestinationStore((state) => state.prefix);
  // Memoized so the object keeps its identity between renders (safe in effect and callback dependencies).
  return useMemo(() => resolveDestination(accounts, { accountId, bucket, prefix }), [accounts, accountId, bucket, prefix]);
}
