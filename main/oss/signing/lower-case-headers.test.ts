import { describe, expect, it } from 'vitest';
import { headerValue, lowerCaseHeaders, withHeaders } from './lower-case-headers';

describe('lowerCaseHeaders', () => {
  it('lower-cases names, trims values and joins several spellings of one name with ","', () => {
    const map = lowerCaseHeaders({ 'Content-Type': ' text/plain ', 'X-OSS-Meta-A': '1', 'x-oss-meta-a': ' 2' });
    expect([...map]).toEqual([
      ['content-type', 'text/plain'],
      ['x-oss-meta-a', '1,2'],
    ]);
  });

  it('headerValue looks names up case-insensitively', () => {
    expect(headerValue({ 'Content-MD5': 'abc' }, 'content-md5')).toBe('abc');
    expect(headerValue({ 'Content-MD5': 'abc' }, 'CONTENT-MD5')).toBe('abc');
    expect(headerValue({ 'Content-MD5': 'abc' }, 'content-type')).toBeUndefined();
  });
});

describe('withHeaders', () => {
  it('replaces every spelling of an added name and keeps the rest', () => {
    const merged = withHeaders({ 'X-OSS-Date': 'old', 'x-oss-date': 'older', Host: 'h' }, { 'x-oss-date': 'new' });
    expect(merged).toEqual({ Host: 'h', 'x-oss-date': 'new' });
  });

  it('keeps a __proto__ header as plain data', () => {
    const headers: Record<string, string> = JSON.parse('{"__proto__":"x","a":"1"}') as Record<string, string>;
    const merged = withHeaders(headers, { b: '2' });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__', 'a', 'b']);
  });
});
