// An account as main keeps it: everything but the secret and token, which live in a SecretStore. `hasSecret` and
// `hasSecurityToken` say whether the store holds them, so a view never has to ask the store.
import type { AccountView } from '../../shared/models/account';
import type { AddressingStyle } from '../oss/oss-types';
import type { SignatureVersion } from '../oss/signing/signable-request';

/** A saved account (persisted by AccountStore as JSON; no secret in it). */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly region: string;
  readonly buckets: readonly string[];
  readonly signatureVersion: SignatureVersion;
  readonly addressing: AddressingStyle;
  /** Not a secret (it appears in every signed request), but shown masked all the same. */
  readonly accessKeyId: string;
  readonly hasSecret: boolean;
  readonly hasSecurityToken: boolean;
  readonly isLocalEmulator: boolean;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/**
 * `LTAI5tAbCdEfGhIjKlMn` → `LTAI****KlMn`: at most a quarter of the id (and never more than 4 characters) at each
 * end, so a short id is not shown half in the clear; ids under 4 characters show nothing.
 */
export function maskAccessKeyId(accessKeyId: string): string {
  const shown = Math.min(4, Math.floor(accessKeyId.length / 4));
  if (shown === 0) return '****';
  return `${accessKeyId.slice(0, shown)}****${accessKeyId.slice(-shown)}`;
}

/** The renderer's view of an account: masked key id, no secret, no token. */
export function toAccountView(account: Account): AccountView {
  return {
    id: account.id,
    name: account.name,
    endpoint: account.endpoint,
    region: account.region,
    buckets: [...account.buckets],
    signatureVersion: account.signatureVersion,
    addressing: account.addressing,
    maskedAccessKeyId: maskAccessKeyId(account.accessKeyId),
    hasSecret: account.hasSecret,
    hasSecurityToken: account.hasSecurityToken,
    isLocalEmulator: account.isLocalEmulator,
  };
}
