import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { malformedResponse } from './malformed-response';
import { xmlEntityDecoder } from './xml-entities';

/** A parsed element: its text when it has no child elements, otherwise its children. */
export type XmlElement = string | XmlNode;

/**
 * The child elements of one element, by local name (namespace prefixes removed). A name that repeats, or one of
 * ALWAYS_ARRAY, maps to an array. Values are always strings: nothing is parsed as a number or boolean.
 */
export interface XmlNode {
  readonly [childName: string]: XmlElement | readonly XmlElement[] | undefined;
}

/** A parsed document: the root element's local name and its children. */
export interface XmlRoot {
  readonly name: string;
  readonly node: XmlNode;
}

/** Key under which an element keeps text that sits beside child elements (mixed content, never sent by OSS). */
export const MIXED_TEXT_KEY = '#text';

// oss-protocol.md §11: fast-xml-parser returns a lone <Part> as an object; these must always be arrays.
const ALWAYS_ARRAY: ReadonlySet<string> = new Set(['Part', 'Upload', 'CommonPrefixes', 'Contents']);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true, // `<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">` (oss-protocol.md §8.1)
  parseTagValue: false, // ETag, UploadId, Key, PartNumber, HashCrc64ecma stay strings ("00123", "1e5", > 2^53)
  parseAttributeValue: false,
  trimValues: false, // object keys may begin or end with spaces; the accessors trim numbers themselves
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  entityDecoder: xmlEntityDecoder,
  isArray: (name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute && ALWAYS_ARRAY.has(name),
});

// Where each node sits in its document ("ListPartsResult/Part[2]"), so accessors can name what is missing.
const nodePaths = new WeakMap<XmlNode, string>();

/** The path of a node inside its document, for error messages ("ListPartsResult/Part[2]"). */
export function xmlPathOf(node: XmlNode): string {
  return nodePaths.get(node) ?? '(element)';
}

/** An element with no children and no text, registered under `path` (what `<Part/>` becomes). */
export function emptyXmlNode(path: string): XmlNode {
  const node: XmlNode = Object.create(null) as XmlNode;
  nodePaths.set(node, path);
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toElement(value: unknown, path: string): XmlElement {
  if (typeof value === 'string') return value;
  if (isRecord(value)) return toNode(value, path);
  throw malformedResponse(`unexpected parser output at ${path}`);
}

// Copies the parser's output into null-prototype objects typed as XmlNode, dropping the whitespace that sits between
// child elements (kept by trimValues: false).
function toNode(record: Record<string, unknown>, path: string): XmlNode {
  const node: Record<string, XmlElement | readonly XmlElement[]> = Object.create(null) as Record<string, XmlElement>;
  for (const [name, value] of Object.entries(record)) {
    if (name === MIXED_TEXT_KEY && typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value)) {
      node[name] = value.map((item: unknown, index) => toElement(item, `${path}/${name}[${index + 1}]`));
    } else {
      node[name] = toElement(value, `${path}/${name}`);
    }
  }
  nodePaths.set(node, path);
  return node;
}

/**
 * Parses a whole XML document and returns its root element, whatever its name. Throws MalformedResponse when the
 * text is empty, not XML, truncated, or has more than one root.
 */
export function parseXmlRoot(xml: string): XmlRoot {
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (text.trim() === '') throw malformedResponse('empty response body where XML was expected');
  // The parser itself is lenient (it accepts an unclosed root); the validator catches truncation and stray text.
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw malformedResponse(`response is not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw malformedResponse(`response XML could not be parsed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (!isRecord(parsed)) throw malformedResponse('response XML has no root element');
  const names = Object.keys(parsed);
  const name = names[0];
  if (names.length !== 1 || name === undefined) {
    throw malformedResponse(`response XML must have exactly one root element, found ${names.length}`);
  }
  const root = parsed[name];
  if (Array.isArray(root)) {
    // Two roots of one name (the validator lets several roots through) or a root named like ALWAYS_ARRAY.
    if (root.length !== 1) throw malformedResponse(`response XML must have exactly one root element, found ${root.length}`);
  }
  const element = toElement(Array.isArray(root) ? (root[0] as unknown) : root, name);
  if (typeof element !== 'string') return { name, node: element };
  // A text-only root (`<Error>oops</Error>`, `<BucketInfo/>`): keep the text aside so required children fail by name.
  return { name, node: toNode(element === '' ? {} : { [MIXED_TEXT_KEY]: element }, name) };
}

/** Parses an OSS response document and checks that its root element is `rootName` (local name, namespaces ignored). */
export function parseXmlDocument(xml: string, rootName: string): XmlNode {
  const root = parseXmlRoot(xml);
  if (root.name !== rootName) {
    throw malformedResponse(`expected XML root element <${rootName}>, found <${root.name}>`);
  }
  return root.node;
}
