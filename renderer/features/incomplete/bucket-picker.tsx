// Account and bucket selects of the incomplete-uploads browser. Choosing an account opens its first bucket.
import { useId } from 'react';
import type { AccountView } from '../../../shared/models/account';
import { useT } from '../../i18n/i18n';
import { incompleteMessages } from './messages';

/** Props of BucketPicker. */
export interface BucketPickerProps {
  readonly accounts: readonly AccountView[];
  readonly accountId: string;
  readonly bucket: string;
  readonly onChange: (accountId: string, bucket: string) => void;
}

/** Two selects: account, then one of its buckets. */
export function BucketPicker({ accounts, accountId, bucket, onChange }: BucketPickerProps) {
  const t = useT(incompleteMessages);
  const accountSelect = useId();
  const bucketSelect = useId();
  const account = accounts.find((candidate) => candidate.id === accountId);
  return (
    <div className="incomplete-picker">
      <label htmlFor={accountSelect} className="field-label">
        {t('account')}
      </label>
      <select
        id={accountSelect}
        className="select"
        value={accountId}
        onChange={(event) => {
          const next = accounts.find((candidate) => candidate.id === event.target.value);
          if (next !== undefined) onChange(next.id, next.buckets[0] ?? '');
        }}
      >
        {accounts.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      <label htmlFor={bucketSelect} className="field-label">
        {t('bucket')}
      </label>
      <select id={bucketSelect} className="select" value={bucket} onChange={(event) => onChange(accountId, event.target.value)}>
        {(account?.buckets ?? []).map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
