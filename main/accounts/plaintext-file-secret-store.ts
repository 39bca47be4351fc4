// The browser harness's secret store (issue 5 item 6: "accounts with a file-backed secret store marked as such"):
// secrets in PLAIN TEXT in a 0600 JSON file. Development and tests only; the desktop app uses SafeStorageSecretStore.
// The class name, the file name, the `kind` and a warning inside the file all say so.
import { join } from 'node:path';
import { z } from 'zod';
import type { SecretStorageStatus } from '../../shared/models/account';
import { loadJsonFile, writePrivateJsonFile } from './private-json-file';
import { checkSecrets, type AccountSecrets, type SecretStore } from './secret-store';
import { SerialQueue } from './serial-queue';

/** Name of the file inside the data folder. */
export const PLAINTEXT_SECRETS_FILE_NAME = 'secrets.PLAINTEXT-harness-only.json';

const WARNING = 'Development harness only: these secrets are stored WITHOUT encryption.';
const secretsSchema = z.object({ accessKeySecret: z.string().min(1), securityToken: z.string().min(1).optional() }).strict();
const fileSchema = z.object({
  version: z.literal(1),
  kind: z.literal('plaintext-file'),
  warning: z.string(),
  entries: z.record(z.string(), secretsSchema),
});

/** Secrets in a plain-text JSON file, readable by the owner only. Never use it in the desktop app. */
export class PlaintextFileSecretStore implements SecretStore {
  readonly kind = 'plaintext-file' as const;
  readonly file: string;
  #entries: Readonly<Record<string, AccountSecrets>>;
  readonly #queue = new SerialQueue();

  private constructor(file: string, entries: Readonly<Record<string, AccountSecrets>>) {
    this.file = file;
    this.#entries = entries;
  }

  /** Loads the file from `dataDir` (a corrupt one is moved aside and the store starts empty). */
  static async open(options: { readonly dataDir: string; readonly now?: () => number }): Promise<PlaintextFileSecretStore> {
    const file = join(options.dataDir, PLAINTEXT_SECRETS_FILE_NAME);
    const load = await loadJsonFile(file, fileSchema, options.now ?? Date.now);
    const stored = load.kind === 'loaded' ? load.value : undefined;
    return new PlaintextFileSecretStore(file, stored?.entries ?? {});
  }

  /** Always storable, always plain text. */
  status(): SecretStorageStatus {
    return { kind: this.kind, canStore: true, plaintext: true, message: WARNING };
  }

  /** The account's secrets, or undefined. */
  get(accountId: string): Promise<AccountSecrets | undefined> {
    return Promise.resolve(Object.hasOwn(this.#entries, accountId) ? this.#entries[accountId] : undefined);
  }

  /** Stores the account's secrets (plain text, 0600). */
  async set(accountId: string, secrets: AccountSecrets): Promise<void> {
    checkSecrets(secrets);
    const entry: AccountSecrets = secrets.securityToken === undefined
      ? { accessKeySecret: secrets.accessKeySecret }
      : { accessKeySecret: secrets.accessKeySecret, securityToken: secrets.securityToken };
    return this.#update((entries) => ({ ...entries, [accountId]: entry }));
  }

  /** Forgets the account's secrets. */
  delete(accountId: string): Promise<void> {
    return this.#update((entries) => {
      const { [accountId]: _removed, ...rest } = entries;
      return rest;
    });
  }

  // The change is computed inside the queue, from the entries as the previous write left them.
  #update(change: (entries: Readonly<Record<string, AccountSecrets>>) => Readonly<Record<string, AccountSecrets>>): Promise<void> {
    return this.#queue.run(async () => {
      const entries = change(this.#entries);
      await writePrivateJsonFile(this.file, { version: 1, kind: this.kind, warning: WARNING, entries });
      this.#entries = entries;
    });
  }
}
