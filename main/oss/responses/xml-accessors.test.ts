import { describe, expect, it } from 'vitest';
import { isOssError } from '../oss-error';
import { readArray, readBool, readChild, readCrc64, readInt, readText } from './xml-accessors';
import { parseXmlDocument } from './xml-document';

function malformedMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isOssError(error) && error.code === 'MalformedResponse') return error.message;
    throw error;
  }
  throw new Error('expected a MalformedResponse');
}

const doc = parseXmlDocument(
  '<R><Text>a</Text><Spaced> b </Spaced><Empty/><Num>0042</Num><Big>9007199254740993</Big><Neg>-1</Neg>' +
    '<Exp>1e5</Exp><Yes>true</Yes><No> FALSE </No><Maybe>yes</Maybe><Crc>18446744073709551615</Crc>' +
    '<Crc2>18446744073709551616</Crc2><Twice>1</Twice><Twice>2</Twice><Nest><A>1</A></Nest>' +
    '<Part><N>1</N></Part><Part/><Upload>text</Upload></R>',
  'R',
);

describe('readText', () => {
  it('reads text verbatim, absent as undefined', () => {
    expect(readText(doc, 'Text', { required: true })).toBe('a');
    expect(readText(doc, 'Spaced')).toBe(' b ');
    expect(readText(doc, 'Empty')).toBe('');
    expect(readText(doc, 'Missing')).toBeUndefined();
    expect(readText(doc, 'toString')).toBeUndefined(); // no prototype leaks
  });

  it('names the missing, empty, repeated or nested element', () => {
    expect(malformedMessage(() => readText(doc, 'Missing', { required: true }))).toBe('R: missing <Missing>');
    expect(malformedMessage(() => readText(doc, 'Empty', { required: true }))).toBe('R: <Empty> is empty');
    expect(readText(doc, 'Empty', { required: true, allowEmpty: true })).toBe('');
    expect(malformedMessage(() => readText(doc, 'Twice'))).toContain('appears 2 times');
    expect(malformedMessage(() => readText(doc, 'Nest'))).toContain('has child elements');
  });
});

describe('readInt', () => {
  it('reads non-negative decimal integers, leading zeros allowed', () => {
    expect(readInt(doc, 'Num', { required: true })).toBe(42);
    expect(readInt(doc, 'Empty')).toBeUndefined();
    expect(readInt(doc, 'Missing')).toBeUndefined();
  });

  it.each(['Big', 'Neg', 'Exp', 'Text'])('rejects <%s>', (name) => {
    expect(malformedMessage(() => readInt(doc, name))).toContain(`<${name}> is not a non-negative integer`);
  });

  it('rejects an empty required integer', () => {
    expect(malformedMessage(() => readInt(doc, 'Empty', { required: true }))).toContain('is empty');
  });
});

describe('readBool', () => {
  it('reads true/false, any case, trimmed', () => {
    expect(readBool(doc, 'Yes', { required: true })).toBe(true);
    expect(readBool(doc, 'No')).toBe(false);
    expect(readBool(doc, 'Missing')).toBeUndefined();
  });

  it('rejects anything else', () => {
    expect(malformedMessage(() => readBool(doc, 'Maybe'))).toContain('<Maybe> is not true or false');
    expect(malformedMessage(() => readBool(doc, 'Missing', { required: true }))).toContain('missing <Missing>');
  });
});

describe('readCrc64', () => {
  it('reads the largest 64-bit value exactly and treats absent or empty as undefined', () => {
    expect(readCrc64(doc, 'Crc')).toBe(18446744073709551615n);
    expect(readCrc64(doc, 'Empty')).toBeUndefined();
    expect(readCrc64(doc, 'Missing')).toBeUndefined();
  });

  it('rejects 2^64 and non-decimal text, naming the element', () => {
    expect(malformedMessage(() => readCrc64(doc, 'Crc2'))).toContain('R/Crc2 exceeds');
    expect(malformedMessage(() => readCrc64(doc, 'Exp'))).toContain('R/Exp is not an unsigned 64-bit decimal');
  });
});

describe('readArray and readChild', () => {
  it('returns every element as a node, an empty element as an empty node, none as []', () => {
    expect(readArray(doc, 'Part')).toEqual([{ N: '1' }, {}]);
    expect(readArray(doc, 'Missing')).toEqual([]);
    expect(readArray(doc, 'Nest')).toEqual([{ A: '1' }]);
  });

  it('names the array item that lacks an element', () => {
    const second = readArray(doc, 'Part')[1];
    expect(second).toBeDefined();
    if (second !== undefined) expect(malformedMessage(() => readText(second, 'N', { required: true }))).toBe('R/Part[2]: missing <N>');
  });

  it('rejects text where elements were expected', () => {
    expect(malformedMessage(() => readArray(doc, 'Upload'))).toContain('<Upload> has text');
    expect(malformedMessage(() => readChild(doc, 'Text'))).toContain('<Text> has text');
  });

  it('reads a single child, required or not', () => {
    expect(readChild(doc, 'Nest', { required: true })).toEqual({ A: '1' });
    expect(readChild(doc, 'Missing')).toBeUndefined();
    expect(malformedMessage(() => readChild(doc, 'Missing', { required: true }))).toBe('R: missing <Missing>');
    expect(malformedMessage(() => readChild(doc, 'Twice'))).toContain('appears 2 times');
  });
});
