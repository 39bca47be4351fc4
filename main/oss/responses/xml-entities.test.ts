import { describe, expect, it } from 'vitest';
import { decodeXmlEntities } from './xml-entities';

describe('decodeXmlEntities', () => {
  it('decodes the five predefined entities and numeric references', () => {
    expect(decodeXmlEntities('&quot;&#34;&#x22;&amp;&lt;&gt;&apos;&#xE9;&#128512;')).toBe('"""&<>\'é\u{1F600}');
  });

  it('does not decode twice', () => {
    expect(decodeXmlEntities('&amp;quot;')).toBe('&quot;');
  });

  it.each(['a & b', '&quot', '&nbsp;', '&#0;', '&#xD800;', '&#x110000;', '&#99999999999;'])('rejects %j', (text) => {
    expect(() => decodeXmlEntities(text)).toThrow(expect.objectContaining({ code: 'MalformedResponse' }));
  });
});
