// The uploads screen (issue 6 item 2): toolbar, destination bar, status filters, the virtualized job list, the
// detail panel with the part map of the open job, and the whole window as a drop target.
import { useCallback, useEffect, useState } from 'react';
import type { SkippedPath } from '../../../shared/ipc/command-payloads';
import type { JobSnapshot } from '../../../shared/models/job';
import { getUploader } from '../../bridge/uploader';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n/i18n';
import { useAccountsStore } from '../../state/accounts-store';
import { useResolvedDestination } from '../../state/destination-store';
import { useVisibleJobIds } from '../../state/job-selectors';
import { useJobsStore } from '../../state/jobs-store';
import { useNavigationStore } from '../../state/navigation-store';
import { reportFailure, runCommand } from '../../state/notices-store';
import { JobDetail } from '../part-map/job-detail';
import { uploadDroppedFiles, uploadPicked, type AddOutcome } from './add-uploads';
import { DestinationBar } from './destination-bar';
import { DropOverlay } from './drop-overlay';
import { jobFileName, removeNeedsServerChoice } from './job-actions';
import { JobList } from './job-list';
import { uploadsMessages } from './messages';
import { RemoveJobDialog } from './remove-job-dialog';
import { SkippedPaths } from './skipped-paths';
import { StatusFilterChips } from './status-filter-chips';
import { UploadsToolbar } from './uploads-toolbar';
import { useWindowDrop } from './use-window-drop';

/** Props of UploadsView (only tests set them). */
export interface UploadsViewProps {
  /** Layout size of the job list before measuring (tests under happy-dom have no layout). */
  readonly listRect?: { readonly width: number; readonly height: number } | undefined;
}

/** The uploads screen. */
export function UploadsView({ listRect }: UploadsViewProps) {
  const t = useT(uploadsMessages);
  const destination = useResolvedDestination();
  const accounts = useAccountsStore((state) => state.accounts);
  const accountsLoaded = useAccountsStore((state) => state.loaded);
  const showScreen = useNavigationStore((state) => state.show);
  const hasJobs = useJobsStore((state) => state.order.length > 0);
  const visibleCount = useVisibleJobIds().length;
  const openJobId = useJobsStore((state) => state.openJobId);
  const [skipped, setSkipped] = useState<readonly SkippedPath[]>([]);
  const [removing, setRemoving] = useState<JobSnapshot | undefined>(undefined);
  const [removeBusy, setRemoveBusy] = useState(false);

  const settle = useCallback((outcome: AddOutcome) => {
    if (outcome.ok) setSkipped(outcome.value.skipped);
    else reportFailure(outcome.command, outcome.error);
  }, []);

  const onDrop = useCallback(
    (files: readonly File[]) => {
      // Without a destination the overlay already said "add an account first"; there is nowhere to send them.
      if (destination === undefined) return;
      void uploadDroppedFiles(getUploader(), files, destination).then(settle);
    },
    [destination, settle],
  );
  const dragging = useWindowDrop(onDrop);

  const onAdd = useCallback(
    (kind: 'files' | 'folder') => {
      if (destination !== undefined) void uploadPicked(getUploader(), kind, destination).then(settle);
    },
    [destination, settle],
  );

  // A menu request ("Add files…" while another screen was shown) is acted on once this screen has a destination.
  const pendingAdd = useNavigationStore((state) => state.pendingAdd);
  useEffect(() => {
    if (pendingAdd === undefined || destination === undefined) return;
    useNavigationStore.getState().clearAddRequest();
    onAdd(pendingAdd);
  }, [pendingAdd, destination, onAdd]);

  const requestRemove = useCallback((job: JobSnapshot) => {
    if (removeNeedsServerChoice(job)) setRemoving(job);
    // Nothing on the server to decide about: the engine ignores the choice for finished jobs.
    else void runCommand('uploads.remove', getUploader().uploads.remove({ jobId: job.id, server: 'keep' }), jobFileName(job));
  }, []);

  const chooseRemove = async (server: 'keep' | 'abort') => {
    if (removing === undefined) return;
    setRemoveBusy(true);
    await runCommand('uploads.remove', getUploader().uploads.remove({ jobId: removing.id, server }), jobFileName(removing));
    setRemoveBusy(false);
    setRemoving(undefined);
  };

  const noAccount = accountsLoaded && accounts.length === 0;

  return (
    <div className="screen uploads-view">
      <UploadsToolbar canAdd={destination !== undefined} onAdd={onAdd} />
      {destination !== undefined ? (
        <DestinationBar destination={destination} />
      ) : noAccount ? (
        <EmptyState title={t('noAccountTitle')} action={<Button label={t('openAccounts')} tone="primary" onClick={() => showScreen('accounts')} />}>
          {t('noAccountBody')}
        </EmptyState>
      ) : accountsLoaded ? (
        <EmptyState title={t('noBucketTitle')} action={<Button label={t('openAccounts')} onClick={() => showScreen('accounts')} />}>
          {t('noBucketBody')}
        </EmptyState>
      ) : null}
      <SkippedPaths skipped={skipped} onDismiss={() => setSkipped([])} />
      {hasJobs ? <StatusFilterChips /> : null}
      <div className="uploads-body">
        {!hasJobs ? (
          destination === undefined ? null : <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : visibleCount === 0 ? (
          <EmptyState title={t('emptyFilteredTitle')}>{t('emptyFilteredBody')}</EmptyState>
        ) : (
          <JobList onRequestRemove={requestRemove} initialRect={listRect} />
        )}
        {openJobId === undefined ? null : <JobDetail key={openJobId} jobId={openJobId} />}
      </div>
      {dragging ? <DropOverlay destination={destination} /> : null}
      <RemoveJobDialog job={removing} busy={removeBusy} onChoose={(server) => void chooseRemove(server)} onCancel={() => setRemoving(undefined)} />
    </div>
  );
}
