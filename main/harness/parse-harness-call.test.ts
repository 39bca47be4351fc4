import { describe, expect, it } from 'vitest';
import { parseHarnessCall } from './parse-harness-call';

describe('parseHarnessCall', () => {
  it('reads a call, with or without args', () => {
    expect(parseHarnessCall('{"id":1,"name":"uploads.list"}')).toEqual({ ok: true, call: { id: 1, name: 'uploads.list', args: undefined } });
    expect(parseHarnessCall('{"id":2,"name":"uploads.pause","args":{"jobId":"j"}}')).toEqual({
      ok: true,
      call: { id: 2, name: 'uploads.pause', args: { jobId: 'j' } },
    });
  });

  it.each([
    ['{oops', null, 'not JSON'],
    ['[1,2]', null, 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    ['{"name":"x"}', null, 'no numeric id'],
    ['{"id":-1,"name":"x"}', null, 'no numeric id'],
    ['{"id":1.5,"name":"x"}', null, 'no numeric id'],
    ['{"id":"1","name":"x"}', null, 'no numeric id'],
    ['{"id":3}', 3, 'no command name'],
    ['{"id":4,"name":7}', 4, 'no command name'],
  ])('refuses %s', (text, id, reason) => {
    expect(parseHarnessCall(text)).toEqual({ ok: false, id, reason });
  });
});
