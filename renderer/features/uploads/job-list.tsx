// The virtualized job list. It subscribes to the visible ids only, so progress (which changes jobs, not ids) never
// re-renders it. Structure (what the e2e tests rely on):
//   role="list" name "Upload jobs"
//     role="listitem" name = the file name, focusable; Enter or a click opens the job's part map
//       role="group" name "Actions for <file>" with buttons named "Pause", "Resume", "Retry", "Cancel", "Remove", …
import { useCallback, type KeyboardEvent, type MouseEvent } from 'react';
import type { JobId, JobSnapshot } from '../../../shared/models/job';
import { VirtualList } from '../../components/virtual-list';
import { useT } from '../../i18n/i18n';
import { useVisibleJobIds } from '../../state/job-selectors';
import { useJobsStore } from '../../state/jobs-store';
import { jobFileName } from './job-actions';
import { JobRow } from './job-row';
import { uploadsMessages } from './messages';

/** Fixed row height in pixels (two text lines and padding); styles/uploads.css matches it. */
export const JOB_ROW_HEIGHT = 60;

/** Props of JobList. */
export interface JobListProps {
  readonly onRequestRemove: (job: JobSnapshot) => void;
  /** Layout size before measuring (tests). */
  readonly initialRect?: { readonly width: number; readonly height: number } | undefined;
}

// Clicks on the row's own controls must not also open the detail.
function fromControl(target: EventTarget): boolean {
  return target instanceof Element && target.closest('button, a, input, select, textarea') !== null;
}

/** The job list. */
export function JobList({ onRequestRemove, initialRect }: JobListProps) {
  const t = useT(uploadsMessages);
  const ids = useVisibleJobIds();
  const openJobId = useJobsStore((state) => state.openJobId);

  const open = useCallback((jobId: JobId) => {
    const store = useJobsStore.getState();
    void store.openJob(store.openJobId === jobId ? undefined : jobId);
  }, []);

  const rowProps = (index: number) => {
    const jobId = ids[index];
    if (jobId === undefined) return {};
    return {
      tabIndex: 0,
      'aria-current': jobId === openJobId ? 'true' : undefined,
      onClick: (event: MouseEvent) => {
        if (!fromControl(event.target)) open(jobId);
      },
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) open(jobId);
      },
    };
  };

  // Names never change, so reading them without subscribing is safe and keeps progress from re-rendering the list.
  const rowLabel = (index: number) => {
    const jobId = ids[index];
    const job = jobId === undefined ? undefined : useJobsStore.getState().jobs[jobId];
    return job === undefined ? '' : jobFileName(job);
  };

  return (
    <VirtualList
      className="job-list"
      label={t('jobList')}
      count={ids.length}
      rowHeight={JOB_ROW_HEIGHT}
      getKey={(index) => ids[index] ?? String(index)}
      rowLabel={rowLabel}
      rowProps={rowProps}
      initialRect={initialRect}
      renderRow={(index) => {
        const jobId = ids[index];
        return jobId === undefined ? null : <JobRow jobId={jobId} onRequestRemove={onRequestRemove} />;
      }}
    />
  );
}
