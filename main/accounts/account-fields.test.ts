import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/ipc/app-error';
import { checkConnectionFields, endpointMoved, secretsOf } from './account-fields';

describe('endpointMoved', () => {
  const from = 'https://oss-cn-hangzhou.aliyuncs.com';
  it.each([
    ['oss-cn-hangzhou.aliyuncs.com', false],
    ['https://OSS-cn-hangzhou.aliyuncs.com:443/', false],
    ['http://oss-cn-hangzhou.aliyuncs.com', true],
    ['https://oss-cn-hangzhou.aliyuncs.com:8443', true],
    ['https://oss-cn-shanghai.aliyuncs.com', true],
    ['ftp://elsewhere', false], // unparsable: nothing can be sent there
  ])('%s → %s', (to, moved) => {
    expect(endpointMoved(from, to)).toBe(moved);
  });
});

describe('checkConnectionFields', () => {
  it('accepts a usable account and refuses what the client could not use', () => {
    expect(() => checkConnectionFields({ endpoint: 'http://127.0.0.1:9000', addressing: 'path-style', buckets: ['b-1'] })).not.toThrow();
    for (const fields of [
      { endpoint: 'https://x.example/path', addressing: 'cname', buckets: ['b-1'] },
      { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', addressing: 'virtual-hosted', buckets: ['-bad'] },
    ] as const) {
      let thrown: unknown;
      try {
        checkConnectionFields(fields);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown) && thrown.code).toBe('InvalidAccount');
    }
  });
});

describe('secretsOf', () => {
  it('leaves out an absent token', () => {
    expect(secretsOf({ accessKeySecret: 's' })).toEqual({ accessKeySecret: 's' });
    expect(Object.keys(secretsOf({ accessKeySecret: 's', securityToken: undefined }))).toEqual(['accessKeySecret']);
    expect(secretsOf({ accessKeySecret: 's', securityToken: 't' })).toEqual({ accessKeySecret: 's', securityToken: 't' });
  });
});
