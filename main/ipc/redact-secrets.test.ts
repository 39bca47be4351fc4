import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('cuts every known secret wherever it appears, longest first', () => {
    const text = 'key abc123 and abc123456 and again abc123456';
    expect(redactSecrets(text, ['abc123', 'abc123456', ''])).toBe('key [redacted] and [redacted] and again [redacted]');
  });

  it('cuts values of secret-named fields it does not know', () => {
    expect(redactSecrets('{"accessKeyId":"LTAI","accessKeySecret":"s3cr\\"et","securityToken":"CAIS+x/="}')).toBe(
      '{"accessKeyId":"LTAI","accessKeySecret":[redacted],"securityToken":[redacted]}',
    );
    expect(redactSecrets("access_key_secret = 'abc' password: hunter2, secret=xyz&next=1")).toBe(
      "access_key_secret = [redacted] password: [redacted], secret=[redacted]&next=1",
    );
  });

  it('cuts an STS token echoed in a StringToSign', () => {
    expect(redactSecrets('GET\n\n\nDate\nx-oss-security-token:CAIStoken123\n/bucket/key')).toBe(
      'GET\n\n\nDate\nx-oss-security-token:[redacted]\n/bucket/key',
    );
  });

  it('leaves ordinary text alone', () => {
    const text = 'uploads.pause failed: JobNotFound (request 5C3D9175B6FC201293AD4890)';
    expect(redactSecrets(text, ['not-in-there'])).toBe(text);
  });
});
