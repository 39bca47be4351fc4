// OssClients for the CLI: one per account, built from stored or given endpoint settings plus the credentials of
// this run. Static credentials: a CLI run is short, and STS users re-export OSS_SESSION_TOKEN between runs.
import { DEFAULT_CONNECTIONS_PER_ORIGIN } from '../oss/transport';
import { staticCredentials, type Credentials } from '../oss/credentials';
import { OssClient } from '../oss/oss-client';
import type { EndpointSettings } from './connection-options';

/** A client for one account's endpoint settings. `maxRequests` sizes the keep-alive pool so parts never queue in it. */
export function createOssClient(settings: EndpointSettings, credentials: Credentials, maxRequests = 0): OssClient {
  return new OssClient({
    endpoint: settings.endpoint,
    region: settings.region,
    addressing: settings.addressing,
    signatureVersion: settings.signatureVersion,
    credentials: staticCredentials(credentials),
    // Control calls (ListParts, Complete, Abort) run beside the part uploads: leave room for them.
    connectionsPerOrigin: Math.max(DEFAULT_CONNECTIONS_PER_ORIGIN, maxRequests + 4),
  });
}

/** Thrown when a job names an account whose endpoint settings are not in the state directory. */
export class UnknownAccountError extends Error {
  constructor(readonly accountId: string) {
    super(`No endpoint settings for account ${accountId} in the state directory`);
    this.name = 'UnknownAccountError';
  }
}

/** One lazily created client per account id; close them all at the end. */
export class OssClientPool {
  readonly #accounts: ReadonlyMap<string, EndpointSettings>;
  readonly #credentials: Credentials;
  readonly #maxRequests: number;
  readonly #clients = new Map<string, OssClient>();

  constructor(accounts: ReadonlyMap<string, EndpointSettings>, credentials: Credentials, maxRequests: number) {
    this.#accounts = accounts;
    this.#credentials = credentials;
    this.#maxRequests = maxRequests;
  }

  /** Whether the pool can build a client for this account. */
  has(accountId: string): boolean {
    return this.#accounts.has(accountId);
  }

  /** The client of `accountId`; throws UnknownAccountError. */
  clientFor(accountId: string): OssClient {
    let client = this.#clients.get(accountId);
    if (client === undefined) {
      const settings = this.#accounts.get(accountId);
      if (settings === undefined) throw new UnknownAccountError(accountId);
      client = createOssClient(settings, this.#credentials, this.#maxRequests);
      this.#clients.set(accountId, client);
    }
    return client;
  }

  /** Closes every client created so far (their keep-alive sockets would otherwise hold the process open). */
  async closeAll(): Promise<void> {
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await Promise.allSettled(clients.map((client) => client.close()));
  }
}
