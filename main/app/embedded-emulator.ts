// The embedded default (issue 5 item 4): on a first start with no account the app runs the bundled OSS emulator on
// 127.0.0.1, with credentials generated for this installation and its data in the data folder, and adds a "Local
// emulator" account with one bucket, so a fresh install shows a working uploader without any cloud account. The
// account can be removed like any other; the app remembers that and neither re-adds it nor starts the emulator.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AccountView } from '../../shared/models/account';
import type { AccountService } from '../accounts/account-service';
import type { SecretStore } from '../accounts/secret-store';
import { startEmulator } from '../emulator/emulator-server';
import type { RunningEmulator } from '../emulator/emulator-types';
import type { AppLog } from './app-core-types';
import { EmbeddedEmulatorStateFile, type EmbeddedEmulatorState } from './embedded-emulator-state';
import { errnoCode } from '../errno-code';

/** The one bucket of the local emulator. */
export const LOCAL_EMULATOR_BUCKET = 'local';
/** The account's display name. */
export const LOCAL_EMULATOR_ACCOUNT_NAME = 'Local emulator';
/** Region the emulator and its account agree on (the emulator's default, V4 signs it). */
export const LOCAL_EMULATOR_REGION = 'cn-hangzhou';
/** SecretStore entry of the emulator's own AccessKey secret (not an account id: those are UUIDs). */
export const EMULATOR_SECRET_ID = 'embedded-emulator';

/** What starting the embedded emulator needs. */
export interface EmbeddedEmulatorOptions {
  readonly dataDir: string;
  readonly accounts: AccountService;
  readonly secrets: SecretStore;
  readonly log: AppLog;
  readonly now: () => number;
}

/** A running embedded emulator and the account that uses it. */
export interface EmbeddedEmulator {
  readonly emulator: RunningEmulator;
  readonly accountId: string;
  /** The emulator's secret, for log redaction only. */
  readonly secrets: readonly string[];
  /** Records that the user removed the account (the emulator is closed by the caller). */
  markAccountRemoved(): Promise<void>;
}

/** The existing "Local emulator" account, if the user kept it. */
function localAccountOf(accounts: readonly AccountView[], state: EmbeddedEmulatorState): AccountView | undefined {
  return accounts.find((a) => a.id === state.accountId) ?? accounts.find((a) => a.isLocalEmulator);
}

async function listenOn(port: number, options: EmbeddedEmulatorOptions, accessKeyId: string, accessKeySecret: string): Promise<RunningEmulator> {
  return startEmulator({
    port,
    dataDir: join(options.dataDir, 'emulator'),
    buckets: [LOCAL_EMULATOR_BUCKET],
    credentials: [{ accessKeyId, accessKeySecret }],
    region: LOCAL_EMULATOR_REGION,
  });
}

/** The remembered port, or any free one when it is taken now (another program got it while the app was closed). */
async function startOnStablePort(
  options: EmbeddedEmulatorOptions,
  state: EmbeddedEmulatorState,
  accessKeyId: string,
  accessKeySecret: string,
): Promise<RunningEmulator> {
  if (state.port !== undefined) {
    try {
      return await listenOn(state.port, options, accessKeyId, accessKeySecret);
    } catch (error) {
      if (errnoCode(error) !== 'EADDRINUSE') throw error;
      options.log.warn(`Embedded emulator port ${state.port} is taken; picking another one`);
    }
  }
  return listenOn(0, options, accessKeyId, accessKeySecret);
}

/** This installation's secret: generated once (`fresh`), kept in the SecretStore. */
async function emulatorSecret(secrets: SecretStore): Promise<{ readonly accessKeySecret: string; readonly fresh: boolean }> {
  const stored = await secrets.get(EMULATOR_SECRET_ID);
  if (stored !== undefined) return { accessKeySecret: stored.accessKeySecret, fresh: false };
  const accessKeySecret = randomBytes(30).toString('base64url');
  await secrets.set(EMULATOR_SECRET_ID, { accessKeySecret });
  return { accessKeySecret, fresh: true };
}

/** Makes the kept account match the running emulator (a new port, or credentials made again after a lost file). */
async function alignAccount(
  options: EmbeddedEmulatorOptions,
  account: AccountView,
  url: string,
  credentials: { readonly accessKeyId: string; readonly accessKeySecret: string; readonly fresh: boolean },
): Promise<void> {
  if (account.endpoint === url && !credentials.fresh) return;
  // A saved secret only signs for the endpoint it was entered for (AccountService), so the patch names it again.
  await options.accounts.update(account.id, { endpoint: url, accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret });
  options.log.info(`Pointed the "${account.name}" account at the embedded emulator, ${url}`);
}

/**
 * Starts the emulator when an account uses it, adding the "Local emulator" account on a first start (no account at
 * all, never removed). Resolves undefined when the emulator is not wanted; rejects when it could not start.
 */
export async function startEmbeddedEmulator(options: EmbeddedEmulatorOptions): Promise<EmbeddedEmulator | undefined> {
  const stateFile = new EmbeddedEmulatorStateFile(options.dataDir);
  let state = await stateFile.load(options.now, (line) => options.log.warn(line));
  const accounts = options.accounts.list();
  const existing = localAccountOf(accounts, state);
  if (existing === undefined) {
    const removed = state.accountRemoved || state.accountId !== undefined;
    if (removed && !state.accountRemoved) await stateFile.save({ ...state, accountRemoved: true });
    // Not a first start: the user has accounts of their own, or removed the local one.
    if (removed || accounts.length > 0) return undefined;
  }

  const keyIdFresh = state.accessKeyId === undefined;
  const accessKeyId = state.accessKeyId ?? `EMU${randomBytes(10).toString('hex').toUpperCase()}`;
  const secret = await emulatorSecret(options.secrets);
  const emulator = await startOnStablePort(options, state, accessKeyId, secret.accessKeySecret);
  let accountId: string;
  try {
    if (existing === undefined) {
      const added = await options.accounts.add(
        {
          name: LOCAL_EMULATOR_ACCOUNT_NAME,
          endpoint: emulator.url,
          region: LOCAL_EMULATOR_REGION,
          buckets: [LOCAL_EMULATOR_BUCKET],
          signatureVersion: 'v4',
          addressing: 'path-style',
          accessKeyId,
          accessKeySecret: secret.accessKeySecret,
        },
        { isLocalEmulator: true },
      );
      accountId = added.id;
      options.log.info(`Added the "${LOCAL_EMULATOR_ACCOUNT_NAME}" account for the embedded emulator at ${emulator.url}`);
    } else {
      accountId = existing.id;
      await alignAccount(options, existing, emulator.url, { accessKeyId, accessKeySecret: secret.accessKeySecret, fresh: keyIdFresh || secret.fresh });
    }
    state = { port: emulator.port, accessKeyId, accountId, accountRemoved: false };
    await stateFile.save(state);
  } catch (error) {
    await emulator.close().catch(() => undefined);
    throw error;
  }
  const saved = state;
  return { emulator, accountId, secrets: [secret.accessKeySecret], markAccountRemoved: () => stateFile.save({ ...saved, accountRemoved: true }) };
}
