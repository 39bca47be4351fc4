// The desktop app's secret store: each account's secrets encrypted with Electron's safeStorage (Keychain on macOS,
// DPAPI on Windows, libsecret or KWallet on Linux) in `secrets.json`. safeStorage is injected, so this file has no
// `electron` import and is tested with a fake.
//
// Where the OS offers no keyring the app says so and stores nothing in plain text without the user's explicit
// consent (issue 5 item 3). On Linux, safeStorage reports encryption as *available* even without a keyring and then
// encrypts with a hard-coded password; `getSelectedStorageBackend()` returns `basic_text` in that case
// (https://www.electronjs.org/docs/latest/api/safe-storage), so that counts as no keyring here.
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/app-error';
import type { SecretStorageKind, SecretStorageStatus } from '../../shared/models/account';
import { loadJsonFile, writePrivateJsonFile } from './private-json-file';
import { checkSecrets, type AccountSecrets, type SecretStore } from './secret-store';
import { SerialQueue } from './serial-queue';

/** The part of Electron's `safeStorage` this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; `basic_text` means no keyring. */
  getSelectedStorageBackend?(): string;
}

/** Options of SafeStorageSecretStore.open. */
export interface SafeStorageSecretStoreOptions {
  readonly dataDir: string;
  readonly safeStorage: SafeStorageLike;
  /** The user's explicit consent to unencrypted storage when there is no keyring (default false). */
  readonly allowPlaintext?: boolean | undefined;
  /** Default process.platform; decides whether the Linux backend check applies. */
  readonly platform?: NodeJS.Platform | undefined;
  readonly now?: (() => number) | undefined;
}

/** Name of the file inside the data folder. */
export const SECRETS_FILE_NAME = 'secrets.json';

const secretsSchema = z.object({ accessKeySecret: z.string().min(1), securityToken: z.string().min(1).optional() }).strict();
const entrySchema = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('os-encrypted'), data: z.string().min(1) }).strict(),
  z.object({ encoding: z.literal('plaintext'), secrets: secretsSchema }).strict(),
]);
type SecretEntry = z.infer<typeof entrySchema>;
type Entries = Readonly<Record<string, SecretEntry>>;
const fileSchema = z.object({ version: z.literal(1), plaintextConsent: z.boolean(), entries: z.record(z.string(), entrySchema) });

const NO_KEYRING = 'No system keyring is available (on Linux: GNOME Keyring, KWallet or another Secret Service).';

function unreadable(why: string): AppError {
  return new AppError({
    code: 'SecretUnreadable',
    message: `The saved secret cannot be read: ${why}`,
    retryable: false,
    advice: 'Edit the account and enter its AccessKey secret again.',
  });
}

/** Secrets encrypted by the OS keyring through safeStorage; plain text only after explicit consent. */
export class SafeStorageSecretStore implements SecretStore {
  readonly file: string;
  readonly #safeStorage: SafeStorageLike;
  readonly #platform: NodeJS.Platform;
  readonly #queue = new SerialQueue();
  #consent: boolean;
  #entries: Entries;

  private constructor(file: string, options: SafeStorageSecretStoreOptions, consent: boolean, entries: Entries) {
    this.file = file;
    this.#safeStorage = options.safeStorage;
    this.#platform = options.platform ?? process.platform;
    this.#consent = consent;
    this.#entries = entries;
  }

  /** Loads `secrets.json` from `dataDir` (a corrupt one is moved aside and the store starts empty). */
  static async open(options: SafeStorageSecretStoreOptions): Promise<SafeStorageSecretStore> {
    const file = join(options.dataDir, SECRETS_FILE_NAME);
    const load = await loadJsonFile(file, fileSchema, options.now ?? Date.now);
    const stored = load.kind === 'loaded' ? load.value : undefined;
    return new SafeStorageSecretStore(file, options, options.allowPlaintext === true || stored?.plaintextConsent === true, stored?.entries ?? {});
  }

  #encryptionUsable(): boolean {
    if (!this.#safeStorage.isEncryptionAvailable()) return false;
    if (this.#platform !== 'linux') return true;
    const backend = this.#safeStorage.getSelectedStorageBackend?.();
    return backend !== 'basic_text' && backend !== 'unknown';
  }

  /** `os-encrypted` with a keyring; otherwise `plaintext-consented` or `unavailable`. */
  get kind(): SecretStorageKind {
    if (this.#encryptionUsable()) return 'os-encrypted';
    return this.#consent ? 'plaintext-consented' : 'unavailable';
  }

  /** What the account screen should say before the user types a secret. */
  status(): SecretStorageStatus {
    const kind = this.kind;
    if (kind === 'os-encrypted') return { kind, canStore: true, plaintext: false };
    if (kind === 'plaintext-consented') {
      return { kind, canStore: true, plaintext: true, message: `${NO_KEYRING} As you allowed, secrets are saved unencrypted in the app’s data folder.` };
    }
    return { kind, canStore: false, plaintext: true, message: `${NO_KEYRING} Secrets cannot be saved unless you allow storing them unencrypted.` };
  }

  /**
   * Records the user's explicit consent to unencrypted storage (persisted in the file). Call it only from a native
   * dialog in main, never on a renderer's say-so.
   */
  recordPlaintextConsent(): Promise<void> {
    return this.#queue.run(async () => {
      await this.#write(this.#entries, true);
      this.#consent = true;
    });
  }

  /** The account's secrets, or undefined. Throws AppError SecretUnreadable when they cannot be decrypted. */
  async get(accountId: string): Promise<AccountSecrets | undefined> {
    const entry = Object.hasOwn(this.#entries, accountId) ? this.#entries[accountId] : undefined;
    if (entry === undefined) return undefined;
    if (entry.encoding === 'plaintext') return entry.secrets;
    if (!this.#safeStorage.isEncryptionAvailable()) throw unreadable('the system keyring is not available.');
    let text: string;
    try {
      text = this.#safeStorage.decryptString(Buffer.from(entry.data, 'base64'));
    } catch {
      throw unreadable('the system keyring could not decrypt it.');
    }
    let parsed: ReturnType<typeof secretsSchema.safeParse>;
    try {
      parsed = secretsSchema.safeParse(JSON.parse(text));
    } catch {
      throw unreadable('it is damaged.');
    }
    if (!parsed.success) throw unreadable('it is damaged.');
    return parsed.data;
  }

  /** Encrypts and stores the account's secrets; refuses (AppError SecretStorageUnavailable) without keyring or consent. */
  async set(accountId: string, secrets: AccountSecrets): Promise<void> {
    checkSecrets(secrets);
    const plain = secrets.securityToken === undefined
      ? { accessKeySecret: secrets.accessKeySecret }
      : { accessKeySecret: secrets.accessKeySecret, securityToken: secrets.securityToken };
    return this.#queue.run(async () => {
      const encrypt = this.#encryptionUsable();
      if (!encrypt && !this.#consent) {
        throw new AppError({
          code: 'SecretStorageUnavailable',
          message: `${NO_KEYRING} The secret was not saved.`,
          retryable: false,
          advice: 'Install or unlock a keyring and restart the app, or allow storing secrets unencrypted.',
        });
      }
      const entry: SecretEntry = encrypt ? this.#encrypt(plain) : { encoding: 'plaintext', secrets: plain };
      await this.#write({ ...this.#upgrade(this.#entries, encrypt), [accountId]: entry }, this.#consent);
    });
  }

  /** Forgets the account's secrets. */
  delete(accountId: string): Promise<void> {
    return this.#queue.run(async () => {
      if (!Object.hasOwn(this.#entries, accountId)) return;
      const { [accountId]: _removed, ...rest } = this.#entries;
      await this.#write(rest, this.#consent);
    });
  }

  #encrypt(secrets: AccountSecrets): SecretEntry {
    return { encoding: 'os-encrypted', data: this.#safeStorage.encryptString(JSON.stringify(secrets)).toString('base64') };
  }

  // Once a keyring is there, secrets saved unencrypted earlier (with consent) are encrypted on the next write.
  #upgrade(entries: Entries, encrypt: boolean): Entries {
    if (!encrypt) return entries;
    return Object.fromEntries(
      Object.entries(entries).map(([id, entry]) => [id, entry.encoding === 'plaintext' ? this.#encrypt(entry.secrets) : entry]),
    );
  }

  async #write(entries: Entries, plaintextConsent: boolean): Promise<void> {
    await writePrivateJsonFile(this.file, { version: 1, plaintextConsent, entries });
    this.#entries = entries;
  }
}
