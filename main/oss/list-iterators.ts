// Every page of ListParts and ListMultipartUploads, following the documented marker rules (oss-protocol.md §6.5,
// §6.6), and refusing to loop when a server says "truncated" without moving its markers forward.
import type { ListMultipartUploadsArgs, ListPartsArgs } from './oss-client-multipart';
import type { ListPartsPage, ListUploadsPage } from './oss-types';
import { malformedResponse } from './responses/malformed-response';

/** What {@link listAllParts} needs of a client (an OssClient, or a fake in tests). */
export interface PartsLister {
  listParts(args: ListPartsArgs): Promise<ListPartsPage>;
}

/** What {@link listAllMultipartUploads} needs of a client. */
export interface UploadsLister {
  listMultipartUploads(args: ListMultipartUploadsArgs): Promise<ListUploadsPage>;
}

/**
 * Yields every page of an upload's parts. The next page starts at `part-number-marker = NextPartNumberMarker`
 * (parts strictly greater, §6.5). A truncated page whose NextPartNumberMarker does not exceed the marker sent would
 * repeat forever: that is a MalformedResponse.
 */
export async function* listAllParts(client: PartsLister, args: ListPartsArgs): AsyncGenerator<ListPartsPage, void, undefined> {
  let marker = args.partNumberMarker;
  for (;;) {
    const page = await client.listParts({ ...args, partNumberMarker: marker });
    yield page;
    if (!page.isTruncated) return;
    if (page.nextPartNumberMarker <= (marker ?? 0)) {
      throw malformedResponse(
        `ListParts is truncated but NextPartNumberMarker ${page.nextPartNumberMarker} does not advance past ${marker ?? 0}`,
        { status: 200, requestId: page.requestId || undefined },
      );
    }
    marker = page.nextPartNumberMarker;
  }
}

/**
 * Yields every page of a bucket's unfinished uploads. The next page starts at `key-marker = NextKeyMarker` plus
 * `upload-id-marker = NextUploadIdMarker` (§6.6), so several uploads of one key split across pages are all listed.
 * A truncated page that hands back a marker pair already used would loop: that is a MalformedResponse. (Server key
 * order is not assumed here, only that markers never repeat.)
 */
export async function* listAllMultipartUploads(
  client: UploadsLister,
  args: ListMultipartUploadsArgs,
): AsyncGenerator<ListUploadsPage, void, undefined> {
  let keyMarker = args.keyMarker ?? '';
  let uploadIdMarker = args.uploadIdMarker ?? '';
  const used = new Set<string>([JSON.stringify([keyMarker, uploadIdMarker])]);
  for (;;) {
    const page = await client.listMultipartUploads({ ...args, keyMarker, uploadIdMarker });
    yield page;
    if (!page.isTruncated) return;
    const next = JSON.stringify([page.nextKeyMarker, page.nextUploadIdMarker]);
    if (page.nextKeyMarker === '' || used.has(next)) {
      throw malformedResponse(
        'ListMultipartUploads is truncated but its NextKeyMarker/NextUploadIdMarker do not advance',
        { status: 200, requestId: page.requestId || undefined },
      );
    }
    used.add(next);
    keyMarker = page.nextKeyMarker;
    uploadIdMarker = page.nextUploadIdMarker;
  }
}
