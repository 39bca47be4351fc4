import { malformedResponse, quoteForMessage } from './malformed-response';
import { readText } from './xml-accessors';
import type { XmlNode } from './xml-document';

/** Decodes one field of an `encoding-type=url` response; `what` names it in the error. */
export type UrlFieldDecoder = (value: string, what: string) => string;

/**
 * Decodes a URL-encoded response field with decodeURIComponent: OSS writes space as `%20` and `+` as `%2B`, so a `+`
 * is a literal plus, never a space (oss-protocol.md §6.7). A malformed escape throws MalformedResponse.
 */
export function decodeUrlField(value: string, what: string): string {
  try {
    return decodeURIComponent(value);
  } catch (error) {
    throw malformedResponse(`${what} has a malformed URL escape: ${quoteForMessage(value)}`, { cause: error });
  }
}

const identity: UrlFieldDecoder = (value) => value;

/**
 * The decoder for the fields §6.7 lists: decodeUrlField when the root says `<EncodingType>url</EncodingType>`, the
 * identity otherwise (the server encodes only when asked, so decoding unasked would corrupt keys containing `%`).
 */
export function urlFieldDecoderFor(root: XmlNode): UrlFieldDecoder {
  return readText(root, 'EncodingType')?.trim().toLowerCase() === 'url' ? decodeUrlField : identity;
}
