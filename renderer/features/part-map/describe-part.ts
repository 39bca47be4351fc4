// What the inspector and the screen reader say about one part: its state in words and its details (byte range,
// ETag, CRC-64, attempts, last error). Pure: the translate function is passed in.
import type { PartSnapshot, PartState } from '../../../shared/models/job';
import { formatBytes } from '../../format/format-bytes';
import { percentOf } from '../../format/format-percent';
import type { Translate } from '../../i18n/i18n';
import type { partMapMessages } from './messages';

type PartMapKey = keyof typeof partMapMessages.en;

/** One labelled value of the inspector. */
export interface PartField {
  readonly label: string;
  readonly value: string;
}

/** A part in words. */
export interface PartDescription {
  /** "Part 12". */
  readonly title: string;
  /** "Sending, 42 % (attempt 1)". */
  readonly stateText: string;
  readonly fields: readonly PartField[];
}

/** The state of a part in words. */
export function describeState(part: PartSnapshot, t: Translate<PartMapKey>): string {
  const state = part.state;
  switch (state.kind) {
    case 'pending':
      return t('statePending');
    case 'inFlight':
      return t('inFlightDetail', { percent: percentOf(state.bytesSent, part.size), attempt: state.attempt });
    case 'retrying':
      return t('retryingDetail', { attempt: state.attempt });
    case 'done':
      return t('stateDone');
    case 'failed':
      return t('stateFailed');
  }
}

function attemptsOf(state: PartState): number | undefined {
  switch (state.kind) {
    case 'pending':
      return undefined;
    case 'inFlight':
    case 'retrying':
      return state.attempt;
    case 'done':
    case 'failed':
      return state.attempts;
  }
}

function lastErrorOf(state: PartState): { readonly code: string; readonly requestId: string | undefined } | undefined {
  if (state.kind === 'retrying') return { code: state.lastErrorCode, requestId: state.lastRequestId };
  if (state.kind === 'failed') return { code: state.errorCode, requestId: state.requestId };
  return undefined;
}

/** Everything the inspector shows about `part`. */
export function describePart(part: PartSnapshot, t: Translate<PartMapKey>): PartDescription {
  const state = part.state;
  const fields: PartField[] = [
    { label: t('state'), value: describeState(part, t) },
    {
      label: t('range'),
      // Inclusive byte range, as an HTTP Range header would name it.
      value: t('rangeValue', { first: part.offset, last: part.offset + Math.max(0, part.size - 1), size: formatBytes(part.size) }),
    },
  ];
  if (state.kind === 'done') {
    fields.push({ label: t('etag'), value: state.etag });
    fields.push({ label: t('crc64'), value: state.crc64 ?? '—' });
  }
  const attempts = attemptsOf(state);
  if (attempts !== undefined) fields.push({ label: t('attempts'), value: String(attempts) });
  const lastError = lastErrorOf(state);
  if (lastError !== undefined) {
    fields.push({ label: t('lastError'), value: lastError.code });
    if (lastError.requestId !== undefined) fields.push({ label: t('requestId'), value: lastError.requestId });
  }
  return { title: t('part', { number: part.partNumber }), stateText: describeState(part, t), fields };
}
