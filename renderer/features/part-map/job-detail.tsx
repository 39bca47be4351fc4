// The detail panel of the open job (issue 6 item 3): a summary line (parts, bytes, speed, retries), the job's error
// if it has one, and the part map. Parts are loaded by the jobs store for this job only and kept current by batches.
import type { JobId } from '../../../shared/models/job';
import { ErrorMessage } from '../../components/error-message';
import { IconButton } from '../../components/icon-button';
import { formatBytes, formatRate } from '../../format/format-bytes';
import { useT } from '../../i18n/i18n';
import { useJob } from '../../state/job-selectors';
import { useJobsStore } from '../../state/jobs-store';
import { jobFileName } from '../uploads/job-actions';
import { partMapMessages } from './messages';
import { PartLegend } from './part-legend';
import { PartMap } from './part-map';

/** Props of JobDetail. */
export interface JobDetailProps {
  readonly jobId: JobId;
  /** Width of the part map before measuring (tests). */
  readonly initialWidthPx?: number;
}

/** The job detail panel. */
export function JobDetail({ jobId, initialWidthPx }: JobDetailProps) {
  const t = useT(partMapMessages);
  const job = useJob(jobId);
  const parts = useJobsStore((state) => state.parts);
  const partsError = useJobsStore((state) => state.partsError);
  if (job === undefined) return null;
  const name = jobFileName(job);
  const close = () => void useJobsStore.getState().openJob(undefined);

  return (
    <section className="job-detail" aria-label={t('detail')}>
      <header className="job-detail-header">
        <h2 className="job-detail-title" title={job.localPath}>
          {name}
        </h2>
        <IconButton icon="close" label={t('close')} onClick={close} />
      </header>
      <p className="job-detail-summary num">
        {t('summary', {
          done: job.partsDone,
          total: job.partCount,
          bytesDone: formatBytes(job.bytesDone),
          bytesTotal: formatBytes(job.sizeBytes),
          rate: formatRate(job.bytesPerSecond),
          retries: job.retries,
        })}
      </p>
      <p className="job-detail-meta muted">
        <span>
          {t('destination')}: <span className="mono selectable">oss://{job.destination.bucket}/{job.destination.key}</span>
        </span>
        {job.uploadId === undefined ? null : (
          <span>
            {t('uploadId')}: <span className="mono selectable">{job.uploadId}</span>
          </span>
        )}
      </p>
      {job.error === undefined ? null : <ErrorMessage error={job.error} />}
      {partsError !== undefined ? (
        <ErrorMessage error={partsError} title={t('loadFailed')} />
      ) : parts === undefined ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : parts.length === 0 ? (
        <p className="muted">{t('noParts')}</p>
      ) : (
        <>
          <PartLegend />
          <PartMap parts={parts} {...(initialWidthPx === undefined ? {} : { initialWidthPx })} />
        </>
      )}
    </section>
  );
}
