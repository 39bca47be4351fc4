import { describe, expect, it } from 'vitest';
import {
  accountFormFromView,
  buildAccountDraft,
  buildAccountPatch,
  emptyAccountForm,
  parseBucketList,
  validateAccountForm,
  type AccountFormValues,
} from './account-form-model';
import { describeEndpoint } from './describe-endpoint';
import { makeAccountView } from '../../state/test-accounts';

const saved = makeAccountView({
  name: 'Prod',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  buckets: ['photos', 'backups'],
  addressing: 'virtual-hosted',
  hasSecurityToken: true,
  isLocalEmulator: false,
});

const complete: AccountFormValues = {
  ...emptyAccountForm(),
  name: ' Prod ',
  endpoint: 'oss-cn-hangzhou.aliyuncs.com',
  region: 'cn-hangzhou',
  buckets: 'photos, backups\nlogs',
  accessKeyId: 'LTAI5tExample',
  accessKeySecret: 's3cr3t',
};

describe('account form validation', () => {
  it('accepts a complete new account and builds the draft the schema expects', () => {
    expect(validateAccountForm(complete, { kind: 'add' })).toEqual({});
    expect(buildAccountDraft(complete)).toEqual({
      name: 'Prod',
      endpoint: 'oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      buckets: ['photos', 'backups', 'logs'],
      signatureVersion: 'v4',
      addressing: 'virtual-hosted',
      accessKeyId: 'LTAI5tExample',
      accessKeySecret: 's3cr3t',
    });
  });

  it('requires every field of a new account except the STS token', () => {
    const errors = validateAccountForm(emptyAccountForm(), { kind: 'add' });
    expect(Object.keys(errors).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'buckets', 'endpoint', 'name', 'region']);
    expect(errors.buckets?.problem).toBe('noBucket');
    expect(errors.name?.problem).toBe('required');
  });

  it('refuses what the IPC schemas refuse, naming the bad bucket', () => {
    const errors = validateAccountForm(
      { ...complete, endpoint: 'https://bad host', region: 'CN_Hangzhou', buckets: 'ok-bucket, Bad_Bucket', accessKeySecret: 'has space', securityToken: 'tab\there' },
      { kind: 'add' },
    );
    expect(errors.endpoint?.problem).toBe('invalidEndpoint');
    expect(errors.region?.problem).toBe('invalidRegion');
    expect(errors.buckets).toEqual({ problem: 'invalidBucket', detail: 'Bad_Bucket' });
    expect(errors.accessKeySecret?.problem).toBe('invalidSecret');
    expect(errors.securityToken?.problem).toBe('invalidToken');
    expect(validateAccountForm({ ...complete, buckets: 'ab, photos photos' }, { kind: 'add' }).buckets).toEqual({ problem: 'invalidBucket', detail: 'ab' });
    expect(validateAccountForm({ ...complete, buckets: 'photos photos' }, { kind: 'add' }).buckets).toEqual({ problem: 'duplicateBucket', detail: 'photos' });
  });

  it('lets an edit keep the saved key id and secret, but asks for the secret with a new key id or endpoint host', () => {
    const edit = { kind: 'edit', account: saved } as const;
    const values = accountFormFromView(saved);
    expect(validateAccountForm(values, edit)).toEqual({});
    expect(validateAccountForm({ ...values, accessKeyId: 'LTAInew' }, edit).accessKeySecret?.problem).toBe('secretRequiredForKeyId');
    expect(validateAccountForm({ ...values, endpoint: 'https://oss-cn-beijing.aliyuncs.com' }, edit).accessKeySecret?.problem).toBe('secretRequiredForEndpoint');
    // Same origin written differently is not a move.
    expect(validateAccountForm({ ...values, endpoint: 'oss-cn-hangzhou.aliyuncs.com' }, edit)).toEqual({});
    expect(validateAccountForm({ ...values, endpoint: 'https://oss-cn-beijing.aliyuncs.com', accessKeySecret: 'again' }, edit)).toEqual({});
  });
});

describe('account form: write-only secrets', () => {
  it('never fills the key id, secret or token of an edit form', () => {
    const values = accountFormFromView(saved);
    expect(values.accessKeyId).toBe('');
    expect(values.accessKeySecret).toBe('');
    expect(values.securityToken).toBe('');
  });

  it('patches only what changed, secrets only when typed, and removes the token only when asked', () => {
    const values = accountFormFromView(saved);
    expect(buildAccountPatch(values, saved)).toEqual({});
    expect(buildAccountPatch({ ...values, name: 'Production', buckets: 'photos,backups,new-one', addressing: 'path-style' }, saved)).toEqual({
      name: 'Production',
      buckets: ['photos', 'backups', 'new-one'],
      addressing: 'path-style',
    });
    expect(buildAccountPatch({ ...values, accessKeyId: 'LTAInew', accessKeySecret: 'x' }, saved)).toEqual({ accessKeyId: 'LTAInew', accessKeySecret: 'x' });
    expect(buildAccountPatch({ ...values, removeSecurityToken: true }, saved)).toEqual({ securityToken: null });
    expect(buildAccountPatch({ ...values, securityToken: 'tok' }, saved)).toEqual({ securityToken: 'tok' });
  });
});

describe('parseBucketList and describeEndpoint', () => {
  it('splits on commas (also full-width), spaces and new lines', () => {
    expect(parseBucketList(' a-1 ,b-2\n\nc-3，d-4 ')).toEqual(['a-1', 'b-2', 'c-3', 'd-4']);
    expect(parseBucketList('  ')).toEqual([]);
  });

  it('tells public, internal, accelerate, local and custom endpoints apart', () => {
    expect(describeEndpoint('https://oss-cn-hangzhou.aliyuncs.com')).toEqual({ kind: 'public', region: 'cn-hangzhou' });
    expect(describeEndpoint('oss-cn-shanghai-internal.aliyuncs.com')).toEqual({ kind: 'internal', region: 'cn-shanghai' });
    expect(describeEndpoint('oss-accelerate.aliyuncs.com').kind).toBe('accelerate');
    expect(describeEndpoint('http://127.0.0.1:9000').kind).toBe('local');
    expect(describeEndpoint('https://cdn.example.com').kind).toBe('custom');
    expect(describeEndpoint('ftp://x').kind).toBe('invalid');
  });
});
