import { malformedResponse } from './malformed-response';
import { parseErrorResponse } from './parse-error-response';
import type { ResponseParseMeta } from './response-context';
import { parseXmlRoot, type XmlNode } from './xml-document';

/**
 * Parses the XML body of a 2xx response whose root must be `rootName`. An `<Error>` document instead is an OSS error
 * delivered with HTTP 200 (documented for CompleteMultipartUpload, oss-protocol.md §6.3; architecture.md "handle an
 * error body behind HTTP 200"): it is thrown as the OssError parseErrorResponse builds, status 200.
 */
export function parseResultDocument(xml: string, rootName: string, meta: ResponseParseMeta): XmlNode {
  const root = parseXmlRoot(xml);
  if (root.name === rootName) return root.node;
  if (root.name === 'Error') throw parseErrorResponse({ status: 200, headers: meta.headers, body: xml });
  throw malformedResponse(`expected XML root element <${rootName}>, found <${root.name}>`);
}
