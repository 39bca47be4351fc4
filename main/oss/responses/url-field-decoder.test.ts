import { describe, expect, it } from 'vitest';
import { decodeUrlField, urlFieldDecoderFor } from './url-field-decoder';
import { parseXmlDocument } from './xml-document';

describe('decodeUrlField', () => {
  it('decodes %2F %20 %2B %0A and keeps a literal + (OSS encodes space as %20, oss-protocol.md §6.7)', () => {
    expect(decodeUrlField('dir%2Fbig%20file%2B1.bin', 'Key')).toBe('dir/big file+1.bin');
    expect(decodeUrlField('demo%2Fgp-%0C%0A%0B', 'Key')).toBe('demo/gp-\f\n\v');
    expect(decodeUrlField('a+b', 'Key')).toBe('a+b');
    expect(decodeUrlField('%E4%B8%AD%E6%96%87', 'Key')).toBe('中文');
  });

  it.each(['%', '%zz', 'abc%2', '%E4%B8'])('rejects the malformed escape %j', (value) => {
    expect(() => decodeUrlField(value, 'Key')).toThrow(expect.objectContaining({ code: 'MalformedResponse', retryable: true }));
  });
});

describe('urlFieldDecoderFor', () => {
  it('decodes only when the document says <EncodingType>url</EncodingType>', () => {
    expect(urlFieldDecoderFor(parseXmlDocument('<R><EncodingType>url</EncodingType></R>', 'R'))('a%25b', 'Key')).toBe('a%b');
    expect(urlFieldDecoderFor(parseXmlDocument('<R><EncodingType>URL</EncodingType></R>', 'R'))('a%20b', 'Key')).toBe('a b');
    expect(urlFieldDecoderFor(parseXmlDocument('<R></R>', 'R'))('100%25', 'Key')).toBe('100%25');
  });
});
