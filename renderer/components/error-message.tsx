// Shows an error the way support needs it: the sentence, the code, the OSS request id (what Alibaba Cloud support
// asks for, oss-protocol.md error responses) and the advice main attached. Used for WireError and JobError alike.
import type { WireError } from '../../shared/ipc/result';
import type { JobError } from '../../shared/models/job';
import { useT } from '../i18n/i18n';
import { componentMessages } from './messages';

/** Props of ErrorMessage. */
export interface ErrorMessageProps {
  readonly error: WireError | JobError;
  /** A heading line before the message (e.g. which action failed). */
  readonly title?: string | undefined;
  /** One line, for table rows: code and message only; details go in the title tooltip. */
  readonly compact?: boolean;
}

/** An error with code, request id and advice. */
export function ErrorMessage({ error, title, compact = false }: ErrorMessageProps) {
  const t = useT(componentMessages);
  if (compact) {
    const details = [
      `${t('errorCode')}: ${error.code}`,
      error.requestId === undefined ? undefined : `${t('requestId')}: ${error.requestId}`,
      error.advice,
    ].filter((line): line is string => line !== undefined);
    return (
      <span className="error-compact" title={details.join('\n')}>
        <span className="error-code">{error.code}</span> {error.message}
      </span>
    );
  }
  return (
    <div className="error-message" role="alert">
      {title === undefined ? null : <p className="error-title">{title}</p>}
      <p className="error-text">{error.message}</p>
      <dl className="error-fields">
        <dt>{t('errorCode')}</dt>
        <dd>
          <code>{error.code}</code>
        </dd>
        {error.requestId === undefined ? null : (
          <>
            <dt>{t('requestId')}</dt>
            <dd>
              <code className="selectable">{error.requestId}</code>
            </dd>
          </>
        )}
        {error.advice === undefined ? null : (
          <>
            <dt>{t('whatToDo')}</dt>
            <dd>{error.advice}</dd>
          </>
        )}
      </dl>
      {error.retryable && error.advice === undefined ? <p className="error-hint">{t('retryable')}</p> : null}
    </div>
  );
}
