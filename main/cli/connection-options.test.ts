import { describe, expect, it } from 'vitest';
import { endpointSettingsFromFlags, parseSignatureVersion, resolveCredentials } from './connection-options';
import { UsageError } from './usage-error';

const ENV = { OSS_ACCESS_KEY_ID: 'env-id', OSS_ACCESS_KEY_SECRET: 'env-secret', OSS_SESSION_TOKEN: 'env-token' };

describe('resolveCredentials', () => {
  it('reads the SDK environment variables', () => {
    expect(resolveCredentials({}, ENV)).toEqual({ accessKeyId: 'env-id', accessKeySecret: 'env-secret', securityToken: 'env-token' });
  });

  it('takes the whole set from the flags when a key flag is given, never mixing in the environment token', () => {
    expect(resolveCredentials({ accessKeyId: 'flag-id', accessKeySecret: 'flag-secret' }, ENV)).toEqual({
      accessKeyId: 'flag-id',
      accessKeySecret: 'flag-secret',
      securityToken: undefined,
    });
    expect(resolveCredentials({ accessKeyId: 'flag-id', accessKeySecret: 'flag-secret', securityToken: 'flag-token' }, ENV).securityToken).toBe(
      'flag-token',
    );
  });

  it('lets --security-token override the environment token of an environment pair', () => {
    expect(resolveCredentials({ securityToken: 'flag-token' }, ENV).securityToken).toBe('flag-token');
  });

  it('refuses half a pair with a message that names what is missing and repeats no value', () => {
    const attempt = (): unknown => resolveCredentials({ accessKeyId: 'flag-id' }, ENV);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/No AccessKey secret/);
    try {
      resolveCredentials({ accessKeySecret: 'visible-secret' }, {});
    } catch (error) {
      expect(String(error)).toMatch(/No AccessKey ID.*OSS_ACCESS_KEY_ID/);
      expect(String(error)).not.toContain('visible-secret');
    }
  });

  it('treats empty variables as unset', () => {
    expect(() => resolveCredentials({}, { OSS_ACCESS_KEY_ID: ' ', OSS_ACCESS_KEY_SECRET: 'x' })).toThrow(UsageError);
  });
});

describe('endpointSettingsFromFlags', () => {
  it('needs an endpoint and a region', () => {
    expect(() => endpointSettingsFromFlags({ region: 'cn-hangzhou' })).toThrow(/--endpoint is required/);
    expect(() => endpointSettingsFromFlags({ endpoint: 'http://127.0.0.1:9000' })).toThrow(/--region is required/);
  });

  it('defaults to V4 and lets the endpoint choose the addressing style unless --path-style is given', () => {
    expect(endpointSettingsFromFlags({ endpoint: 'oss-cn-hangzhou.aliyuncs.com', region: 'cn-hangzhou' })).toEqual({
      endpoint: 'oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      addressing: undefined,
      signatureVersion: 'v4',
    });
    const local = endpointSettingsFromFlags({ endpoint: 'http://127.0.0.1:9000', region: 'cn-hangzhou', pathStyle: true, sign: 'V1' });
    expect(local.addressing).toBe('path-style');
    expect(local.signatureVersion).toBe('v1');
  });

  it('reports an invalid endpoint as a usage error', () => {
    expect(() => endpointSettingsFromFlags({ endpoint: 'ftp://example.com', region: 'cn-hangzhou' })).toThrow(UsageError);
    expect(() => endpointSettingsFromFlags({ endpoint: 'http://user:pw@example.com', region: 'r' })).toThrow(/\*\*\*/);
  });
});

describe('parseSignatureVersion', () => {
  it('accepts v1 and v4 only', () => {
    expect(parseSignatureVersion(undefined)).toBe('v4');
    expect(parseSignatureVersion('v1')).toBe('v1');
    expect(() => parseSignatureVersion('v2')).toThrow(/v1 or v4/);
  });
});
