// Where to connect and with which credentials, from the options every `oss-upload` command shares. Pure: the
// environment is passed in. The names of the variables are the ones the official OSS SDKs and ossutil read
// (issue 3 item 10), so an existing shell setup works unchanged.
import type { Credentials } from '../oss/credentials';
import { resolveEndpoint } from '../oss/endpoint';
import type { AddressingStyle } from '../oss/oss-types';
import type { SignatureVersion } from '../oss/signing/signable-request';
import { UsageError } from './usage-error';

/** The shared options as commander hands them over (all optional: each command checks what it needs). */
export interface ConnectionFlags {
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly pathStyle?: boolean | undefined;
  readonly sign?: string | undefined;
  readonly accessKeyId?: string | undefined;
  readonly accessKeySecret?: string | undefined;
  readonly securityToken?: string | undefined;
}

/** An account's endpoint settings: everything needed to reach it except the credentials. Safe to store. */
export interface EndpointSettings {
  readonly endpoint: string;
  readonly region: string;
  /** Undefined: the endpoint decides (path-style for an IP or localhost, virtual-hosted otherwise). */
  readonly addressing: AddressingStyle | undefined;
  readonly signatureVersion: SignatureVersion;
}

/** Environment variables read for credentials. */
export const CREDENTIAL_ENV = {
  accessKeyId: 'OSS_ACCESS_KEY_ID',
  accessKeySecret: 'OSS_ACCESS_KEY_SECRET',
  securityToken: 'OSS_SESSION_TOKEN',
} as const;

/** V4 is what OSS recommends for new code; V1 remains for old endpoints and proxies (oss-protocol.md §3, §4). */
export const DEFAULT_SIGNATURE_VERSION: SignatureVersion = 'v4';

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Parses `--sign`; throws UsageError for anything but v1 or v4. */
export function parseSignatureVersion(text: string | undefined): SignatureVersion {
  if (text === undefined) return DEFAULT_SIGNATURE_VERSION;
  const lower = text.trim().toLowerCase();
  if (lower === 'v1' || lower === 'v4') return lower;
  throw new UsageError(`--sign must be v1 or v4, not ${JSON.stringify(text)}`);
}

/** The endpoint settings from the flags; throws UsageError when --endpoint or --region is missing or invalid. */
export function endpointSettingsFromFlags(flags: ConnectionFlags): EndpointSettings {
  const endpoint = present(flags.endpoint);
  const region = present(flags.region);
  if (endpoint === undefined) throw new UsageError('--endpoint is required (e.g. https://oss-cn-hangzhou.aliyuncs.com)');
  if (region === undefined) throw new UsageError('--region is required (e.g. cn-hangzhou)');
  const addressing: AddressingStyle | undefined = flags.pathStyle === true ? 'path-style' : undefined;
  try {
    resolveEndpoint({ endpoint, addressing });
  } catch (error) {
    // The endpoint checker's message never repeats user info from the URL (endpoint.ts), so it can be shown as is.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return { endpoint: endpoint.trim(), region: region.trim(), addressing, signatureVersion: parseSignatureVersion(flags.sign) };
}

/**
 * The credentials to sign with. Flags win over the environment, as a whole: when either --access-key-id or
 * --access-key-secret is given, the pair (and any token) comes from the flags only, so a stale OSS_SESSION_TOKEN of
 * another session is never attached to a key given on the command line. Throws UsageError when no complete pair is
 * found; the message names what is missing, never a value.
 */
export function resolveCredentials(flags: ConnectionFlags, env: Readonly<Record<string, string | undefined>>): Credentials {
  const fromFlags = present(flags.accessKeyId) !== undefined || present(flags.accessKeySecret) !== undefined;
  const accessKeyId = fromFlags ? present(flags.accessKeyId) : present(env[CREDENTIAL_ENV.accessKeyId]);
  const accessKeySecret = fromFlags ? present(flags.accessKeySecret) : present(env[CREDENTIAL_ENV.accessKeySecret]);
  const securityToken = fromFlags ? present(flags.securityToken) : present(flags.securityToken) ?? present(env[CREDENTIAL_ENV.securityToken]);
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    const missing = accessKeyId === undefined ? 'AccessKey ID' : 'AccessKey secret';
    throw new UsageError(
      `No ${missing}: set ${CREDENTIAL_ENV.accessKeyId} and ${CREDENTIAL_ENV.accessKeySecret} ` +
        `(and ${CREDENTIAL_ENV.securityToken} for STS credentials), or pass --access-key-id and --access-key-secret`,
    );
  }
  return { accessKeyId, accessKeySecret, securityToken };
}

function stringField(options: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** The connection flags among commander's parsed options (`optsWithGlobals()`), with their types checked. */
export function connectionFlagsOf(options: Readonly<Record<string, unknown>>): ConnectionFlags {
  return {
    endpoint: stringField(options, 'endpoint'),
    region: stringField(options, 'region'),
    pathStyle: options['pathStyle'] === true,
    sign: stringField(options, 'sign'),
    accessKeyId: stringField(options, 'accessKeyId'),
    accessKeySecret: stringField(options, 'accessKeySecret'),
    securityToken: stringField(options, 'securityToken'),
  };
}
