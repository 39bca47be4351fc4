// Says where secrets go before the user types one (issue 5 item 3): quiet when the OS keyring encrypts them, a
// warning when they would be stored in plain text or cannot be stored at all.
import { useEffect, useState } from 'react';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { SecretStorageKind, SecretStorageStatus } from '../../../shared/models/account';
import { useT } from '../../i18n/i18n';
import { accountMessages, type AccountMessageKey } from './messages';

const KIND_MESSAGE: Readonly<Record<SecretStorageKind, AccountMessageKey>> = {
  'os-encrypted': 'storageEncrypted',
  'plaintext-consented': 'storagePlaintextConsented',
  'plaintext-file': 'storagePlaintextFile',
  unavailable: 'storageUnavailable',
};

/** Asks main how secrets are stored; undefined until it answers, 'failed' when it could not. */
export function useSecretStorage(api: Pick<BridgeApi, 'accounts'>): SecretStorageStatus | 'failed' | undefined {
  const [status, setStatus] = useState<SecretStorageStatus | 'failed' | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void api.accounts.secretStorage().then((result) => {
      if (current) setStatus(result.ok ? result.value : 'failed');
    });
    return () => {
      current = false;
    };
  }, [api]);
  return status;
}

/** Props of SecretStorageNotice. */
export interface SecretStorageNoticeProps {
  readonly status: SecretStorageStatus | 'failed' | undefined;
}

/** One line about secret storage, styled as a warning unless the keyring encrypts. */
export function SecretStorageNotice({ status }: SecretStorageNoticeProps) {
  const t = useT(accountMessages);
  if (status === undefined) return null;
  if (status === 'failed') return <p className="account-storage account-storage-warn">{t('storageUnknown')}</p>;
  const warn = status.plaintext || !status.canStore;
  return (
    <p className={warn ? 'account-storage account-storage-warn' : 'account-storage'} role={warn ? 'alert' : undefined}>
      {/* Our own sentence per kind, in the UI language; main's `message` is English and says the same. */}
      {t(KIND_MESSAGE[status.kind])}
    </p>
  );
}
