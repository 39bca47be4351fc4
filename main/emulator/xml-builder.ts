// A minimal XML writer for OSS response bodies: element trees in, one UTF-8 document out. Hand-written because the
// emulator only ever writes a fixed set of simple shapes (oss-protocol.md §6, §8.1).

/** An element: name plus either text or child elements (undefined children are skipped, so optional fields stay short). */
export type XmlNode = readonly [name: string, content: string | ReadonlyArray<XmlNode | undefined>];

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Escapes text content: `&`, `<`, `>` only, so quoted ETags stay `"…"` as in OSS's own samples (§6.2, §6.3).
 * Characters XML 1.0 cannot carry at all (most C0 controls) become numeric references: the document then parses
 * with lenient parsers, and `encoding-type=url` (§6.7) is the client's real remedy, as on OSS.
 */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`;
    }
  });
}

function renderNode(node: XmlNode): string {
  const [name, content] = node;
  if (typeof content === 'string') return `<${name}>${escapeXmlText(content)}</${name}>`;
  const inner = content.filter((child): child is XmlNode => child !== undefined).map(renderNode).join('');
  return `<${name}>${inner}</${name}>`;
}

/** A whole document: declaration plus the root element. */
export function renderXmlDocument(root: XmlNode): string {
  return XML_DECLARATION + renderNode(root) + '\n';
}
