// ListMultipartUploads — `GET /?uploads` (oss-protocol.md §6.6, §12 item 11): uploads ordered by key then UploadId,
// with prefix, delimiter → CommonPrefixes, max-uploads ≤ 1000 and the key-marker / upload-id-marker rules.
import { MAX_LIST_PAGE_SIZE } from '../../../shared/limits';
import { compareUtf8 } from '../../oss/signing/compare-utf8';
import { ossErrors } from '../emulator-error';
import type { UploadRecord } from '../store/store-records';
import { renderXmlDocument, type XmlNode } from '../xml-builder';
import { pageWithDelimiter, type DelimitedPage } from './delimited-page';
import { xmlResult, type OperationHandler } from './operation-context';
import { encodingTypeArg, isoTime, pageSizeArg, stringArg } from './request-args';

/** The listing arguments. */
export interface ListUploadsArgs {
  readonly prefix: string;
  readonly delimiter: string;
  readonly keyMarker: string;
  readonly uploadIdMarker: string;
  readonly maxUploads: number;
}

/**
 * The marker rule (§6.6): upload-id-marker is ignored without key-marker; key-marker alone admits keys greater than
 * it; both admit, in addition, uploads of exactly key-marker whose UploadId is greater than upload-id-marker.
 */
export function isUploadAfterMarker(upload: UploadRecord, keyMarker: string, uploadIdMarker: string): boolean {
  if (keyMarker === '') return true;
  const byKey = compareUtf8(upload.key, keyMarker);
  if (byKey > 0) return true;
  return byKey === 0 && uploadIdMarker !== '' && compareUtf8(upload.uploadId, uploadIdMarker) > 0;
}

/** One page of uploads (pure); `sorted` must be ordered by key, then UploadId. */
export function pageUploads(sorted: readonly UploadRecord[], args: ListUploadsArgs): DelimitedPage<UploadRecord> {
  return pageWithDelimiter(sorted, {
    keyOf: (u) => u.key,
    prefix: args.prefix,
    delimiter: args.delimiter,
    maxEntries: args.maxUploads,
    marker: args.keyMarker,
    isAfterMarker: (u) => isUploadAfterMarker(u, args.keyMarker, args.uploadIdMarker),
  });
}

/** Lists a bucket's unfinished uploads. */
export const listMultipartUploads: OperationHandler = (ctx) => {
  if (ctx.credential.denyListUploads === true) {
    throw ossErrors.accessDenied('You have no right to access this object because of bucket acl.');
  }
  const { encoded, encode } = encodingTypeArg(ctx.query);
  const keyMarker = stringArg(ctx.query, 'key-marker');
  const args: ListUploadsArgs = {
    prefix: stringArg(ctx.query, 'prefix'),
    delimiter: stringArg(ctx.query, 'delimiter'),
    keyMarker,
    uploadIdMarker: keyMarker === '' ? '' : stringArg(ctx.query, 'upload-id-marker'),
    maxUploads: pageSizeArg(ctx.query, 'max-uploads', MAX_LIST_PAGE_SIZE),
  };
  const page = pageUploads(ctx.store.uploads.list(ctx.bucket), args);
  const last = page.entries[page.entries.length - 1];
  const nextKeyMarker = last === undefined ? '' : last.kind === 'item' ? last.item.key : last.prefix;
  const nextUploadIdMarker = last?.kind === 'item' ? last.item.uploadId : '';

  // Uploads first, then CommonPrefixes, each in listing order (the shape of the §6.6 sample).
  const uploads: XmlNode[] = [];
  const prefixes: XmlNode[] = [];
  for (const entry of page.entries) {
    if (entry.kind === 'prefix') {
      prefixes.push(['CommonPrefixes', [['Prefix', encode(entry.prefix)]]]);
      continue;
    }
    uploads.push([
      'Upload',
      [
        ['Key', encode(entry.item.key)],
        ['UploadId', entry.item.uploadId],
        ['StorageClass', entry.item.storageClass],
        ['Initiated', isoTime(entry.item.initiatedMs)],
      ],
    ]);
  }
  return Promise.resolve(
    xmlResult(
      renderXmlDocument([
        'ListMultipartUploadsResult',
        [
          encoded ? ['EncodingType', 'url'] : undefined,
          ['Bucket', ctx.bucket],
          ['KeyMarker', encode(args.keyMarker)],
          ['UploadIdMarker', args.uploadIdMarker],
          ['NextKeyMarker', encode(nextKeyMarker)],
          ['NextUploadIdMarker', nextUploadIdMarker],
          ['Delimiter', encode(args.delimiter)],
          ['Prefix', encode(args.prefix)],
          ['MaxUploads', String(args.maxUploads)],
          ['IsTruncated', String(page.truncated)],
          ...uploads,
          ...prefixes,
        ],
      ]),
    ),
  );
};
