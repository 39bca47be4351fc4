// Where new uploads go: account, bucket (from that account's list) and key prefix, with a one-line summary of the
// resulting oss:// location (issue 6 item 2). The choice is kept by state/destination-store.ts.
import type { UploadDestination } from '../../../shared/ipc/command-payloads';
import { useT } from '../../i18n/i18n';
import { useAccountsStore } from '../../state/accounts-store';
import { useDestinationStore } from '../../state/destination-store';
import { uploadsMessages } from './messages';

/** Props of DestinationBar. */
export interface DestinationBarProps {
  /** The resolved destination (the stored choice made valid), shown in the summary. */
  readonly destination: UploadDestination;
}

/** The destination bar. */
export function DestinationBar({ destination }: DestinationBarProps) {
  const t = useT(uploadsMessages);
  const accounts = useAccountsStore((state) => state.accounts);
  const setAccount = useDestinationStore((state) => state.setAccount);
  const setBucket = useDestinationStore((state) => state.setBucket);
  const prefix = useDestinationStore((state) => state.prefix);
  const setPrefix = useDestinationStore((state) => state.setPrefix);
  const buckets = accounts.find((account) => account.id === destination.accountId)?.buckets ?? [];

  return (
    <section className="destination-bar" aria-label={t('destination')}>
      <label className="destination-field">
        <span className="field-label">{t('account')}</span>
        <select className="select" value={destination.accountId} onChange={(event) => setAccount(event.target.value)}>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
      </label>
      <label className="destination-field">
        <span className="field-label">{t('bucket')}</span>
        <select className="select" value={destination.bucket} onChange={(event) => setBucket(event.target.value)}>
          {buckets.map((bucket) => (
            <option key={bucket} value={bucket}>
              {bucket}
            </option>
          ))}
        </select>
      </label>
      <label className="destination-field destination-prefix">
        <span className="field-label">{t('prefix')}</span>
        <input
          className="input mono"
          value={prefix}
          placeholder={t('prefixPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setPrefix(event.target.value)}
        />
      </label>
      <p className="destination-summary mono" aria-live="polite">
        {t('destinationSummary', { bucket: destination.bucket, prefix: destination.prefix })}
      </p>
    </section>
  );
}
