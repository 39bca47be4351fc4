import { describe, expect, it } from 'vitest';
import { isOssError, type OssError } from '../oss-error';
import { parseXmlDocument, parseXmlRoot, xmlPathOf, type XmlNode } from './xml-document';

function malformed(run: () => unknown): OssError {
  try {
    run();
  } catch (error) {
    if (isOssError(error)) {
      expect(error.code).toBe('MalformedResponse');
      expect(error.retryable).toBe(true);
      return error;
    }
    throw error;
  }
  throw new Error('expected a MalformedResponse');
}

describe('parseXmlDocument', () => {
  it('keeps numeric-looking values as strings', () => {
    const node = parseXmlDocument(
      '<R><Key>00123</Key><ETag>1e5</ETag><UploadId>0x1F</UploadId><Crc>18446744073709551615</Crc><T>true</T></R>',
      'R',
    );
    expect(node).toEqual({ Key: '00123', ETag: '1e5', UploadId: '0x1F', Crc: '18446744073709551615', T: 'true' });
  });

  it('makes a lone Part, Upload, CommonPrefixes or Contents an array, and other repeats arrays too', () => {
    const node = parseXmlDocument(
      '<R><Part><N>1</N></Part><Upload><K>a</K></Upload><CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes>' +
        '<Contents><Key>k</Key></Contents><Single>x</Single><Twice>1</Twice><Twice>2</Twice></R>',
      'R',
    );
    expect(node['Part']).toEqual([{ N: '1' }]);
    expect(node['Upload']).toEqual([{ K: 'a' }]);
    expect(node['CommonPrefixes']).toEqual([{ Prefix: 'd/' }]);
    expect(node['Contents']).toEqual([{ Key: 'k' }]);
    expect(node['Single']).toBe('x');
    expect(node['Twice']).toEqual(['1', '2']);
  });

  it('ignores namespaces, attributes and the XML declaration', () => {
    const node = parseXmlDocument(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">\n  <Code>NoSuchKey</Code>\n' +
        '  <oss:Message xmlns:oss="urn:x">gone</oss:Message>\n</Error>\n',
      'Error',
    );
    expect(node).toEqual({ Code: 'NoSuchKey', Message: 'gone' });
  });

  it('decodes predefined entities and character references, but not inside CDATA', () => {
    const node = parseXmlDocument(
      '<R><A>&quot;AB&quot;</A><B>&#34;CD&#x22;</B><C>a&amp;b&lt;c&gt;&apos;</C><D>&#x1F600;</D><E><![CDATA[&amp;<x>]]></E></R>',
      'R',
    );
    expect(node).toEqual({ A: '"AB"', B: '"CD"', C: "a&b<c>'", D: '\u{1F600}', E: '&amp;<x>' });
  });

  it('keeps leading and trailing spaces of text (object keys may have them)', () => {
    expect(parseXmlDocument('<R>\n  <Key> a b </Key>\n</R>', 'R')).toEqual({ Key: ' a b ' });
  });

  it('gives empty elements as empty strings and tolerates a BOM', () => {
    expect(parseXmlDocument('\uFEFF<R><A></A><B/></R>', 'R')).toEqual({ A: '', B: '' });
  });

  it('records where each node sits, for error messages', () => {
    const node = parseXmlDocument('<R><Part><N>1</N></Part><Part><N>2</N></Part></R>', 'R');
    const parts = node['Part'] as readonly XmlNode[];
    expect(xmlPathOf(node)).toBe('R');
    expect(parts[1] === undefined ? '' : xmlPathOf(parts[1])).toBe('R/Part[2]');
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n'],
    ['not XML', 'Service Unavailable'],
    ['HTML-ish garbage', '<html><body>502 Bad Gateway</body>'],
    ['JSON', '{"Error":{"Code":"X"}}'],
    ['truncated in an element', '<ListPartsResult><Bucket>b</Bucket><Part><PartNumber>1</Part'],
    ['truncated before the root closes', '<ListPartsResult><Bucket>b</Bucket>'],
    ['trailing text', '<R><A>1</A></R>junk'],
    ['two roots', '<R/><R/>'],
    ['two different roots', '<R/><S/>'],
    ['declaration only', '<?xml version="1.0"?>'],
    ['a bare ampersand', '<R><A>a & b</A></R>'],
    ['an unknown entity', '<R><A>&nbsp;</A></R>'],
    ['a reference to a non-XML character', '<R><A>&#1;</A></R>'],
    ['a DOCTYPE-declared entity (never expanded)', '<!DOCTYPE R [<!ENTITY x "yy">]><R><A>&x;</A></R>'],
    ['a reserved JavaScript name', '<R><constructor>1</constructor></R>'],
  ])('rejects %s as MalformedResponse', (_label, xml) => {
    malformed(() => parseXmlDocument(xml, 'R'));
  });

  it('rejects a document whose root is not the expected one, naming both', () => {
    const error = malformed(() => parseXmlDocument('<ListPartsResult/>', 'InitiateMultipartUploadResult'));
    expect(error.message).toContain('<InitiateMultipartUploadResult>');
    expect(error.message).toContain('<ListPartsResult>');
  });
});

describe('parseXmlRoot', () => {
  it('returns the root name whatever it is', () => {
    const root = parseXmlRoot('<Error><Code>X</Code></Error>');
    expect(root.name).toBe('Error');
    expect(root.node).toEqual({ Code: 'X' });
  });

  it('gives a text-only root its text aside, so required children are still missing', () => {
    expect(parseXmlRoot('<BucketInfo/>').node).toEqual({});
    expect(parseXmlRoot('<Error>oops</Error>').node).toEqual({ '#text': 'oops' });
  });
});
