// The CompleteMultipartUpload request body (oss-protocol.md §6.3): `<CompleteMultipartUpload>` with `<Part>` elements
// of `<PartNumber>` and `<ETag>`. Anything else is MalformedXML.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ossErrors } from '../emulator-error';

/** A part as the client listed it. */
export interface RequestedPart {
  readonly partNumber: number;
  readonly etag: string;
}

// Entities are decoded below rather than by the parser: its built-in option handles only the five named ones, and gov2
// writes the ETag quotes as `&#34;` (§6.3), a numeric reference.
const parser = new XMLParser({
  parseTagValue: false,
  processEntities: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  isArray: (name) => name === 'Part',
});

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML named entities and numeric character references; anything else stays as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the body; throws MalformedXML when it is not well-formed (the parser alone accepts a truncated document,
 * which would silently drop parts, hence the validator), has another root, no parts, or a part without a decimal
 * PartNumber or an ETag.
 */
export function parseCompleteRequest(text: string): RequestedPart[] {
  // XMLValidator is marked deprecated in favour of a separate package that is not a dependency here; it still works.
  if (text.trim() === '' || XMLValidator.validate(text) !== true) throw ossErrors.malformedXml();
  const doc: unknown = parser.parse(text);
  const root = isRecord(doc) ? doc['CompleteMultipartUpload'] : undefined;
  if (!isRecord(root)) throw ossErrors.malformedXml();
  const parts = root['Part'];
  if (!Array.isArray(parts) || parts.length === 0) throw ossErrors.malformedXml();
  return parts.map((part: unknown) => {
    if (!isRecord(part)) throw ossErrors.malformedXml();
    const number = part['PartNumber'];
    const etag = part['ETag'];
    if (typeof number !== 'string' || !/^\d{1,9}$/.test(number.trim()) || typeof etag !== 'string') {
      throw ossErrors.malformedXml();
    }
    return { partNumber: Number(number.trim()), etag: decodeXmlEntities(etag.trim()) };
  });
}
