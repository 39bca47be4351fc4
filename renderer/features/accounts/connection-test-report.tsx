// The report of "Test connection": one line per check with its status, code, request id and advice (main maps
// failures to advice: wrong key, wrong region or endpoint, no such bucket, clock skew, no list permission).
import type { ConnectionCheck, ConnectionCheckStatus, ConnectionTestResult } from '../../../shared/models/account';
import { StatusBadge, type BadgeTone } from '../../components/status-badge';
import { useT, type Translate } from '../../i18n/i18n';
import { accountMessages, type AccountMessageKey } from './messages';

const STATUS: Readonly<Record<ConnectionCheckStatus, { readonly key: AccountMessageKey; readonly tone: BadgeTone }>> = {
  passed: { key: 'statusPassed', tone: 'success' },
  warning: { key: 'statusWarning', tone: 'warning' },
  failed: { key: 'statusFailed', tone: 'danger' },
  skipped: { key: 'statusSkipped', tone: 'neutral' },
};

function checkLabel(t: Translate<AccountMessageKey>, check: ConnectionCheck): string {
  const bucket = check.bucket ?? '';
  switch (check.name) {
    case 'endpoint':
      return t('checkEndpoint');
    case 'credentials':
      return t('checkCredentials');
    case 'clock':
      return t('checkClock');
    case 'bucket':
      return t('checkBucket', { bucket });
    case 'listUploads':
      return t('checkListUploads', { bucket });
  }
}

/** Props of ConnectionTestReport. */
export interface ConnectionTestReportProps {
  readonly result: ConnectionTestResult;
}

/** The checks of a connection test. */
export function ConnectionTestReport({ result }: ConnectionTestReportProps) {
  const t = useT(accountMessages);
  return (
    <section className="account-test" aria-label={t('testTitle')}>
      <p role="status" className={result.ok ? 'account-test-ok' : 'account-test-failed'}>
        {result.ok ? t('testPassed') : t('testFailed')}
      </p>
      <ul className="account-checks">
        {result.checks.map((check, index) => {
          const status = STATUS[check.status];
          return (
            <li key={`${check.name}-${check.bucket ?? ''}-${index}`} className="account-check">
              <StatusBadge label={t(status.key)} tone={status.tone} />
              <span className="account-check-name">{checkLabel(t, check)}</span>
              {check.code === undefined ? null : <code className="mono">{t('code', { code: check.code })}</code>}
              {check.requestId === undefined ? null : <code className="mono selectable">{t('requestId', { id: check.requestId })}</code>}
              {check.advice === undefined ? null : <span className="account-check-advice">{check.advice}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
