import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n';
import { makePart } from '../../state/test-jobs';
import { describePart } from './describe-part';
import { partMapMessages } from './messages';

const t = (key: keyof typeof partMapMessages.en, vars?: Readonly<Record<string, string | number>>) => translate(partMapMessages, 'en', key, vars);
const fields = (description: ReturnType<typeof describePart>) => Object.fromEntries(description.fields.map((field) => [field.label, field.value]));

describe('describePart', () => {
  it('shows the byte range, ETag and CRC-64 of a done part', () => {
    const description = describePart(makePart(2, { kind: 'done', etag: '"ABC"', crc64: '1234567890', attempts: 2 }), t);
    expect(description.title).toBe('Part 2');
    expect(fields(description)).toEqual({
      State: 'Done',
      Bytes: '8388608–16777215 (8.00 MiB)',
      ETag: '"ABC"',
      'CRC-64': '1234567890',
      Attempts: '2',
    });
  });

  it('shows the percentage of a part in flight', () => {
    const description = describePart(makePart(1, { kind: 'inFlight', bytesSent: 4 * 1024 * 1024, attempt: 1 }), t);
    expect(description.stateText).toBe('Sending, 50 % (attempt 1)');
  });

  it('shows the attempt and last error of a retrying part, and the error of a failed one', () => {
    const retrying = describePart(
      makePart(3, { kind: 'retrying', attempt: 3, nextTryAtMs: 0, lastErrorCode: 'RequestTimeout', lastRequestId: 'REQ1' }),
      t,
    );
    expect(retrying.stateText).toBe('Retrying, attempt 3');
    expect(fields(retrying)).toMatchObject({ Attempts: '3', 'Last error': 'RequestTimeout', 'Request ID': 'REQ1' });
    const failed = describePart(makePart(4, { kind: 'failed', attempts: 8, errorCode: 'InternalError', requestId: undefined }), t);
    expect(fields(failed)).toMatchObject({ State: 'Failed', Attempts: '8', 'Last error': 'InternalError' });
    expect(fields(failed)['Request ID']).toBeUndefined();
  });
});
