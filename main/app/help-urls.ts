// The help pages desktop.openHelp opens (issue 5 item 2: `shell.openExternal` only for https links the app itself
// made). The renderer names a topic; the URL comes from this table and nowhere else.
import type { HelpTopic } from '../../shared/ipc/command-payloads';

/**
 * One fixed https page per HELP_TOPICS entry, on Alibaba Cloud's own documentation sites. `satisfies` makes a topic
 * without a page (or a page for no topic) a compile error.
 */
export const HELP_URLS = Object.freeze({
  // RAM: creating an AccessKey pair for a RAM user (the key id and secret the account form asks for).
  accessKeys: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
  // OSS regions and their public, internal and accelerate endpoints.
  endpoints: 'https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints',
  // ListMultipartUploads: what an incomplete (initiated, never completed or aborted) upload is (oss-protocol.md §6.6).
  incompleteUploads: 'https://www.alibabacloud.com/help/en/oss/developer-reference/listmultipartuploads',
  // The OSS error-response page lists RequestTimeTooSkewed (15 minutes, oss-protocol.md §8.1).
  clockSync: 'https://www.alibabacloud.com/help/en/object-storage-service/latest/oss-error-response',
  // RAM policies for OSS (oss:ListMultipartUploads and friends).
  ramPolicy: 'https://www.alibabacloud.com/help/en/oss/user-guide/ram-policy-overview',
} as const satisfies Record<HelpTopic, `https://${string}`>);

/** The help page of `topic`. */
export function helpUrlFor(topic: HelpTopic): string {
  return HELP_URLS[topic];
}
