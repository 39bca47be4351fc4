// The non-secret half of every account, in one JSON file `accounts.json` in the data folder. Secrets are never
// written here (they go to a SecretStore); the file schema has no field that could hold one.
import { join } from 'node:path';
import { z } from 'zod';
import {
  accessKeyIdSchema,
  accountIdSchema,
  bucketListSchema,
  endpointSchema,
  nameSchema,
  regionSchema,
} from '../../shared/ipc/schema-primitives';
import type { Account } from './account';
import { loadJsonFile, writePrivateJsonFile } from './private-json-file';
import { SerialQueue } from './serial-queue';

/** Name of the account file inside the data folder. */
export const ACCOUNTS_FILE_NAME = 'accounts.json';

const FILE_VERSION = 1;

const timestampSchema = z.number().int().min(0);
// Unknown fields are dropped (`strip`), so a file written by a newer version still loads.
const accountSchema: z.ZodType<Account> = z.object({
  id: accountIdSchema,
  name: nameSchema,
  endpoint: endpointSchema,
  region: regionSchema,
  buckets: bucketListSchema,
  signatureVersion: z.enum(['v1', 'v4']),
  addressing: z.enum(['virtual-hosted', 'path-style', 'cname']),
  accessKeyId: accessKeyIdSchema,
  hasSecret: z.boolean(),
  hasSecurityToken: z.boolean(),
  isLocalEmulator: z.boolean(),
  createdAtMs: timestampSchema,
  updatedAtMs: timestampSchema,
});
const fileSchema = z.object({ version: z.literal(FILE_VERSION), accounts: z.array(accountSchema) });

/** A file that could not be loaded, and where it went. */
export interface AccountFileProblem {
  readonly file: string;
  readonly reason: string;
  /** Undefined when it could not be moved. */
  readonly movedTo: string | undefined;
}

/** Options of AccountStore.open. */
export interface AccountStoreOptions {
  readonly dataDir: string;
  readonly now?: (() => number) | undefined;
}

/** Accounts in memory, written through to `accounts.json` (one write at a time, in call order). */
export class AccountStore {
  readonly file: string;
  /** Set when the file existed but could not be read; the store then starts empty. */
  readonly loadProblem: AccountFileProblem | undefined;
  #accounts: readonly Account[];
  readonly #queue = new SerialQueue();

  private constructor(file: string, accounts: readonly Account[], loadProblem: AccountFileProblem | undefined) {
    this.file = file;
    this.#accounts = accounts;
    this.loadProblem = loadProblem;
  }

  /**
   * Loads `accounts.json` from `dataDir`. A file that cannot be parsed or fails the schema is moved aside
   * (`accounts.json.corrupt-<ms>`) and reported in `loadProblem`, so one bad file cannot stop the app from starting.
   */
  static async open(options: AccountStoreOptions): Promise<AccountStore> {
    const file = join(options.dataDir, ACCOUNTS_FILE_NAME);
    const now = options.now ?? Date.now;
    const load = await loadJsonFile(file, fileSchema, now);
    if (load.kind === 'missing') return new AccountStore(file, [], undefined);
    if (load.kind === 'movedAside') {
      const reason = `not a version ${FILE_VERSION} account file: ${load.reason}`;
      return new AccountStore(file, [], { file, reason, movedTo: load.movedTo });
    }
    return new AccountStore(file, load.value.accounts, undefined);
  }

  /** Every account, in the order they were added. */
  list(): readonly Account[] {
    return this.#accounts;
  }

  /** One account, or undefined. */
  get(id: string): Account | undefined {
    return this.#accounts.find((a) => a.id === id);
  }

  /** Adds or replaces an account; the file is written before the change becomes visible. */
  put(account: Account): Promise<void> {
    return this.#queue.run(async () => {
      const exists = this.#accounts.some((a) => a.id === account.id);
      const next = exists ? this.#accounts.map((a) => (a.id === account.id ? account : a)) : [...this.#accounts, account];
      await this.#write(next);
    });
  }

  /** Removes an account; false when there was none with that id. */
  remove(id: string): Promise<boolean> {
    return this.#queue.run(async () => {
      const next = this.#accounts.filter((a) => a.id !== id);
      if (next.length === this.#accounts.length) return false;
      await this.#write(next);
      return true;
    });
  }

  async #write(next: readonly Account[]): Promise<void> {
    // Only the schema's fields are written: an object carrying anything more (a secret by mistake) is trimmed here.
    const accounts = next.map((a) => accountSchema.parse(a));
    await writePrivateJsonFile(this.file, { version: FILE_VERSION, accounts });
    this.#accounts = accounts;
  }
}
