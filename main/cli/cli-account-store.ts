// The accounts of a CLI state directory: for each account id the jobs there name, how to reach it (endpoint, region,
// addressing, signature version), so that `oss-upload resume --state-dir DIR` can continue jobs of any endpoint
// (issue 3 item 10). Never credentials: those come from the environment or flags on every run.
//
// File name: `oss-upload.accounts.json`, with a dot in its stem so the job journal, which owns `<jobId>.json` files
// in the same directory, never mistakes it for (and sets aside as corrupt) a job record.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { EndpointSettings } from './connection-options';
import { errnoCode } from '../errno-code';

/** File holding the accounts, inside the state directory. */
export const ACCOUNTS_FILE_NAME = 'oss-upload.accounts.json';

const settingsSchema = z.object({
  endpoint: z.string().min(1),
  region: z.string().min(1),
  addressing: z.enum(['virtual-hosted', 'path-style', 'cname']).nullable(),
  signatureVersion: z.enum(['v1', 'v4']),
});

const fileSchema = z.object({ version: z.literal(1), accounts: z.record(z.string(), settingsSchema) });

/**
 * The account id of some endpoint settings: the same settings always give the same id, so re-running a `put`
 * finds the jobs it journaled before. A hash keeps ids short and file-name safe.
 */
export function accountIdOf(settings: EndpointSettings): string {
  const identity = JSON.stringify([settings.endpoint, settings.region, settings.addressing ?? '', settings.signatureVersion]);
  return `cli-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

/** Reads the accounts of a state directory; a missing file is no accounts, an invalid one an Error saying where. */
export async function loadAccounts(stateDir: string): Promise<Map<string, EndpointSettings>> {
  const path = join(stateDir, ACCOUNTS_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text) as unknown);
  } catch (error) {
    const why = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    throw new Error(`${path} is not a valid accounts file (${why}); delete it and re-run with --endpoint and --region`);
  }
  const accounts = new Map<string, EndpointSettings>();
  for (const [id, settings] of Object.entries(parsed.accounts)) {
    accounts.set(id, { ...settings, addressing: settings.addressing ?? undefined });
  }
  return accounts;
}

/** Adds (or refreshes) one account in the state directory, atomically; returns its id. */
export async function saveAccount(stateDir: string, settings: EndpointSettings): Promise<string> {
  const id = accountIdOf(settings);
  const accounts = await loadAccounts(stateDir);
  accounts.set(id, settings);
  const file: z.infer<typeof fileSchema> = {
    version: 1,
    accounts: Object.fromEntries(
      [...accounts].map(([accountId, s]) => [
        accountId,
        { endpoint: s.endpoint, region: s.region, addressing: s.addressing ?? null, signatureVersion: s.signatureVersion },
      ]),
    ),
  };
  await writeFileAtomic(join(stateDir, ACCOUNTS_FILE_NAME), `${JSON.stringify(file, null, 2)}\n`, { fsync: true });
  return id;
}
