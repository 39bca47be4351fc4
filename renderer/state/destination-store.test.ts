import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/models/account';
import { makeAccountView } from './test-accounts';
import { resolveDestination } from './destination-store';

function account(id: string, buckets: readonly string[]): AccountView {
  return makeAccountView({ id, name: id, buckets, isLocalEmulator: false });
}

describe('resolveDestination', () => {
  const accounts = [account('one', ['b1', 'b2']), account('two', ['c1'])];

  it('keeps a valid choice', () => {
    expect(resolveDestination(accounts, { accountId: 'one', bucket: 'b2', prefix: 'x/' })).toEqual({ accountId: 'one', bucket: 'b2', prefix: 'x/' });
  });

  it('falls back to the first account and bucket when the stored ones are gone', () => {
    expect(resolveDestination(accounts, { accountId: 'removed', bucket: 'b2', prefix: '' })).toEqual({ accountId: 'one', bucket: 'b2', prefix: '' });
    expect(resolveDestination(accounts, { accountId: 'two', bucket: 'b2', prefix: '' })).toEqual({ accountId: 'two', bucket: 'c1', prefix: '' });
  });

  it('has no destination without an account or a bucket', () => {
    expect(resolveDestination([], { accountId: undefined, bucket: undefined, prefix: '' })).toBeUndefined();
    expect(resolveDestination([account('empty', [])], { accountId: 'empty', bucket: undefined, prefix: '' })).toBeUndefined();
  });
});
