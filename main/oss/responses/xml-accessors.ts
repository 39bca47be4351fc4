// Typed reads from an XmlNode. Every failure is a MalformedResponse that names the element and where it was expected,
// e.g. "ListPartsResult/Part[2]: missing <ETag>".
import { malformedResponse, quoteForMessage } from './malformed-response';
import { parseCrc64Decimal } from './parse-crc64-decimal';
import { emptyXmlNode, xmlPathOf, type XmlElement, type XmlNode } from './xml-document';

/** `required: true` means present and non-empty (unless `allowEmpty`); otherwise absence gives `undefined`. */
export interface RequiredRead {
  readonly required: true;
  readonly allowEmpty?: boolean;
}
/** Options of an optional read: absence gives `undefined`. */
export interface OptionalRead {
  readonly required?: false;
}

function childOf(node: XmlNode, name: string): XmlElement | readonly XmlElement[] | undefined {
  return Object.hasOwn(node, name) ? node[name] : undefined;
}

function fail(node: XmlNode, problem: string): never {
  throw malformedResponse(`${xmlPathOf(node)}: ${problem}`);
}

/** Reads the text of child element `name`; an element with children, or one that repeats, is malformed. */
export function readText(node: XmlNode, name: string, options: RequiredRead): string;
export function readText(node: XmlNode, name: string, options?: OptionalRead): string | undefined;
export function readText(node: XmlNode, name: string, options: RequiredRead | OptionalRead = {}): string | undefined {
  return textOf(node, name, options);
}

function textOf(node: XmlNode, name: string, options: RequiredRead | OptionalRead): string | undefined {
  const value = childOf(node, name);
  if (value === undefined) {
    if (options.required === true) fail(node, `missing <${name}>`);
    return undefined;
  }
  if (typeof value !== 'string') {
    if (isElementList(value)) fail(node, `<${name}> appears ${value.length} times, expected once`);
    fail(node, `<${name}> has child elements, expected text`);
  }
  if (value === '' && options.required === true && options.allowEmpty !== true) fail(node, `<${name}> is empty`);
  return value;
}

function isElementList(value: XmlElement | readonly XmlElement[]): value is readonly XmlElement[] {
  return Array.isArray(value);
}

/** Reads a non-negative decimal integer (PartNumber, Size, MaxParts); optional reads treat an empty element as absent. */
export function readInt(node: XmlNode, name: string, options: RequiredRead): number;
export function readInt(node: XmlNode, name: string, options?: OptionalRead): number | undefined;
export function readInt(node: XmlNode, name: string, options: RequiredRead | OptionalRead = {}): number | undefined {
  const text = textOf(node, name, options)?.trim();
  if (text === undefined || text === '') return undefined;
  const value = /^[0-9]{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) fail(node, `<${name}> is not a non-negative integer: ${quoteForMessage(text)}`);
  return value;
}

/** Reads `true`/`false` (IsTruncated); optional reads treat an empty element as absent. */
export function readBool(node: XmlNode, name: string, options: RequiredRead): boolean;
export function readBool(node: XmlNode, name: string, options?: OptionalRead): boolean | undefined;
export function readBool(node: XmlNode, name: string, options: RequiredRead | OptionalRead = {}): boolean | undefined {
  const text = textOf(node, name, options)?.trim().toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  return fail(node, `<${name}> is not true or false: ${quoteForMessage(text)}`);
}

/** Reads an optional CRC-64 element (`<HashCrc64ecma>`) as an exact bigint; absent or empty gives `undefined`. */
export function readCrc64(node: XmlNode, name: string): bigint | undefined {
  const text = readText(node, name)?.trim();
  if (text === undefined || text === '') return undefined;
  return parseCrc64Decimal(text, `${xmlPathOf(node)}/${name}`);
}

/** Reads child element `name` as a node (`<Bucket>` of BucketInfo); an empty element gives an empty node. */
export function readChild(node: XmlNode, name: string, options: RequiredRead): XmlNode;
export function readChild(node: XmlNode, name: string, options?: OptionalRead): XmlNode | undefined;
export function readChild(node: XmlNode, name: string, options: RequiredRead | OptionalRead = {}): XmlNode | undefined {
  const value = childOf(node, name);
  if (value === undefined) {
    if (options.required === true) fail(node, `missing <${name}>`);
    return undefined;
  }
  if (isElementList(value)) fail(node, `<${name}> appears ${value.length} times, expected once`);
  return asNode(node, name, value, `${xmlPathOf(node)}/${name}`);
}

/** Reads every `<name>` child as nodes, in document order; none gives `[]` (Part, Upload, CommonPrefixes, Contents). */
export function readArray(node: XmlNode, name: string): readonly XmlNode[] {
  const value = childOf(node, name);
  if (value === undefined) return [];
  const items = isElementList(value) ? value : [value];
  return items.map((item, index) => asNode(node, name, item, `${xmlPathOf(node)}/${name}[${index + 1}]`));
}

function asNode(parent: XmlNode, name: string, value: XmlElement, path: string): XmlNode {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return emptyXmlNode(path);
  return fail(parent, `<${name}> has text where child elements were expected`);
}
