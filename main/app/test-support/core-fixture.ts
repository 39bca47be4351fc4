// Builds a real AppCore for tests: a temp data folder, the harness's plaintext secret store, a recording DesktopPort
// and a log that keeps its lines. Senders are strings; only 'trusted' is the app's own window.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CommandArgs, CommandName, CommandValue, EventEnvelope } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { JobSnapshot } from '../../../shared/models/job';
import { PlaintextFileSecretStore } from '../../accounts/plaintext-file-secret-store';
import { staticCredentials } from '../../oss/credentials';
import { OssClient } from '../../oss/oss-client';
import type { AppCore, AppLog, DesktopPort } from '../app-core-types';
import { createAppCore } from '../create-app-core';
import { EMULATOR_SECRET_ID, LOCAL_EMULATOR_REGION } from '../embedded-emulator';
import { EMULATOR_STATE_FILE_NAME } from '../embedded-emulator-state';

/** The sender every fixture call uses. */
export const TRUSTED = 'trusted';

/** A DesktopPort that records what it was asked and answers from queues. */
export class RecordingDesktop implements DesktopPort {
  readonly pickAnswers: string[][] = [];
  readonly revealed: string[] = [];
  readonly copied: string[] = [];
  readonly opened: string[] = [];

  pickFiles(): Promise<readonly string[]> {
    return Promise.resolve(this.pickAnswers.shift() ?? []);
  }

  pickFolder(): Promise<readonly string[]> {
    return Promise.resolve(this.pickAnswers.shift() ?? []);
  }

  revealFile(localPath: string): Promise<void> {
    this.revealed.push(localPath);
    return Promise.resolve();
  }

  copyText(text: string): Promise<void> {
    this.copied.push(text);
    return Promise.resolve();
  }

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

/** An AppLog that keeps every line. */
export class MemoryLog implements AppLog {
  readonly lines: string[] = [];
  info(line: string): void {
    this.lines.push(`INFO ${line}`);
  }
  warn(line: string): void {
    this.lines.push(`WARN ${line}`);
  }
  error(line: string): void {
    this.lines.push(`ERROR ${line}`);
  }
}

/** A running core and what the test watches it with. */
export interface CoreFixture {
  readonly core: AppCore<string>;
  readonly desktop: RecordingDesktop;
  readonly log: AppLog;
  readonly events: EventEnvelope[];
  /** Dispatches from the trusted sender and returns the Result. */
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Result<CommandValue<N>>>;
  /** Dispatches and expects success. */
  ok<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandValue<N>>;
}

/** Starts a core on `dataDir` (the caller removes it). */
export async function startCore(
  dataDir: string,
  options: { readonly embeddedEmulator?: boolean; readonly log?: AppLog } = {},
): Promise<CoreFixture> {
  const desktop = new RecordingDesktop();
  const log = options.log ?? new MemoryLog();
  const core = await createAppCore<string>({
    dataDir,
    secretStore: await PlaintextFileSecretStore.open({ dataDir }),
    desktop,
    log,
    isTrustedSender: (sender) => sender === TRUSTED,
    embeddedEmulator: options.embeddedEmulator ?? true,
  });
  const events: EventEnvelope[] = [];
  core.events.addTarget((_channel, envelope) => events.push(envelope));
  const call = <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Result<CommandValue<N>>> =>
    // The dispatcher answers Result<unknown>; the contract ties the value to the command.
    core.dispatcher.dispatch(TRUSTED, name, args) as Promise<Result<CommandValue<N>>>;
  return {
    core,
    desktop,
    log,
    events,
    call,
    ok: async (name, args) => {
      const result = await call(name, args);
      if (!result.ok) expect.fail(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

/** The embedded emulator's AccessKey id and secret, read the way the core stores them. */
export async function embeddedCredentials(dataDir: string): Promise<{ accessKeyId: string; accessKeySecret: string }> {
  const state = JSON.parse(await readFile(join(dataDir, EMULATOR_STATE_FILE_NAME), 'utf8')) as { accessKeyId: string };
  const store = await PlaintextFileSecretStore.open({ dataDir });
  const secrets = await store.get(EMULATOR_SECRET_ID);
  if (secrets === undefined) throw new Error('no emulator secret stored');
  return { accessKeyId: state.accessKeyId, accessKeySecret: secrets.accessKeySecret };
}

/** A client for the embedded emulator with its own credentials (to check objects and make stale uploads). */
export async function embeddedClient(dataDir: string, url: string): Promise<OssClient> {
  const credentials = await embeddedCredentials(dataDir);
  return new OssClient({ endpoint: url, region: LOCAL_EMULATOR_REGION, addressing: 'path-style', signatureVersion: 'v4', credentials: staticCredentials(credentials) });
}

/** Calls an admin route of the embedded emulator (stats, faults). */
export async function emulatorAdmin(dataDir: string, url: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const { accessKeyId } = await embeddedCredentials(dataDir);
  const response = await fetch(`${url}/__emulator/${path}`, {
    method: init.method ?? 'GET',
    headers: { 'x-emulator-admin': accessKeyId, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`admin ${path}: HTTP ${response.status}`);
  return response.status === 204 ? undefined : ((await response.json()) as unknown);
}

/** Total OSS requests the embedded emulator has answered. */
export async function emulatorRequestCount(dataDir: string, url: string): Promise<number> {
  const stats = (await emulatorAdmin(dataDir, url, 'stats')) as { requests: Record<string, number> };
  return Object.values(stats.requests).reduce((a, b) => a + b, 0);
}

/** Polls uploads.list until `done` holds for the jobs (real uploads over 127.0.0.1: allow some seconds). */
export async function waitForJobs(fixture: CoreFixture, done: (jobs: readonly JobSnapshot[]) => boolean, timeoutMs = 30_000): Promise<readonly JobSnapshot[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await fixture.ok('uploads.list', undefined);
    if (done(jobs)) return jobs;
    if (Date.now() > deadline) expect.fail(`jobs did not settle: ${JSON.stringify(jobs.map((j) => [j.destination.key, j.status, j.error?.code]))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Removes a temp folder. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
