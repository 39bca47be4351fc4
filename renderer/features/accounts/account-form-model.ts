// The account form as plain data: its values (strings, as typed), validation that mirrors the IPC schemas
// (shared/ipc/schema-primitives.ts, so a value the form accepts is one main accepts) and the draft or patch it sends.
// The secret is write-only: the form never starts with one, and an empty secret field on an edit means "unchanged".
import {
  MAX_BUCKETS_PER_ACCOUNT,
  accessKeyIdSchema,
  accessKeySecretSchema,
  bucketSchema,
  endpointSchema,
  nameSchema,
  regionSchema,
  securityTokenSchema,
} from '../../../shared/ipc/schema-primitives';
import type { AccountAddressing, AccountDraft, AccountPatch, AccountSignatureVersion, AccountView } from '../../../shared/models/account';
import { endpointOrigin, parseEndpointUrl } from './describe-endpoint';

/** The form's fields as typed. */
export interface AccountFormValues {
  readonly name: string;
  readonly endpoint: string;
  readonly region: string;
  /** Bucket names separated by commas, spaces or new lines. */
  readonly buckets: string;
  readonly signatureVersion: AccountSignatureVersion;
  readonly addressing: AccountAddressing;
  /** On an edit, empty keeps the saved key id (the renderer only ever sees it masked). */
  readonly accessKeyId: string;
  /** Never pre-filled; on an edit, empty keeps the saved secret. */
  readonly accessKeySecret: string;
  /** Never pre-filled; on an edit, empty keeps the saved token. */
  readonly securityToken: string;
  /** Edit only: forget the saved STS token. */
  readonly removeSecurityToken: boolean;
}

/** A field of the form. */
export type AccountFormField = Exclude<keyof AccountFormValues, 'removeSecurityToken'>;

/** Why a field is refused; the screen turns each into a sentence in the user's language. */
export type AccountFieldProblem =
  | 'required'
  | 'invalidName'
  | 'invalidEndpoint'
  | 'invalidRegion'
  | 'noBucket'
  | 'invalidBucket'
  | 'duplicateBucket'
  | 'tooManyBuckets'
  | 'invalidKeyId'
  | 'invalidSecret'
  | 'secretRequiredForKeyId'
  | 'secretRequiredForEndpoint'
  | 'invalidToken';

/** One refused field; `detail` names the offending bucket. */
export interface AccountFieldError {
  readonly problem: AccountFieldProblem;
  readonly detail?: string | undefined;
}

/** Refused fields (none when the form may be sent). */
export type AccountFormErrors = Partial<Record<AccountFormField, AccountFieldError>>;

/** Adding a new account, or editing a saved one. */
export type AccountFormMode = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly account: AccountView };

/** The values of a new account's form: V4 signing and virtual-hosted addressing, as OSS recommends. */
export function emptyAccountForm(): AccountFormValues {
  return {
    name: '',
    endpoint: '',
    region: '',
    buckets: '',
    signatureVersion: 'v4',
    addressing: 'virtual-hosted',
    accessKeyId: '',
    accessKeySecret: '',
    securityToken: '',
    removeSecurityToken: false,
  };
}

/** The values of an edit form: every saved field except the key id and the secrets, which the renderer never has. */
export function accountFormFromView(account: AccountView): AccountFormValues {
  return {
    ...emptyAccountForm(),
    name: account.name,
    endpoint: account.endpoint,
    region: account.region,
    buckets: account.buckets.join('\n'),
    signatureVersion: account.signatureVersion,
    addressing: account.addressing,
  };
}

/** Bucket names from the text field: separated by commas, spaces or line breaks, empty entries dropped. */
export function parseBucketList(text: string): readonly string[] {
  return text
    .split(/[\s,，]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function bucketsError(text: string): AccountFieldError | undefined {
  const buckets = parseBucketList(text);
  if (buckets.length === 0) return { problem: 'noBucket' };
  if (buckets.length > MAX_BUCKETS_PER_ACCOUNT) return { problem: 'tooManyBuckets' };
  const seen = new Set<string>();
  for (const bucket of buckets) {
    if (!bucketSchema.safeParse(bucket).success) return { problem: 'invalidBucket', detail: bucket };
    if (seen.has(bucket)) return { problem: 'duplicateBucket', detail: bucket };
    seen.add(bucket);
  }
  return undefined;
}

function check(value: string, ok: boolean, problem: AccountFieldProblem): AccountFieldError | undefined {
  if (value.trim() === '') return { problem: 'required' };
  return ok ? undefined : { problem };
}

/** Every refused field of the form; an empty object means the draft or patch may be sent. */
export function validateAccountForm(values: AccountFormValues, mode: AccountFormMode): AccountFormErrors {
  const errors: AccountFormErrors = {};
  const endpoint = values.endpoint.trim();
  const editing = mode.kind === 'edit' ? mode.account : undefined;
  const set = (field: AccountFormField, error: AccountFieldError | undefined): void => {
    if (error !== undefined) errors[field] = error;
  };
  set('name', check(values.name, nameSchema.safeParse(values.name).success, 'invalidName'));
  set('endpoint', check(endpoint, endpointSchema.safeParse(endpoint).success && parseEndpointUrl(endpoint) !== undefined, 'invalidEndpoint'));
  set('region', check(values.region, regionSchema.safeParse(values.region.trim()).success, 'invalidRegion'));
  set('buckets', bucketsError(values.buckets));

  const keyId = values.accessKeyId.trim();
  if (editing === undefined || keyId !== '') set('accessKeyId', check(keyId, accessKeyIdSchema.safeParse(keyId).success, 'invalidKeyId'));
  if (editing === undefined || values.accessKeySecret !== '') {
    set('accessKeySecret', check(values.accessKeySecret, accessKeySecretSchema.safeParse(values.accessKeySecret).success, 'invalidSecret'));
  } else if (keyId !== '') {
    // A key id and its secret are a pair: main refuses a new id without its secret (SecretRequired).
    set('accessKeySecret', { problem: 'secretRequiredForKeyId' });
  } else if (errors.endpoint === undefined && endpointOrigin(endpoint) !== endpointOrigin(editing.endpoint)) {
    set('accessKeySecret', { problem: 'secretRequiredForEndpoint' });
  }
  if (values.securityToken !== '' && !securityTokenSchema.safeParse(values.securityToken).success) set('securityToken', { problem: 'invalidToken' });
  return errors;
}

/** True when the form has no refused field. */
export function isFormValid(errors: AccountFormErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** The new account a valid add form describes. */
export function buildAccountDraft(values: AccountFormValues): AccountDraft {
  const token = values.securityToken;
  return {
    name: values.name.trim(),
    endpoint: values.endpoint.trim(),
    region: values.region.trim(),
    buckets: parseBucketList(values.buckets),
    signatureVersion: values.signatureVersion,
    addressing: values.addressing,
    accessKeyId: values.accessKeyId.trim(),
    accessKeySecret: values.accessKeySecret,
    ...(token === '' ? {} : { securityToken: token }),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Only what a valid edit form changes; the secrets only when typed again (they are never shown, so never "kept"). */
export function buildAccountPatch(values: AccountFormValues, account: AccountView): AccountPatch {
  const patch: { -readonly [K in keyof AccountPatch]: AccountPatch[K] } = {};
  const name = values.name.trim();
  const endpoint = values.endpoint.trim();
  const region = values.region.trim();
  const buckets = parseBucketList(values.buckets);
  const keyId = values.accessKeyId.trim();
  if (name !== account.name) patch.name = name;
  if (endpoint !== account.endpoint) patch.endpoint = endpoint;
  if (region !== account.region) patch.region = region;
  if (!sameList(buckets, account.buckets)) patch.buckets = buckets;
  if (values.signatureVersion !== account.signatureVersion) patch.signatureVersion = values.signatureVersion;
  if (values.addressing !== account.addressing) patch.addressing = values.addressing;
  if (keyId !== '') patch.accessKeyId = keyId;
  if (values.accessKeySecret !== '') patch.accessKeySecret = values.accessKeySecret;
  if (values.securityToken !== '') patch.securityToken = values.securityToken;
  else if (values.removeSecurityToken && account.hasSecurityToken) patch.securityToken = null;
  return patch;
}
