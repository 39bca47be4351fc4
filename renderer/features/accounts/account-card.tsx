// One saved account: what it points at (never a secret: the key id arrives masked), and Edit, Test connection, Remove.
// The card is a listitem named after the account, so tests and screen readers find its buttons inside it.
import { useState } from 'react';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { WireError } from '../../../shared/ipc/result';
import type { AccountView, ConnectionTestResult } from '../../../shared/models/account';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n/i18n';
import { ConnectionTestReport } from './connection-test-report';
import { accountMessages } from './messages';

/** Props of AccountCard. */
export interface AccountCardProps {
  readonly api: Pick<BridgeApi, 'accounts'>;
  readonly account: AccountView;
  readonly onEdit: (account: AccountView) => void;
  readonly onRemove: (account: AccountView) => void;
}

type TestState = { readonly state: 'idle' | 'running' } | { readonly state: 'done'; readonly result: ConnectionTestResult } | { readonly state: 'error'; readonly error: WireError };

/** A saved account and its actions. */
export function AccountCard({ api, account, onEdit, onRemove }: AccountCardProps) {
  const t = useT(accountMessages);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const runTest = async () => {
    setTest({ state: 'running' });
    const result = await api.accounts.test({ accountId: account.id });
    setTest(result.ok ? { state: 'done', result: result.value } : { state: 'error', error: result.error });
  };
  return (
    <li className="account-card" aria-label={account.name}>
      <div className="account-card-head">
        <h3 className="account-name">{account.name}</h3>
        {account.isLocalEmulator ? <StatusBadge label={t('localEmulator')} tone="info" /> : null}
        <span className="toolbar-spacer" />
        <div className="account-card-actions" role="group" aria-label={t('accountActions', { name: account.name })}>
          <Button label={t('edit')} onClick={() => onEdit(account)} />
          <Button label={t('testConnection')} disabled={test.state === 'running'} onClick={() => void runTest()}>
            {test.state === 'running' ? t('testing') : undefined}
          </Button>
          <Button label={t('remove')} tone="danger" onClick={() => onRemove(account)} />
        </div>
      </div>
      <dl className="account-fields">
        <dt>{t('endpoint')}</dt>
        <dd className="selectable">{account.endpoint}</dd>
        <dt>{t('region')}</dt>
        <dd>{account.region}</dd>
        <dt>{t('buckets')}</dt>
        <dd>{account.buckets.join(', ')}</dd>
        <dt>{t('keyId')}</dt>
        <dd>
          <code className="mono">{account.maskedAccessKeyId}</code>
          {account.hasSecurityToken ? <span className="muted"> · {t('stsToken')}: {t('stsTokenSaved')}</span> : null}
        </dd>
        <dt>{t('signature')}</dt>
        <dd>
          {account.signatureVersion.toUpperCase()} ·{' '}
          {account.addressing === 'virtual-hosted' ? t('addressingVirtual') : account.addressing === 'path-style' ? t('addressingPath') : t('addressingCname')}
        </dd>
      </dl>
      {test.state === 'done' ? <ConnectionTestReport result={test.result} /> : null}
      {test.state === 'error' ? <ErrorMessage error={test.error} title={t('testFailedToRun')} /> : null}
    </li>
  );
}
