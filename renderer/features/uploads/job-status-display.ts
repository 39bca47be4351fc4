// How a job status looks: its label key and badge tone, and the tone of its progress bar.
import type { JobStatus } from '../../../shared/models/job';
import type { BadgeTone } from '../../components/status-badge';
import type { StatusFilter } from '../../state/job-status-groups';
import type { uploadsMessages } from './messages';

type UploadsKey = keyof typeof uploadsMessages.en;

const DISPLAY: Readonly<Record<JobStatus, { readonly label: UploadsKey; readonly tone: BadgeTone }>> = {
  queued: { label: 'statusQueued', tone: 'neutral' },
  preparing: { label: 'statusPreparing', tone: 'info' },
  uploading: { label: 'statusUploading', tone: 'info' },
  paused: { label: 'statusPaused', tone: 'warning' },
  completing: { label: 'statusCompleting', tone: 'info' },
  verifying: { label: 'statusVerifying', tone: 'info' },
  completed: { label: 'statusCompleted', tone: 'success' },
  failed: { label: 'statusFailed', tone: 'danger' },
  canceling: { label: 'statusCanceling', tone: 'neutral' },
  canceled: { label: 'statusCanceled', tone: 'neutral' },
};

/** The label key and badge tone of a status. */
export function statusDisplay(status: JobStatus): { readonly label: UploadsKey; readonly tone: BadgeTone } {
  return DISPLAY[status];
}

/** The progress bar's colour for a status. */
export function progressTone(status: JobStatus): 'active' | 'paused' | 'failed' | 'done' {
  if (status === 'completed') return 'done';
  if (status === 'failed') return 'failed';
  if (status === 'paused' || status === 'canceled' || status === 'canceling') return 'paused';
  return 'active';
}

/** The label key of a filter chip. */
export const FILTER_LABELS: Readonly<Record<StatusFilter, UploadsKey>> = {
  all: 'filterAll',
  active: 'filterActive',
  paused: 'filterPaused',
  failed: 'filterFailed',
  completed: 'filterCompleted',
  canceled: 'filterCanceled',
};
