import type { EntityDecoderOptions } from 'fast-xml-parser';
import { malformedResponse } from './malformed-response';

// XML 1.0 §4.6: the five predefined entities. OSS never declares others (it URL-encodes awkward keys instead,
// oss-protocol.md §6.7), so anything else is a malformed document.
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// One reference: `&#x22;`, `&#34;` or `&name;`. Group 4 catches a bare `&` or a reference without its `;`.
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,8});|#([0-9]{1,10});|([A-Za-z_][A-Za-z0-9._-]*);|())/g;

/** True for code points XML 1.0 allows as characters (§2.2 `Char`); references to others are errors. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function fromReference(codePoint: number, reference: string): string {
  if (!isXmlChar(codePoint)) throw malformedResponse(`XML character reference ${reference} is not a legal XML character`);
  return String.fromCodePoint(codePoint);
}

/**
 * Decodes the predefined entities and numeric character references of XML text (`&quot;` and `&#34;` both occur in
 * ETags: gov2 escapes quotes as `&#34;`, oss-protocol.md §6.3). Throws MalformedResponse on anything else.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference: string, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return fromReference(Number.parseInt(hex, 16), reference);
    if (decimal !== undefined) return fromReference(Number.parseInt(decimal, 10), reference);
    if (name !== undefined) {
      const value = PREDEFINED[name];
      if (value === undefined) throw malformedResponse(`unknown XML entity &${name};`);
      return value;
    }
    throw malformedResponse('XML text contains a bare "&"');
  });
}

/**
 * fast-xml-parser entity hook: only the predefined entities and character references are decoded. Entities declared
 * in a DOCTYPE are ignored on purpose (OSS never sends one; expanding them invites "billion laughs"), so a reference to
 * one fails as unknown.
 */
export const xmlEntityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: decodeXmlEntities,
};
