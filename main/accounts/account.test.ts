import { describe, expect, it } from 'vitest';
import { maskAccessKeyId, toAccountView, type Account } from './account';

describe('maskAccessKeyId', () => {
  it.each([
    ['LTAI5tAbCdEfGhIjKlMnabcd', 'LTAI****abcd'],
    ['STS.NUgYrLnoC37mZZCNnAbCd', 'STS.****AbCd'],
    ['test-key', 'te****ey'],
    ['abcdefghijk', 'ab****jk'],
    ['abcd', 'a****d'],
    ['abc', '****'],
    ['', '****'],
  ])('%s → %s', (id, masked) => {
    expect(maskAccessKeyId(id)).toBe(masked);
  });
});

describe('toAccountView', () => {
  it('masks the key id and carries no secret-bearing field', () => {
    const account: Account = {
      id: 'a1',
      name: 'Work',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      buckets: ['b1'],
      signatureVersion: 'v4',
      addressing: 'virtual-hosted',
      accessKeyId: 'LTAI5tAbCdEfGhIjKlMnabcd',
      hasSecret: true,
      hasSecurityToken: true,
      isLocalEmulator: false,
      createdAtMs: 1,
      updatedAtMs: 2,
    };
    const view = toAccountView(account);
    expect(view).toEqual({
      id: 'a1',
      name: 'Work',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      buckets: ['b1'],
      signatureVersion: 'v4',
      addressing: 'virtual-hosted',
      maskedAccessKeyId: 'LTAI****abcd',
      hasSecret: true,
      hasSecurityToken: true,
      isLocalEmulator: false,
    });
    expect(JSON.stringify(view)).not.toContain('LTAI5tAbCdEfGhIjKlMnabcd');
  });
});
