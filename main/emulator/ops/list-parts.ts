// ListParts — `GET /<key>?uploadId=ID` (oss-protocol.md §6.5, §12 item 11): parts in ascending number after
// `part-number-marker` (strictly greater), at most `max-parts` (≤ 1000), with NextPartNumberMarker for paging.
import { MAX_LIST_PAGE_SIZE } from '../../../shared/limits';
import { ossErrors } from '../emulator-error';
import { quotedEtag, type PartRecord } from '../store/store-records';
import { renderXmlDocument, type XmlNode } from '../xml-builder';
import { xmlResult, type OperationHandler } from './operation-context';
import { encodingTypeArg, isoTime, nonNegativeIntArg, pageSizeArg } from './request-args';

/** One page of parts. */
export interface PartsPage {
  readonly parts: readonly PartRecord[];
  readonly truncated: boolean;
  readonly nextMarker: number;
}

/** Parts numbered above `marker`, at most `max` of them (pure). */
export function pagePartsAfter(all: Iterable<PartRecord>, marker: number, max: number): PartsPage {
  const after = [...all].filter((p) => p.partNumber > marker).sort((a, b) => a.partNumber - b.partNumber);
  const parts = after.slice(0, max);
  const last = parts[parts.length - 1];
  return { parts, truncated: after.length > max, nextMarker: last === undefined ? marker : last.partNumber };
}

function partNode(part: PartRecord): XmlNode {
  return [
    'Part',
    [
      ['PartNumber', String(part.partNumber)],
      ['LastModified', isoTime(part.lastModifiedMs)],
      ['ETag', quotedEtag(part.md5Hex)],
      ['HashCrc64ecma', part.crc64],
      ['Size', String(part.size)],
    ],
  ];
}

/** Lists an upload's parts. */
export const listParts: OperationHandler = (ctx) => {
  const uploadId = ctx.query.get('uploadId') ?? '';
  const { encoded, encode } = encodingTypeArg(ctx.query);
  const maxParts = pageSizeArg(ctx.query, 'max-parts', MAX_LIST_PAGE_SIZE);
  const marker = nonNegativeIntArg(ctx.query, 'part-number-marker', 0);
  const state = ctx.store.uploads.get(ctx.bucket, uploadId);
  if (state === undefined || state.record.key !== ctx.key) throw ossErrors.noSuchUpload(uploadId);
  const page = pagePartsAfter(state.parts.values(), marker, maxParts);
  return Promise.resolve(
    xmlResult(
      renderXmlDocument([
        'ListPartsResult',
        [
          encoded ? ['EncodingType', 'url'] : undefined,
          ['Bucket', ctx.bucket],
          ['Key', encode(ctx.key)],
          ['UploadId', uploadId],
          ['StorageClass', state.record.storageClass],
          ['PartNumberMarker', String(marker)],
          ['NextPartNumberMarker', String(page.nextMarker)],
          ['MaxParts', String(maxParts)],
          ['IsTruncated', String(page.truncated)],
          ...page.parts.map(partNode),
        ],
      ]),
    ),
  );
};
