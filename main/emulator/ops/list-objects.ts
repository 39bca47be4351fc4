// ListObjects (`GET /`) and ListObjectsV2 (`GET /?list-type=2`): enough of both to browse a bucket — prefix,
// delimiter → CommonPrefixes, max-keys (default 100, ≤ 1000), marker / start-after / continuation-token,
// encoding-type=url.
import { compareUtf8 } from '../../oss/signing/compare-utf8';
import { ossErrors } from '../emulator-error';
import type { ObjectRecord } from '../store/store-records';
import { renderXmlDocument, type XmlNode } from '../xml-builder';
import { EMULATOR_OWNER } from './bucket-info';
import { pageWithDelimiter, type DelimitedPage } from './delimited-page';
import { xmlResult, type OperationContext, type OperationHandler } from './operation-context';
import { encodingTypeArg, isoTime, pageSizeArg, stringArg, type FieldEncoder } from './request-args';

const DEFAULT_MAX_KEYS = 100;

function pageObjects(ctx: OperationContext, prefix: string, delimiter: string, marker: string, maxKeys: number): DelimitedPage<ObjectRecord> {
  return pageWithDelimiter(ctx.store.objects.list(ctx.bucket), {
    keyOf: (o) => o.key,
    prefix,
    delimiter,
    maxEntries: maxKeys,
    marker,
    isAfterMarker: (o) => marker === '' || compareUtf8(o.key, marker) > 0,
  });
}

function lastKeyOf(page: DelimitedPage<ObjectRecord>): string {
  const last = page.entries[page.entries.length - 1];
  return last === undefined ? '' : last.kind === 'item' ? last.item.key : last.prefix;
}

function entryNodes(page: DelimitedPage<ObjectRecord>, encode: FieldEncoder, withOwner: boolean): XmlNode[] {
  const contents: XmlNode[] = [];
  const prefixes: XmlNode[] = [];
  for (const entry of page.entries) {
    if (entry.kind === 'prefix') {
      prefixes.push(['CommonPrefixes', [['Prefix', encode(entry.prefix)]]]);
      continue;
    }
    const o = entry.item;
    contents.push([
      'Contents',
      [
        ['Key', encode(o.key)],
        ['LastModified', isoTime(o.lastModifiedMs)],
        ['ETag', o.etag],
        ['Type', o.objectType],
        ['Size', String(o.size)],
        ['StorageClass', 'Standard'],
        withOwner
          ? [
              'Owner',
              [
                ['ID', EMULATOR_OWNER.id],
                ['DisplayName', EMULATOR_OWNER.displayName],
              ],
            ]
          : undefined,
      ],
    ]);
  }
  return [...contents, ...prefixes];
}

/** ListObjects (version 1): `marker`, `NextMarker`. */
export const listObjects: OperationHandler = (ctx) => {
  const { encoded, encode } = encodingTypeArg(ctx.query);
  const prefix = stringArg(ctx.query, 'prefix');
  const delimiter = stringArg(ctx.query, 'delimiter');
  const marker = stringArg(ctx.query, 'marker');
  const maxKeys = pageSizeArg(ctx.query, 'max-keys', DEFAULT_MAX_KEYS);
  const page = pageObjects(ctx, prefix, delimiter, marker, maxKeys);
  return Promise.resolve(
    xmlResult(
      renderXmlDocument([
        'ListBucketResult',
        [
          ['Name', ctx.bucket],
          ['Prefix', encode(prefix)],
          ['Marker', encode(marker)],
          ['MaxKeys', String(maxKeys)],
          ['Delimiter', encode(delimiter)],
          encoded ? ['EncodingType', 'url'] : undefined,
          ['IsTruncated', String(page.truncated)],
          page.truncated ? ['NextMarker', encode(lastKeyOf(page))] : undefined,
          ...entryNodes(page, encode, true),
        ],
      ]),
    ),
  );
};

function decodeContinuationToken(token: string): string {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (key === '' || Buffer.from(key, 'utf8').toString('base64url') !== token) {
    throw ossErrors.invalidArgument('The continuation token provided is incorrect.', 'continuation-token', token);
  }
  return key;
}

/** ListObjectsV2: `start-after`, `continuation-token` (opaque: base64url of the last key returned). */
export const listObjectsV2: OperationHandler = (ctx) => {
  const { encoded, encode } = encodingTypeArg(ctx.query);
  const prefix = stringArg(ctx.query, 'prefix');
  const delimiter = stringArg(ctx.query, 'delimiter');
  const startAfter = stringArg(ctx.query, 'start-after');
  const token = ctx.query.get('continuation-token');
  const maxKeys = pageSizeArg(ctx.query, 'max-keys', DEFAULT_MAX_KEYS);
  const marker = token !== undefined && token !== '' ? decodeContinuationToken(token) : startAfter;
  const page = pageObjects(ctx, prefix, delimiter, marker, maxKeys);
  const withOwner = ctx.query.get('fetch-owner') === 'true';
  return Promise.resolve(
    xmlResult(
      renderXmlDocument([
        'ListBucketResult',
        [
          ['Name', ctx.bucket],
          ['Prefix', encode(prefix)],
          startAfter !== '' ? ['StartAfter', encode(startAfter)] : undefined,
          token !== undefined ? ['ContinuationToken', token] : undefined,
          ['MaxKeys', String(maxKeys)],
          ['Delimiter', encode(delimiter)],
          encoded ? ['EncodingType', 'url'] : undefined,
          ['IsTruncated', String(page.truncated)],
          page.truncated ? ['NextContinuationToken', Buffer.from(lastKeyOf(page), 'utf8').toString('base64url')] : undefined,
          ['KeyCount', String(page.entries.length)],
          ...entryNodes(page, encode, withOwner),
        ],
      ]),
    ),
  );
};
