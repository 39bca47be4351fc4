// The accounts screen (issue 5 item 3, issue 6 item 5): the saved accounts, how secrets are stored, and the add/edit
// form. The list comes from the shared accounts store, which main keeps fresh with 'accounts.changed'.
import { useState } from 'react';
import type { AccountView } from '../../../shared/models/account';
import { getUploader } from '../../bridge/uploader';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n/i18n';
import { useAccountsStore } from '../../state/accounts-store';
import { reportFailure } from '../../state/notices-store';
import { AccountCard } from './account-card';
import { AccountForm } from './account-form';
import type { AccountFormMode } from './account-form-model';
import { accountMessages } from './messages';
import { SecretStorageNotice, useSecretStorage } from './secret-storage-notice';
import './accounts.css';

/** The accounts screen. */
export function AccountsView() {
  const t = useT(accountMessages);
  const [api] = useState(getUploader);
  const accounts = useAccountsStore((state) => state.accounts);
  const loaded = useAccountsStore((state) => state.loaded);
  const storage = useSecretStorage(api);
  const [form, setForm] = useState<AccountFormMode | undefined>(undefined);
  const [removing, setRemoving] = useState<AccountView | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const remove = async (account: AccountView) => {
    setBusy(true);
    const result = await api.accounts.remove({ accountId: account.id });
    setBusy(false);
    setRemoving(undefined);
    if (!result.ok) reportFailure('accounts.remove', result.error, account.name);
    if (form?.kind === 'edit' && form.account.id === account.id) setForm(undefined);
  };

  return (
    <div className="screen screen-scroll accounts-screen">
      <div className="accounts-head">
        <div>
          <h1 className="accounts-title">{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <Button label={t('addAccount')} tone="primary" disabled={form?.kind === 'add'} onClick={() => setForm({ kind: 'add' })} />
      </div>
      <SecretStorageNotice status={storage} />
      {form === undefined ? null : (
        <AccountForm key={form.kind === 'edit' ? form.account.id : 'add'} api={api} mode={form} onDone={() => setForm(undefined)} />
      )}
      {loaded && accounts.length === 0 && form === undefined ? (
        // No second "Add account" button here: the one in the header is the action (one control per name).
        <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
      ) : (
        <ul className="account-list" aria-label={t('listLabel')}>
          {accounts.map((account) => (
            <AccountCard key={account.id} api={api} account={account} onEdit={(chosen) => setForm({ kind: 'edit', account: chosen })} onRemove={setRemoving} />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={t('confirmRemoveTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('removeAccount')}
        destructive
        busy={busy}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          if (removing !== undefined) void remove(removing);
        }}
      >
        <p>{t('confirmRemoveBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
