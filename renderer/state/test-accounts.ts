// Test support: an account as the renderer sees it, with sensible defaults (the local emulator's shape). Not imported
// by the app.
import type { AccountView } from '../../shared/models/account';

/** An AccountView; `overrides` replace the defaults. */
export function makeAccountView(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc-1',
    name: 'Local emulator',
    endpoint: 'http://127.0.0.1:9000',
    region: 'cn-hangzhou',
    buckets: ['bucket-1'],
    signatureVersion: 'v4',
    addressing: 'path-style',
    maskedAccessKeyId: 'LTAI****abcd',
    hasSecret: true,
    hasSecurityToken: false,
    isLocalEmulator: true,
    ...overrides,
  };
}
