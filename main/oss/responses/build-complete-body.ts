import { MAX_PART_COUNT } from '../../../shared/limits';
import { OssError } from '../oss-error';
import type { CompletedPart } from '../oss-types';

function invalidArgument(message: string): OssError {
  return new OssError({ code: 'InvalidArgument', status: 0, message, retryable: false });
}

// Characters XML 1.0 cannot carry at all (§2.2); an ETag holding one did not come from OSS.
const NON_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

// Element text needs only `&` and `<` escaped (and `>` for `]]>`); quotes stay raw, as alioss writes them and as the
// 181-byte fixture of oss-protocol.md §5 has them (gov2's `&#34;` is equivalent XML, §6.3).
function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Builds the CompleteMultipartUpload request body (oss-protocol.md §6.3): parts sorted by ascending part number
 * (OSS rejects any other order with InvalidPartOrder), ETags verbatim (quotes included) and XML-escaped. Throws
 * InvalidArgument for an empty list, a part number outside 1..10000, a duplicate number or an unusable ETag.
 */
export function buildCompleteMultipartUploadBody(parts: readonly CompletedPart[]): string {
  if (parts.length === 0) throw invalidArgument('CompleteMultipartUpload needs at least one part');
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<CompleteMultipartUpload>'];
  let previous = 0;
  for (const part of sorted) {
    const { partNumber, etag } = part;
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_COUNT) {
      throw invalidArgument(`part number ${String(partNumber)} is outside 1..${MAX_PART_COUNT}`);
    }
    // alioss silently de-duplicates; two different ETags for one number mean the caller's bookkeeping is wrong.
    if (partNumber === previous) throw invalidArgument(`part number ${partNumber} is listed twice`);
    if (etag === '' || NON_XML_CHAR.test(etag)) throw invalidArgument(`part ${partNumber} has an unusable ETag`);
    previous = partNumber;
    lines.push('<Part>', `<PartNumber>${partNumber}</PartNumber>`, `<ETag>${escapeXmlText(etag)}</ETag>`, '</Part>');
  }
  lines.push('</CompleteMultipartUpload>');
  return lines.join('\n');
}
