// The options `put` and `resume` share: where the journal lives and how hard to push (parallelism, bandwidth,
// retries), turned into the engine's settings. Ranges are the engine's own (engine-settings.ts), so the CLI and the
// app accept exactly the same values.
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PART_SIZE_BYTES } from '../../shared/limits';
import {
  DEFAULT_ENGINE_SETTINGS,
  InvalidSettingsError,
  resolveEngineSettings,
  type EngineSettings,
} from '../uploads/engine-settings';
import { parseBytesPerSecond, parseSize } from './parse-size';
import { UsageError } from './usage-error';

/** Transfer options as commander hands them over. */
export interface TransferFlags {
  readonly stateDir?: string | undefined;
  readonly partSize?: number | undefined;
  readonly parallel?: number | undefined;
  readonly parallelFiles?: number | undefined;
  readonly bandwidth?: number | undefined;
  readonly retries?: number | undefined;
}

/** Where jobs are journaled unless --state-dir says otherwise (relative to the home directory). */
export const DEFAULT_STATE_DIR_PARTS = ['.oss-upload', 'state'] as const;

function commanderParser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) throw new Error(`expected a whole number ≥ 1, not ${JSON.stringify(text)}`);
  return value;
}

/** Adds --state-dir, --parallel, --parallel-files, --bandwidth, --retries (and --part-size when asked) to `command`. */
export function addTransferOptions(command: Command, options: { readonly partSize: boolean }): Command {
  if (options.partSize) {
    command.addOption(
      new Option('--part-size <size>', 'part size, 100KB to 5GB (raised if a file would need more than 10,000 parts)')
        .argParser(commanderParser(parseSize))
        .default(DEFAULT_PART_SIZE_BYTES, '8MiB'),
    );
  }
  return command
    .addOption(new Option('--parallel <n>', 'requests in flight over all files').argParser(commanderParser(positiveInteger)).default(DEFAULT_ENGINE_SETTINGS.maxRequests))
    .addOption(new Option('--parallel-files <n>', 'files uploading at once').argParser(commanderParser(positiveInteger)).default(DEFAULT_ENGINE_SETTINGS.maxFiles))
    .addOption(new Option('--bandwidth <rate>', 'total upload limit, e.g. 10MiB/s').argParser(commanderParser(parseBytesPerSecond)).default(0, 'unlimited'))
    .addOption(new Option('--retries <n>', 'attempts per request before a file fails').argParser(commanderParser(positiveInteger)).default(DEFAULT_ENGINE_SETTINGS.retry.maxAttempts))
    .addOption(new Option('--state-dir <dir>', 'where unfinished uploads are journaled for resuming (default: ~/.oss-upload/state)'));
}

/** The engine settings the flags ask for; throws UsageError for a value out of the engine's range. */
export function engineSettingsFrom(flags: TransferFlags): EngineSettings {
  try {
    return resolveEngineSettings(DEFAULT_ENGINE_SETTINGS, {
      partSizeBytes: flags.partSize,
      maxRequests: flags.parallel,
      maxFiles: flags.parallelFiles,
      bandwidthBytesPerSecond: flags.bandwidth,
      retry: flags.retries === undefined ? undefined : { maxAttempts: flags.retries },
    });
  } catch (error) {
    if (!(error instanceof InvalidSettingsError)) throw error;
    const option = { partSizeBytes: '--part-size', maxRequests: '--parallel', maxFiles: '--parallel-files', 'retry.maxAttempts': '--retries' }[error.field];
    throw new UsageError(option === undefined ? error.message : `${option}: ${error.message.slice(error.field.length + 2)}`);
  }
}

/** The absolute state directory: --state-dir (relative to `cwd`), else ~/.oss-upload/state. */
export function stateDirFrom(flags: TransferFlags, cwd: string, homeDir: string): string {
  const given = flags.stateDir;
  if (given === undefined || given.trim() === '') return join(homeDir, ...DEFAULT_STATE_DIR_PARTS);
  const expanded = given === '~' || given.startsWith('~/') ? join(homeDir, given.slice(1)) : given;
  return resolve(cwd, expanded);
}
