// Reads the fields of an OSS error from its three wire forms (oss-protocol.md §8.1): the XML `<Error>` document (body,
// or base64 in `x-oss-err` for bodiless answers), a JSON `{"Error": {...}}` body, and what is left of an XML error
// body that the transport cut short.
import { redactSecurityToken } from './redact-security-token';
import { decodeXmlEntities } from './xml-entities';
import { MIXED_TEXT_KEY, parseXmlRoot, type XmlRoot } from './xml-document';

/** The fields of an OSS error body; `details` holds every other text element (StringToSign, UploadId, HostId, …). */
export interface ErrorBodyFields {
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly requestId: string | undefined;
  readonly ec: string | undefined;
  readonly details: Readonly<Record<string, string>>;
}

const MAIN_FIELDS: ReadonlySet<string> = new Set(['Code', 'Message', 'RequestId', 'EC']);
// Never copy an element whose name says it holds a credential (no OSS error has one; an odd endpoint might).
const SECRET_NAME = /secret|password|token|authorization/i;
// Bounds on what an error keeps (the body is capped by the caller, but an error is logged and sent over IPC often).
const MAX_DETAILS = 32;
const MAX_DETAIL_CHARS = 4096;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function fieldsFrom(entries: Iterable<readonly [string, string]>): ErrorBodyFields {
  const main = new Map<string, string>();
  const details = new Map<string, string>();
  for (const [name, value] of entries) {
    if (MAIN_FIELDS.has(name)) {
      if (!main.has(name)) main.set(name, value);
    } else if (name !== MIXED_TEXT_KEY && !SECRET_NAME.test(name) && details.size < MAX_DETAILS && !details.has(name)) {
      const kept = value.length > MAX_DETAIL_CHARS ? `${value.slice(0, MAX_DETAIL_CHARS)}…` : value;
      details.set(name, redactSecurityToken(kept)); // StringToSign carries the STS token when STS is used
    }
  }
  return {
    code: nonEmpty(main.get('Code')),
    message: nonEmpty(redactSecurityToken(main.get('Message') ?? '')),
    requestId: nonEmpty(main.get('RequestId')),
    ec: nonEmpty(main.get('EC')),
    details: Object.fromEntries(details), // own data properties only, even for a name like "__proto__"
  };
}

/** Reads a complete XML `<Error>` document (namespaces ignored); `undefined` when the text is not one. */
export function readErrorFieldsFromXml(text: string): ErrorBodyFields | undefined {
  let root: XmlRoot;
  try {
    root = parseXmlRoot(text);
  } catch {
    return undefined;
  }
  if (root.name !== 'Error') return undefined;
  const entries: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(root.node)) {
    if (typeof value === 'string') entries.push([name, value]); // nested or repeated elements are not error fields
  }
  return fieldsFrom(entries);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JSON error body `{"Error": {"Code": …}}` (gov2 handles these, §8.1); `undefined` when the text is not one. */
export function readErrorFieldsFromJson(text: string): ErrorBodyFields | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const error = isRecord(parsed) ? parsed['Error'] : undefined;
  if (!isRecord(error)) return undefined;
  const entries: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') entries.push([name, String(value)]);
  }
  return fieldsFrom(entries);
}

// The elements worth rescuing from a truncated body; OSS writes them first, before long extras such as StringToSign.
const PARTIAL_FIELD = /<(?:[A-Za-z_][\w.-]*:)?(Code|Message|RequestId|HostId|EC|ServerTime)>([^<]*)<\/(?:[A-Za-z_][\w.-]*:)?\1>/g;
const ERROR_START = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:[A-Za-z_][\w.-]*:)?Error[\s>]/;

/**
 * Rescues the leading simple fields of an XML `<Error>` body that is not well-formed, typically because the transport
 * capped a huge body; `undefined` when the text does not start like an OSS error.
 */
export function readErrorFieldsFromPartialXml(text: string): ErrorBodyFields | undefined {
  if (!ERROR_START.test(text)) return undefined;
  const entries: (readonly [string, string])[] = [];
  for (const match of text.matchAll(PARTIAL_FIELD)) {
    const [, name, raw] = match;
    if (name === undefined || raw === undefined) continue;
    let value = raw;
    try {
      value = decodeXmlEntities(raw);
    } catch {
      // keep the raw text: a half-rescued message beats none
    }
    entries.push([name, value]);
  }
  return entries.length === 0 ? undefined : fieldsFrom(entries);
}
