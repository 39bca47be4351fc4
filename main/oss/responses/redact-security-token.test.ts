import { describe, expect, it } from 'vitest';
import { redactSecurityToken } from './redact-security-token';

describe('redactSecurityToken', () => {
  it('redacts the V1 canonical header line and keeps the rest', () => {
    expect(redactSecurityToken('GET\n\n\nDATE\nx-oss-date:DATE\nx-oss-security-token:CAIS/abc+def==\n/b/k')).toBe(
      'GET\n\n\nDATE\nx-oss-date:DATE\nx-oss-security-token:[redacted]\n/b/k',
    );
  });

  it('redacts presigned query forms (V1 security-token, V4 x-oss-security-token)', () => {
    expect(redactSecurityToken('/b/k?Expires=1&security-token=CAIS123&x=1')).toBe('/b/k?Expires=1&security-token=[redacted]&x=1');
    expect(redactSecurityToken('x-oss-date=1&x-oss-security-token=CAIS123\nhost:h')).toBe('x-oss-date=1&x-oss-security-token=[redacted]\nhost:h');
  });

  it('leaves text without a token alone', () => {
    const text = 'PUT\nvOjz1IJHxdVVu1aXvyd7NQ==\n\nDATE\nx-oss-date:DATE\n/examplebucket/dir/big file+1.bin?partNumber=1';
    expect(redactSecurityToken(text)).toBe(text);
  });
});
