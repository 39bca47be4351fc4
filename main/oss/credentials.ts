/** An AccessKey pair, optionally with an STS security token. Lives only in the main process. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/**
 * Where the client gets credentials for each request. A static pair never changes; an STS provider
 * returns fresh temporary credentials when `refresh` is called after `SecurityTokenExpired`.
 */
export interface CredentialProvider {
  getCredentials(): Promise<Credentials>;
  /** Called after the server said the token expired; resolves with new credentials. */
  refresh?(): Promise<Credentials>;
}

/** A provider for a fixed AccessKey pair (optionally with a fixed STS token). */
export function staticCredentials(credentials: Credentials): CredentialProvider {
  const frozen = Object.freeze({ ...credentials });
  return { getCredentials: () => Promise.resolve(frozen) };
}
