// Checks on account fields that need main's own parsers (the IPC schemas have already bounded every field).
import { AppError } from '../../shared/ipc/app-error';
import { resolveEndpoint } from '../oss/endpoint';
import { isOssError } from '../oss/oss-error';
import { validateBucketName } from '../oss/oss-names';
import type { Account } from './account';
import type { AccountSecrets } from './secret-store';

/** Throws AppError InvalidAccount unless the endpoint parses for its addressing style and every bucket name is valid. */
export function checkConnectionFields(fields: Pick<Account, 'endpoint' | 'addressing' | 'buckets'>): void {
  try {
    resolveEndpoint({ endpoint: fields.endpoint, addressing: fields.addressing });
    for (const bucket of fields.buckets) validateBucketName(bucket);
  } catch (error) {
    if (isOssError(error)) throw new AppError({ code: 'InvalidAccount', message: error.message, retryable: false });
    throw error;
  }
}

function originOf(endpoint: string): string | undefined {
  try {
    const resolved = resolveEndpoint({ endpoint });
    return `${resolved.protocol}//${resolved.host}`;
  } catch {
    return undefined;
  }
}

/**
 * True when `to` names another scheme, host or port than `from`. An unparsable `to` is not a move: nothing can be
 * sent to it, and the endpoint check reports it.
 */
export function endpointMoved(from: string, to: string): boolean {
  const target = originOf(to);
  return target !== undefined && target !== originOf(from);
}

/** The secrets of a draft or patch, without an empty token field. */
export function secretsOf(fields: { readonly accessKeySecret: string; readonly securityToken?: string | undefined }): AccountSecrets {
  return fields.securityToken === undefined
    ? { accessKeySecret: fields.accessKeySecret }
    : { accessKeySecret: fields.accessKeySecret, securityToken: fields.securityToken };
}
