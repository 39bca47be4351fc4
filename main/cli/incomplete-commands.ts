// `oss-upload uploads | parts | abort | resume-remote` (issue 4 item 7): the command-line front end to the
// incomplete-upload manager. The root program owns the endpoint and credential options it shares with `put`
// (--endpoint --region --path-style --sign, OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET / OSS_SESSION_TOKEN) and hands
// in a client factory; these commands parse their own arguments, print, and set process.exitCode: 0 done, 1 an OSS
// operation or an item failed, 2 bad usage. They never call process.exit, so the root can clean up.
import type { Command } from 'commander';
import type { AbortItemResult, AbortTarget, BulkAbortTarget, RemoteUpload, UploadCursor } from '../../shared/models/remote-upload';
import { MAX_BULK_ABORT_CONCURRENCY } from '../incomplete/bulk-abort';
import type { IncompleteClient } from '../incomplete/incomplete-client';
import { IncompleteUploadManager } from '../incomplete/incomplete-upload-manager';
import { isListUploadsDenied } from '../incomplete/list-uploads-denied';
import { isOssError } from '../oss/oss-error';
import { describeOssError } from '../oss/responses/describe-oss-error';
import { parseDuration } from './parse-duration';
import { parseOssObjectUrl, parseOssUrl, type OssUrl } from './parse-oss-url';
import { EXIT_CODES, UsageError } from './usage-error';

/** Where output goes (process.stdout / process.stderr, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
}

/** A client these commands can use and must close. */
export type ClosableIncompleteClient = IncompleteClient & { close(): Promise<void> };

/** What the root program provides. */
export interface IncompleteCommandDeps {
  /** Builds the client from the command's options merged with the root's (`optsWithGlobals()`); may throw on bad options. */
  makeClient(options: Readonly<Record<string, unknown>>): ClosableIncompleteClient;
  /** Adds the shared endpoint/credential options to a subcommand, when the root keeps them per command. */
  addConnectionOptions?: ((command: Command) => void) | undefined;
  /** Builds the manager around the client; default a manager with no local ownership (no engine runs here). */
  makeManager?: ((client: IncompleteClient, now: () => number) => IncompleteUploadManager) | undefined;
  /** Cancels a running bulk abort or resume (the root wires Ctrl-C to it). */
  signal?: AbortSignal | undefined;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly now: () => number;
}

function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseConcurrency(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_BULK_ABORT_CONCURRENCY) {
    throw new UsageError(`--concurrency must be 1..${MAX_BULK_ABORT_CONCURRENCY}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function reportError(error: unknown, deps: IncompleteCommandDeps): void {
  if (error instanceof UsageError) {
    deps.stderr.write(`error: ${error.message}\n`);
    process.exitCode = EXIT_CODES.usage;
    return;
  }
  process.exitCode = EXIT_CODES.failed;
  if (!isOssError(error)) {
    deps.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return;
  }
  const requestId = error.requestId === undefined ? '' : ` (request id ${error.requestId})`;
  deps.stderr.write(`error: ${error.code}: ${error.message}${requestId}\n`);
  if (!isListUploadsDenied(error)) deps.stderr.write(`hint: ${describeOssError(error, deps.now).advice}\n`);
}

/** Runs one command: builds client and manager, reports errors, always closes the client. */
async function runWithManager(
  deps: IncompleteCommandDeps,
  command: Command,
  action: (manager: IncompleteUploadManager) => Promise<void>,
): Promise<void> {
  let client: ClosableIncompleteClient | undefined;
  try {
    const built = usage(() => deps.makeClient(command.optsWithGlobals()));
    client = built;
    const manager = deps.makeManager?.(built, deps.now) ?? new IncompleteUploadManager({ clients: () => built, now: deps.now });
    await action(manager);
  } catch (error) {
    reportError(error, deps);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

function uploadLine(upload: RemoteUpload): string {
  return `${upload.key}\t${upload.uploadId}\t${upload.initiated}\n`;
}

function itemLine(item: AbortItemResult): string {
  const where = `${item.key}\t${item.uploadId}`;
  switch (item.outcome) {
    case 'aborted':
      return `aborted\t${where}${item.viaJobId === undefined ? '' : `\tvia job ${item.viaJobId}`}\n`;
    case 'alreadyGone':
      return `already-gone\t${where}\n`;
    case 'failed': {
      const requestId = item.error.requestId === undefined ? '' : ` (request id ${item.error.requestId})`;
      return `failed\t${where}\t${item.error.code}: ${item.error.message}${requestId}\n`;
    }
  }
}

function previewLine(target: AbortTarget): string {
  return `would-abort\t${target.key}\t${target.uploadId}${target.initiated === undefined ? '' : `\t${target.initiated}`}\n`;
}

interface UploadsOptions {
  readonly delimiter?: string;
  readonly olderThan?: string;
  readonly json?: boolean;
}

async function listUploads(manager: IncompleteUploadManager, url: OssUrl, options: UploadsOptions, deps: IncompleteCommandDeps): Promise<void> {
  const olderThanMs = options.olderThan === undefined ? undefined : usage(() => parseDuration(options.olderThan ?? ''));
  const uploads: RemoteUpload[] = [];
  const folders: string[] = [];
  let cursor: UploadCursor | undefined;
  do {
    const page = await manager.browseUploads({ bucket: url.bucket, prefix: url.key, delimiter: options.delimiter, cursor, olderThanMs });
    if (options.json === true) {
      uploads.push(...page.uploads);
      folders.push(...page.folders);
    } else {
      // Printed page by page, so a bucket with a million uploads streams instead of waiting for the last page.
      for (const folder of page.folders) deps.stdout.write(`PRE\t${folder}\n`);
      for (const upload of page.uploads) deps.stdout.write(uploadLine(upload));
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  if (options.json === true) deps.stdout.write(`${JSON.stringify({ bucket: url.bucket, prefix: url.key, uploads, folders })}\n`);
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

async function listParts(manager: IncompleteUploadManager, url: OssUrl, options: { uploadId?: string; json?: boolean }, deps: IncompleteCommandDeps): Promise<void> {
  const uploadId = required(options.uploadId, '--upload-id ID');
  const details = await manager.inspectUpload({ bucket: url.bucket, key: url.key, uploadId }, deps.signal);
  if (options.json === true) {
    deps.stdout.write(`${JSON.stringify(details)}\n`);
    return;
  }
  for (const part of details.parts) {
    deps.stdout.write(`${part.partNumber}\t${part.sizeBytes}\t${part.etag}\t${part.crc64 ?? '-'}\t${part.lastModified}\n`);
  }
  deps.stdout.write(`${details.partCount} parts, ${details.bytesStored} bytes stored\n`);
}

interface AbortOptions {
  readonly uploadId?: string;
  readonly all?: boolean;
  readonly olderThan?: string;
  readonly dryRun?: boolean;
  readonly concurrency?: string;
  readonly json?: boolean;
}

function abortTargetOf(urlText: string, options: AbortOptions): { bucket: string; target: BulkAbortTarget } {
  if ((options.uploadId === undefined) === (options.all !== true)) throw new UsageError('give either --upload-id ID or --all');
  if (options.uploadId !== undefined) {
    if (options.olderThan !== undefined) throw new UsageError('--older-than goes with --all, not --upload-id');
    const url = usage(() => parseOssObjectUrl(urlText));
    return { bucket: url.bucket, target: { kind: 'selection', uploads: [{ key: url.key, uploadId: options.uploadId }] } };
  }
  const url = usage(() => parseOssUrl(urlText));
  const olderThanMs = options.olderThan === undefined ? undefined : usage(() => parseDuration(options.olderThan ?? ''));
  return { bucket: url.bucket, target: { kind: 'filter', filter: { prefix: url.key, olderThanMs } } };
}

async function abortUploads(manager: IncompleteUploadManager, urlText: string, options: AbortOptions, deps: IncompleteCommandDeps): Promise<void> {
  const { bucket, target } = abortTargetOf(urlText, options);
  const concurrency = options.concurrency === undefined ? undefined : parseConcurrency(options.concurrency);
  const json = options.json === true;
  if (options.dryRun === true) {
    const targets = await manager.previewBulkAbort({ bucket, target }, deps.signal);
    if (json) deps.stdout.write(`${JSON.stringify({ dryRun: true, targets, summary: { total: targets.length } })}\n`);
    else {
      for (const t of targets) deps.stdout.write(previewLine(t));
      deps.stdout.write(`${targets.length} uploads would be aborted (dry run: nothing was changed)\n`);
    }
    return;
  }
  const result = await manager.bulkAbort(
    { bucket, target },
    { concurrency, signal: deps.signal, onProgress: json ? undefined : ({ item }) => deps.stdout.write(itemLine(item)) },
  );
  const { summary } = result;
  if (json) deps.stdout.write(`${JSON.stringify({ dryRun: false, ...result })}\n`);
  else {
    const canceled = result.canceled ? ', canceled' : '';
    deps.stdout.write(
      `${summary.aborted} aborted, ${summary.alreadyGone} already gone, ${summary.failed} failed, ` +
        `${summary.notAttempted} not attempted (of ${summary.total})${canceled}\n`,
    );
  }
  if (summary.failed > 0 || result.canceled) process.exitCode = EXIT_CODES.failed;
}

async function resumeRemote(
  manager: IncompleteUploadManager,
  urlText: string,
  options: { uploadId?: string; file?: string; json?: boolean },
  deps: IncompleteCommandDeps,
): Promise<void> {
  const url = usage(() => parseOssObjectUrl(urlText));
  const uploadId = required(options.uploadId, '--upload-id ID');
  const filePath = required(options.file, '--file PATH');
  let lastPhase = '';
  const result = await manager.resumeFromServer({
    bucket: url.bucket,
    key: url.key,
    uploadId,
    filePath,
    signal: deps.signal,
    // One line per phase on stderr, so stdout holds only the result.
    onProgress: (progress) => {
      if (progress.phase !== lastPhase) deps.stderr.write(`${progress.phase}…\n`);
      lastPhase = progress.phase;
    },
  });
  if (options.json === true) deps.stdout.write(`${JSON.stringify(result)}\n`);
  if (result.outcome !== 'completed') {
    deps.stderr.write(`${result.outcome === 'refused' ? 'refused' : 'error'}: ${result.message}\n`);
    process.exitCode = EXIT_CODES.failed;
    return;
  }
  if (options.json !== true) {
    const check = result.verified ? `CRC-64 ${result.crc64} verified` : 'not verified: the server reported no CRC-64';
    deps.stdout.write(
      `completed oss://${url.bucket}/${url.key}: kept ${result.partsKept} parts, sent ${result.partsSent} parts ` +
        `(${result.bytesSent} bytes); ${check}\n`,
    );
  }
}

/** Adds `uploads`, `parts`, `abort` and `resume-remote` to the root program (run it with parseAsync). */
export function registerIncompleteCommands(program: Command, deps: IncompleteCommandDeps): void {
  const add = (name: string): Command => {
    const command = program.command(name);
    deps.addConnectionOptions?.(command);
    return command;
  };
  add('uploads')
    .description('list incomplete multipart uploads (key, uploadId, initiated), following every page')
    .argument('<url>', 'oss://BUCKET/[PREFIX]')
    .option('--delimiter <delimiter>', 'group keys into folders (printed as PRE lines), e.g. /')
    .option('--older-than <duration>', 'only uploads initiated at least this long ago: 7d, 12h, 30m, 90s')
    .option('--json', 'print one JSON document')
    .action((url: string, options: UploadsOptions, command: Command) =>
      runWithManager(deps, command, (manager) => listUploads(manager, usage(() => parseOssUrl(url)), options, deps)),
    );
  add('parts')
    .description('list every part of an incomplete upload, with totals')
    .argument('<url>', 'oss://BUCKET/KEY')
    .option('--upload-id <id>', 'the upload (required)')
    .option('--json', 'print one JSON document')
    .action((url: string, options: { uploadId?: string; json?: boolean }, command: Command) =>
      runWithManager(deps, command, (manager) => listParts(manager, usage(() => parseOssObjectUrl(url)), options, deps)),
    );
  add('abort')
    .description('abort one upload (--upload-id) or every upload under a prefix (--all); exit 1 if any item failed')
    .argument('<url>', 'oss://BUCKET/KEY with --upload-id, oss://BUCKET/[PREFIX] with --all')
    .option('--upload-id <id>', 'abort this upload')
    .option('--all', 'abort every upload under the prefix')
    .option('--older-than <duration>', 'with --all: only uploads initiated at least this long ago (7d, 12h, 30m, 90s)')
    .option('--dry-run', 'list what would be aborted, change nothing')
    .option('--concurrency <n>', 'aborts in flight, 1..64 (default 16)')
    .option('--json', 'print one JSON document')
    .action((url: string, options: AbortOptions, command: Command) =>
      runWithManager(deps, command, (manager) => abortUploads(manager, url, options, deps)),
    );
  add('resume-remote')
    .description('finish an incomplete upload from the parts on the server and a local file')
    .argument('<url>', 'oss://BUCKET/KEY')
    .option('--upload-id <id>', 'the upload (required)')
    .option('--file <path>', 'the local file the upload was made from (required)')
    .option('--json', 'print the result as JSON')
    .action((url: string, options: { uploadId?: string; file?: string; json?: boolean }, command: Command) =>
      runWithManager(deps, command, (manager) => resumeRemote(manager, url, options, deps)),
    );
}
