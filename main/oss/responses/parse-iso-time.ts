import { malformedResponse, quoteForMessage } from './malformed-response';

// The form OSS writes (`2023-11-22T05:45:57.000Z`, oss-protocol.md §6.5/§6.6); an offset instead of Z is tolerated.
// Checked by shape first because Date.parse also accepts many non-ISO spellings.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 timestamp from a response to ms since epoch; anything else throws MalformedResponse naming `what`. */
export function parseIsoTimeMs(text: string, what: string): number {
  const ms = ISO_8601.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) throw malformedResponse(`${what} is not an ISO-8601 time: ${quoteForMessage(text)}`);
  return ms;
}
