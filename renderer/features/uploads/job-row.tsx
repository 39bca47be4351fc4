// One job in the list. It subscribes to its own job only (useJob), and is memoized on its props, so another job's
// progress never re-renders it (issue 6 item 1). The list wraps it in the listitem named after the file
// (job-list.tsx); its buttons are named with the bare verb ("Pause"), so tests find them within that listitem.
import { memo, useEffect, useState } from 'react';
import type { JobId, JobSnapshot } from '../../../shared/models/job';
import { getUploader } from '../../bridge/uploader';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { StatusBadge } from '../../components/status-badge';
import { formatBytes, formatRate } from '../../format/format-bytes';
import { formatEta } from '../../format/format-duration';
import { percentOf } from '../../format/format-percent';
import { useLanguage, useT } from '../../i18n/i18n';
import { useJob } from '../../state/job-selectors';
import { runCommand } from '../../state/notices-store';
import { jobActions, jobFileName } from './job-actions';
import { progressTone, statusDisplay } from './job-status-display';
import { uploadsMessages } from './messages';

/** Props of JobRow. */
export interface JobRowProps {
  readonly jobId: JobId;
  /** Asks the view to remove the job (it decides whether to ask keep-or-abort first). */
  readonly onRequestRemove: (job: JobSnapshot) => void;
}

// Speed and ETA mean something only while bytes move.
const MOVING: ReadonlySet<string> = new Set(['uploading', 'preparing', 'completing']);
const COPIED_NOTE_MS = 2000;

function JobRowImpl({ jobId, onRequestRemove }: JobRowProps) {
  const job = useJob(jobId);
  const t = useT(uploadsMessages);
  const language = useLanguage();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  if (job === undefined) return null;

  const name = jobFileName(job);
  const actions = jobActions(job);
  const display = statusDisplay(job.status);
  const percent = percentOf(job.bytesDone, job.sizeBytes);
  const done = formatBytes(job.bytesDone);
  const total = formatBytes(job.sizeBytes);
  const moving = MOVING.has(job.status);
  const uploader = getUploader();
  const ref = { jobId };

  const copyLink = async () => {
    const link = await runCommand('desktop.copyLink', uploader.desktop.copyLink(ref), name);
    if (link !== undefined) setCopied(true);
  };

  return (
    <div className="job-row">
      <div className="job-main">
        <span className="job-name" title={job.localPath}>
          {name}
        </span>
        {job.error !== undefined && job.status === 'failed' ? (
          <ErrorMessage error={job.error} compact />
        ) : (
          <span className="job-key mono muted" title={`oss://${job.destination.bucket}/${job.destination.key}`}>
            {job.destination.bucket}/{job.destination.key}
          </span>
        )}
      </div>
      <div className="job-status">
        <StatusBadge label={t(display.label)} tone={display.tone} />
      </div>
      <div className="job-progress">
        <ProgressBar
          percent={percent}
          tone={progressTone(job.status)}
          label={t('progressOf', { name })}
          valueText={t('progressValue', { percent, done, total })}
        />
        <span className="job-numbers num">
          <span>{t('bytesOf', { done, total })}</span>
          {moving ? <span>{formatRate(job.bytesPerSecond)}</span> : null}
          {moving && job.etaSeconds !== undefined ? <span>{t('etaLeft', { eta: formatEta(job.etaSeconds, language) })}</span> : null}
        </span>
      </div>
      <div className="job-actions" role="group" aria-label={t('rowActions', { name })}>
        {actions.pause ? <RowButton label={t('pause')} onClick={() => runCommand('uploads.pause', uploader.uploads.pause(ref), name)} /> : null}
        {actions.resume ? <RowButton label={t('resume')} onClick={() => runCommand('uploads.resume', uploader.uploads.resume(ref), name)} /> : null}
        {actions.retry ? <RowButton label={t('retry')} onClick={() => runCommand('uploads.retry', uploader.uploads.retry(ref), name)} /> : null}
        {actions.cancel ? <RowButton label={t('cancel')} onClick={() => runCommand('uploads.cancel', uploader.uploads.cancel(ref), name)} /> : null}
        {actions.copyLink ? <RowButton label={copied ? t('linkCopied') : t('copyLink')} onClick={copyLink} /> : null}
        <RowButton label={t('showInFolder')} onClick={() => runCommand('desktop.revealFile', uploader.desktop.revealFile(ref), name)} />
        {actions.remove ? <RowButton label={t('remove')} danger onClick={() => onRequestRemove(job)} /> : null}
      </div>
    </div>
  );
}

function RowButton({ label, onClick, danger = false }: { readonly label: string; readonly onClick: () => unknown; readonly danger?: boolean }) {
  return (
    <button type="button" className={danger ? 'row-btn row-btn-danger' : 'row-btn'} onClick={() => void onClick()}>
      {label}
    </button>
  );
}

/** One job row (memoized: re-renders only when its own job or its props change). */
export const JobRow = memo(JobRowImpl);
