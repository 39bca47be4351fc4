// Every command that names an account's bucket checks that the bucket is one the user configured for that account,
// so a renderer cannot point the account's credentials at a bucket of its choosing.
import { AppError } from '../../../shared/ipc/app-error';
import type { AccountView } from '../../../shared/models/account';
import type { AccountService } from '../../accounts/account-service';

/** The account, when `bucket` is in its bucket list; throws AppError AccountNotFound or BucketNotInAccount. */
export function requireBucket(accounts: AccountService, accountId: string, bucket: string): AccountView {
  const account = accounts.get(accountId);
  if (!account.buckets.includes(bucket)) {
    throw new AppError({
      code: 'BucketNotInAccount',
      message: `The bucket ${bucket} is not one of the buckets of the account “${account.name}”.`,
      retryable: false,
      advice: 'Add the bucket to the account first.',
    });
  }
  return account;
}
