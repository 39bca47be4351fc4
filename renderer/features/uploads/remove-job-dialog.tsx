// Asks what happens to the server-side upload when a paused or failed job is removed: keep its parts (to resume
// later from Incomplete uploads) or abort the upload. The engine requires the choice (ServerChoiceRequired).
import type { JobSnapshot } from '../../../shared/models/job';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatBytes } from '../../format/format-bytes';
import { useT } from '../../i18n/i18n';
import { jobFileName } from './job-actions';
import { uploadsMessages } from './messages';

/** Props of RemoveJobDialog. */
export interface RemoveJobDialogProps {
  /** The job to remove; the dialog is closed while undefined. */
  readonly job: JobSnapshot | undefined;
  readonly busy: boolean;
  readonly onChoose: (server: 'keep' | 'abort') => void;
  readonly onCancel: () => void;
}

/** The keep-or-abort question. */
export function RemoveJobDialog({ job, busy, onChoose, onCancel }: RemoveJobDialogProps) {
  const t = useT(uploadsMessages);
  if (job === undefined) return null;
  return (
    <ConfirmDialog
      open
      title={t('removeTitle', { name: jobFileName(job) })}
      confirmLabel={t('abortUpload')}
      destructive
      busy={busy}
      secondary={{ label: t('keepOnServer'), onSelect: () => onChoose('keep') }}
      onConfirm={() => onChoose('abort')}
      onCancel={onCancel}
    >
      <p>
        {t('removeBody', {
          parts: job.partsDone,
          bytes: formatBytes(job.bytesDone),
          uploadId: job.uploadId ?? '—',
        })}
      </p>
    </ConfirmDialog>
  );
}
