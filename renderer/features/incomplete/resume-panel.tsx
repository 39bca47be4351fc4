// Progress and outcome of "Resume with local file…": checking server parts, sending the missing ones, completing and
// verifying CRC-64 (main/incomplete/resume-from-server.ts), then what happened.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ResumeRemoteProgress, ResumeRemoteResult } from '../../../shared/models/remote-upload';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { formatBytes } from '../../format/format-bytes';
import { useT, type Translate } from '../../i18n/i18n';
import { incompleteMessages, type IncompleteMessageKey } from './messages';
import type { ResumeStore } from './resume-store';

function progressText(t: Translate<IncompleteMessageKey>, progress: ResumeRemoteProgress | undefined): { text: string; percent: number | undefined } {
  if (progress === undefined) return { text: t('loading'), percent: undefined };
  switch (progress.phase) {
    case 'checking':
      return {
        text: t('resumeChecking', { checked: progress.partsChecked, total: progress.partsToCheck }),
        percent: progress.partsToCheck === 0 ? 0 : (progress.partsChecked / progress.partsToCheck) * 100,
      };
    case 'sending':
      return {
        text: t('resumeSending', {
          sent: progress.partsSent,
          total: progress.partsToSend,
          bytes: formatBytes(progress.bytesSent),
          bytesTotal: formatBytes(progress.bytesToSend),
        }),
        percent: progress.bytesToSend === 0 ? 100 : (progress.bytesSent / progress.bytesToSend) * 100,
      };
    case 'completing':
      return { text: t('resumeCompleting'), percent: 100 };
    case 'verifying':
      return { text: t('resumeVerifying'), percent: 100 };
  }
}

function outcomeText(t: Translate<IncompleteMessageKey>, result: ResumeRemoteResult): readonly string[] {
  switch (result.outcome) {
    case 'completed':
      return [
        t('resumeCompleted', { kept: result.partsKept, count: result.partCount, sent: result.partsSent, bytes: formatBytes(result.bytesSent) }),
        result.verified ? t('resumeVerified') : t('resumeNotVerified'),
      ];
    case 'refused':
      return [t('resumeRefused', { message: result.message })];
    case 'verificationFailed':
      return [t('resumeVerificationFailed', { message: result.message })];
  }
}

/** Props of ResumePanel. */
export interface ResumePanelProps {
  readonly store: StoreApi<ResumeStore>;
}

/** The resume's progress or result; nothing while idle. */
export function ResumePanel({ store }: ResumePanelProps) {
  const t = useT(incompleteMessages);
  const state = useStore(store, (s) => s.state);
  const { cancel, dismiss } = store.getState();
  if (state.phase === 'idle') return null;
  const title = t('resumeTitle', { key: state.target.key });
  let body;
  switch (state.phase) {
    case 'picking':
      body = <p role="status">{t('resumePicking')}</p>;
      break;
    case 'running': {
      const { text, percent } = progressText(t, state.progress);
      body = (
        <>
          <p role="status" className="num">
            {text}
          </p>
          {percent === undefined ? null : <ProgressBar percent={percent} label={t('resumeProgressLabel')} valueText={text} />}
          <div className="incomplete-panel-actions">
            <Button label={state.canceling ? t('canceling') : t('cancel')} disabled={state.canceling} onClick={() => void cancel()} />
          </div>
        </>
      );
      break;
    }
    case 'finished':
      body = (
        <>
          {outcomeText(t, state.result).map((line) => (
            <p key={line} role={state.result.outcome === 'completed' ? 'status' : 'alert'}>
              {line}
            </p>
          ))}
          <div className="incomplete-panel-actions">
            <Button label={t('close')} onClick={dismiss} />
          </div>
        </>
      );
      break;
    case 'error':
      body = (
        <>
          <ErrorMessage error={state.error} />
          <div className="incomplete-panel-actions">
            <Button label={t('close')} onClick={dismiss} />
          </div>
        </>
      );
      break;
  }
  return (
    <section className="incomplete-panel" aria-label={title}>
      <h3 className="incomplete-key-text">{title}</h3>
      {body}
    </section>
  );
}
