// What the app remembers about its embedded emulator between starts (issue 5 item 4), in `embedded-emulator.json`:
// the port (kept stable so the account's endpoint stays right), the AccessKey id (not a secret: it is sent in every
// request), the id of the "Local emulator" account, and whether the user removed that account. The AccessKey
// secret is never here: it lives in the SecretStore.
import { join } from 'node:path';
import { z } from 'zod';
import { loadJsonFile, writePrivateJsonFile } from '../accounts/private-json-file';

/** Name of the state file inside the data folder. */
export const EMULATOR_STATE_FILE_NAME = 'embedded-emulator.json';

/** The remembered state; every field optional because a first start has none of it. */
export interface EmbeddedEmulatorState {
  readonly port?: number | undefined;
  readonly accessKeyId?: string | undefined;
  readonly accountId?: string | undefined;
  /** The user removed the "Local emulator" account: never add it again. */
  readonly accountRemoved: boolean;
}

const stateSchema = z
  .object({
    version: z.literal(1),
    port: z.number().int().min(1).max(65_535).optional(),
    accessKeyId: z.string().regex(/^[A-Za-z0-9]{8,64}$/).optional(),
    accountId: z.string().min(1).max(64).optional(),
    accountRemoved: z.boolean(),
  })
  .strict();

/** Reads and writes `embedded-emulator.json`. */
export class EmbeddedEmulatorStateFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, EMULATOR_STATE_FILE_NAME);
  }

  /** The remembered state; a missing or bad file (moved aside, reported through `warn`) reads as a first start. */
  async load(now: () => number, warn: (line: string) => void): Promise<EmbeddedEmulatorState> {
    const load = await loadJsonFile(this.file, stateSchema, now);
    if (load.kind === 'movedAside') warn(`Embedded emulator state ${this.file} could not be used (${load.reason}); starting over.`);
    if (load.kind !== 'loaded') return { accountRemoved: false };
    const { version: _version, ...state } = load.value;
    return state;
  }

  /** Replaces the file. */
  async save(state: EmbeddedEmulatorState): Promise<void> {
    await writePrivateJsonFile(this.file, { version: 1, ...state });
  }
}
