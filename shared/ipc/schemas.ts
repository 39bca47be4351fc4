// One run-time validator per command of ./contract.ts (issue 5 item 2: handlers never see unvalidated input).
// Objects are `.strict()` (an extra field is refused, not silently dropped), strings and arrays are bounded. The
// mapped type of COMMAND_SCHEMAS makes a command without a schema, or a schema whose output is not the command's
// argument type, a compile error.
import { z } from 'zod';
import type { AccountDraft, AccountPatch, ConnectionTestTarget } from '../models/account';
import type { BulkAbortTarget, UploadCursor, UploadSelection } from '../models/remote-upload';
import {
  LANGUAGES,
  QUIT_BEHAVIOURS,
  SETTINGS_BOUNDS,
  START_BEHAVIOURS,
  THEMES,
  type AppSettings,
  type AppSettingsPatch,
} from './app-settings';
import { HELP_TOPICS, type UploadDestination } from './command-payloads';
import type { CommandArgs, CommandName } from './contract';
import {
  MAX_PATHS_PER_COMMAND,
  MAX_SELECTION_SIZE,
  accessKeyIdSchema,
  accessKeySecretSchema,
  accountIdSchema,
  bucketListSchema,
  bucketSchema,
  concurrencySchema,
  delimiterSchema,
  durationMsSchema,
  endpointSchema,
  expiresSecondsSchema,
  jobIdSchema,
  keyPrefixSchema,
  localPathSchema,
  nameSchema,
  objectKeySchema,
  operationIdSchema,
  pageSizeSchema,
  regionSchema,
  securityTokenSchema,
  uploadIdSchema,
} from './schema-primitives';

function boundedInt(bounds: { readonly min: number; readonly max: number }): z.ZodNumber {
  return z.number().int().min(bounds.min).max(bounds.max);
}

const settingsShape = {
  partSizeBytes: boundedInt(SETTINGS_BOUNDS.partSizeBytes),
  maxRequests: boundedInt(SETTINGS_BOUNDS.maxRequests),
  maxFiles: boundedInt(SETTINGS_BOUNDS.maxFiles),
  bandwidthBytesPerSecond: boundedInt(SETTINGS_BOUNDS.bandwidthBytesPerSecond),
  maxAttempts: boundedInt(SETTINGS_BOUNDS.maxAttempts),
  notifications: z.boolean(),
  onQuit: z.enum(QUIT_BEHAVIOURS),
  onStart: z.enum(START_BEHAVIOURS),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
};

/** A complete settings object (also how main checks the settings file it loads). */
export const settingsSchema: z.ZodType<AppSettings> = z.object(settingsShape).strict();
/** A settings update: some subset of the fields, nothing else. */
export const settingsPatchSchema: z.ZodType<AppSettingsPatch> = z.object(settingsShape).partial().strict();

const signatureVersionSchema = z.enum(['v1', 'v4']);
const addressingSchema = z.enum(['virtual-hosted', 'path-style', 'cname']);

/** A new account as typed into the form. */
export const accountDraftSchema: z.ZodType<AccountDraft> = z
  .object({
    name: nameSchema,
    endpoint: endpointSchema,
    region: regionSchema,
    buckets: bucketListSchema,
    signatureVersion: signatureVersionSchema,
    addressing: addressingSchema,
    accessKeyId: accessKeyIdSchema,
    accessKeySecret: accessKeySecretSchema,
    securityToken: securityTokenSchema.optional(),
  })
  .strict();

/** A change to an account; `securityToken: null` removes the stored token. */
export const accountPatchSchema: z.ZodType<AccountPatch> = z
  .object({
    name: nameSchema.optional(),
    endpoint: endpointSchema.optional(),
    region: regionSchema.optional(),
    buckets: bucketListSchema.optional(),
    signatureVersion: signatureVersionSchema.optional(),
    addressing: addressingSchema.optional(),
    accessKeyId: accessKeyIdSchema.optional(),
    accessKeySecret: accessKeySecretSchema.optional(),
    securityToken: z.union([securityTokenSchema, z.null()]).optional(),
  })
  .strict();

const connectionTestTargetSchema: z.ZodType<ConnectionTestTarget> = z.union([
  z.object({ accountId: accountIdSchema, patch: accountPatchSchema.optional() }).strict(),
  z.object({ draft: accountDraftSchema }).strict(),
]);

const destinationSchema: z.ZodType<UploadDestination> = z
  .object({ accountId: accountIdSchema, bucket: bucketSchema, prefix: keyPrefixSchema })
  .strict();

const jobRefSchema = z.object({ jobId: jobIdSchema }).strict();
const accountRefSchema = z.object({ accountId: accountIdSchema }).strict();
const operationRefSchema = z.object({ operationId: operationIdSchema }).strict();
const noArgs = z.undefined();

const selectionSchema: z.ZodType<UploadSelection> = z.object({ key: objectKeySchema, uploadId: uploadIdSchema }).strict();
const uploadRefShape = { accountId: accountIdSchema, bucket: bucketSchema, key: objectKeySchema, uploadId: uploadIdSchema };

const cursorSchema: z.ZodType<UploadCursor> = z
  .object({ keyMarker: keyPrefixSchema, uploadIdMarker: z.string().max(256, { abort: true }) })
  .strict();

const bulkAbortTargetSchema: z.ZodType<BulkAbortTarget> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('selection'), uploads: z.array(selectionSchema).min(1).max(MAX_SELECTION_SIZE, { abort: true }) }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      filter: z.object({ prefix: keyPrefixSchema, olderThanMs: durationMsSchema.optional() }).strict(),
    })
    .strict(),
]);

/** The argument validator of every command. */
export const COMMAND_SCHEMAS: { readonly [N in CommandName]: z.ZodType<CommandArgs<N>> } = {
  'uploads.addPaths': z
    .object({
      paths: z.array(localPathSchema).min(1).max(MAX_PATHS_PER_COMMAND, { abort: true }),
      destination: destinationSchema,
    })
    .strict(),
  'uploads.pause': jobRefSchema,
  'uploads.resume': jobRefSchema,
  'uploads.retry': jobRefSchema,
  'uploads.cancel': jobRefSchema,
  'uploads.remove': z.object({ jobId: jobIdSchema, server: z.enum(['keep', 'abort']) }).strict(),
  'uploads.pauseAll': noArgs,
  'uploads.resumeAll': noArgs,
  'uploads.clearFinished': noArgs,
  'uploads.list': noArgs,
  'uploads.getParts': jobRefSchema,

  'incomplete.browse': z
    .object({
      accountId: accountIdSchema,
      bucket: bucketSchema,
      prefix: keyPrefixSchema,
      delimiter: delimiterSchema.optional(),
      cursor: cursorSchema.optional(),
      pageSize: pageSizeSchema.optional(),
      olderThanMs: durationMsSchema.optional(),
    })
    .strict(),
  'incomplete.stats': z
    .object({
      accountId: accountIdSchema,
      bucket: bucketSchema,
      // One screen's worth: a browse page holds at most 1000 uploads.
      uploads: z.array(selectionSchema).min(1).max(1000, { abort: true }),
    })
    .strict(),
  'incomplete.inspect': z.object(uploadRefShape).strict(),
  'incomplete.abort': z.object(uploadRefShape).strict(),
  'incomplete.bulkAbort': z
    .object({
      accountId: accountIdSchema,
      bucket: bucketSchema,
      operationId: operationIdSchema,
      target: bulkAbortTargetSchema,
      dryRun: z.boolean(),
      concurrency: concurrencySchema.optional(),
    })
    .strict(),
  'incomplete.cancelBulkAbort': operationRefSchema,
  'incomplete.resumeFromServer': z.object({ ...uploadRefShape, operationId: operationIdSchema, localPath: localPathSchema }).strict(),
  'incomplete.cancelResume': operationRefSchema,

  'accounts.list': noArgs,
  'accounts.add': accountDraftSchema,
  'accounts.update': z.object({ accountId: accountIdSchema, patch: accountPatchSchema }).strict(),
  'accounts.remove': accountRefSchema,
  'accounts.test': connectionTestTargetSchema,
  'accounts.secretStorage': noArgs,

  'settings.get': noArgs,
  'settings.update': settingsPatchSchema,

  'desktop.pickFiles': z.object({ multiple: z.boolean() }).strict(),
  'desktop.pickFolder': noArgs,
  'desktop.revealFile': jobRefSchema,
  'desktop.copyLink': z.object({ jobId: jobIdSchema, expiresSeconds: expiresSecondsSchema.optional() }).strict(),
  'desktop.openHelp': z.object({ topic: z.enum(HELP_TOPICS) }).strict(),
  'desktop.grantDroppedPaths': z.object({ paths: z.array(localPathSchema).min(1).max(MAX_PATHS_PER_COMMAND, { abort: true }) }).strict(),
};
