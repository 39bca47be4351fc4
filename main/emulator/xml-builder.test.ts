import { describe, expect, it } from 'vitest';
import { escapeXmlText, renderXmlDocument } from './xml-builder';

describe('xml-builder', () => {
  it('escapes markup but keeps quotes, and references control characters', () => {
    expect(escapeXmlText('"A&B" <c> \u0001\t')).toBe('"A&amp;B" &lt;c&gt; &#x1;\t');
  });

  it('renders nested elements and skips undefined children', () => {
    expect(renderXmlDocument(['R', [['A', '1'], undefined, ['B', [['C', 'x']]]]])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<R><A>1</A><B><C>x</C></B></R>\n',
    );
  });
});
