// The incomplete-uploads browser (issue 6 item 4): pick an account and bucket, walk folders, abort one upload (with a
// confirmation naming key and size), several, or everything older than N days after a dry run; inspect parts; resume
// from a local file. State lives in ./incomplete-stores.ts so a running bulk abort survives a visit to another screen.
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { RemoteUpload } from '../../../shared/models/remote-upload';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { formatBytes } from '../../format/format-bytes';
import { useT } from '../../i18n/i18n';
import { useAccountsStore } from '../../state/accounts-store';
import { useDestinationStore } from '../../state/destination-store';
import { useNavigationStore } from '../../state/navigation-store';
import { BulkAbortPanel } from './bulk-abort-panel';
import { BucketPicker } from './bucket-picker';
import { selectedUploads } from './incomplete-store';
import { useIncompleteStores } from './incomplete-stores';
import { InspectPanel } from './inspect-panel';
import { incompleteMessages } from './messages';
import { OlderThanForm } from './older-than-form';
import { PrefixBreadcrumbs } from './prefix-breadcrumbs';
import { ResumePanel } from './resume-panel';
import { uploadRowKey } from './upload-row-key';
import { UploadList } from './upload-list';
import './incomplete.css';

function AbortConfirm({ upload, onDone }: { readonly upload: RemoteUpload; readonly onDone: () => void }) {
  const t = useT(incompleteMessages);
  const { browser } = useIncompleteStores();
  const cell = useStore(browser, (state) => state.stats[uploadRowKey(upload)]);
  const [busy, setBusy] = useState(false);
  const size = cell?.state === 'ready' ? formatBytes(cell.stats.bytesStored) : undefined;
  return (
    <ConfirmDialog
      open
      title={t('confirmAbortTitle')}
      confirmLabel={t('abortUpload')}
      destructive
      busy={busy}
      onCancel={onDone}
      onConfirm={() => {
        setBusy(true);
        // The row shows a failure itself (rowErrors); the dialog closes either way.
        void browser.getState().abortOne(upload).finally(onDone);
      }}
    >
      <p>{size === undefined ? t('confirmAbortBodyUnknownSize', { key: upload.key }) : t('confirmAbortBody', { key: upload.key, size })}</p>
      {upload.ownedByJobId === undefined ? null : <p>{t('confirmAbortOwned')}</p>}
    </ConfirmDialog>
  );
}

/** The incomplete-uploads screen. */
export function IncompleteView() {
  const t = useT(incompleteMessages);
  const stores = useIncompleteStores();
  const { browser, bulk, resume } = stores;
  const accounts = useAccountsStore((state) => state.accounts);
  const accountsLoaded = useAccountsStore((state) => state.loaded);
  const location = useStore(browser, (state) => state.location);
  const uploadCount = useStore(browser, (state) => state.uploads.length);
  const listed = useStore(browser, (state) => state.complete || state.uploads.length > 0 || state.folders.length > 0);
  const hasFolders = useStore(browser, (state) => state.folders.length > 0);
  const selectedCount = useStore(browser, (state) => Object.keys(state.selected).length);
  const bulkPhase = useStore(bulk, (state) => state.state.phase);
  const [confirming, setConfirming] = useState<RemoteUpload | undefined>(undefined);
  const [inspecting, setInspecting] = useState<RemoteUpload | undefined>(undefined);
  const show = useNavigationStore((state) => state.show);
  const accountId = location?.accountId;
  const bucket = location?.bucket;
  // Stable, like the other two row callbacks (state setters): the rows are memoized on their props.
  const startResume = useCallback(
    (upload: RemoteUpload) => {
      if (accountId !== undefined && bucket !== undefined) void resume.getState().start({ accountId, bucket, key: upload.key, uploadId: upload.uploadId });
    },
    [resume, accountId, bucket],
  );

  // First visit (or the shown account or bucket was removed): start where the uploads view's destination points.
  useEffect(() => {
    const account = location === undefined ? undefined : accounts.find((candidate) => candidate.id === location.accountId);
    if (account !== undefined && location !== undefined && account.buckets.includes(location.bucket)) return;
    const destination = useDestinationStore.getState();
    const preferred = accounts.find((candidate) => candidate.id === destination.accountId) ?? accounts[0];
    const bucket = preferred?.buckets.includes(destination.bucket ?? '') ? destination.bucket : preferred?.buckets[0];
    if (preferred !== undefined && bucket !== undefined) void browser.getState().open({ accountId: preferred.id, bucket, prefix: '' });
  }, [accounts, location, browser]);

  if (accounts.length === 0 || location === undefined) {
    return (
      <div className="screen screen-scroll">
        <h1 className="incomplete-title">{t('title')}</h1>
        {!accountsLoaded ? (
          <p role="status">{t('loading')}</p>
        ) : (
          <EmptyState title={t('noAccountTitle')} action={<Button label={t('goToAccounts')} onClick={() => show('accounts')} />}>
            {accounts.length === 0 ? t('noAccountBody') : t('noBucketBody')}
          </EmptyState>
        )}
      </div>
    );
  }

  const bucketRef = { accountId: location.accountId, bucket: location.bucket };
  const busy = bulkPhase === 'running' || bulkPhase === 'listing';
  const abortSelected = () => {
    const rows = selectedUploads(browser.getState());
    void bulk.getState().previewSelection(
      bucketRef,
      rows.map((row) => ({ key: row.key, uploadId: row.uploadId, initiated: row.initiated, ageMs: row.ageMs, ownedByJobId: row.ownedByJobId })),
    );
  };

  return (
    <div className="screen incomplete-screen">
      <div className="incomplete-header">
        <h1 className="incomplete-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <div className="toolbar incomplete-toolbar">
          <BucketPicker
            accounts={accounts}
            accountId={location.accountId}
            bucket={location.bucket}
            onChange={(accountId, bucket) => void browser.getState().open({ accountId, bucket, prefix: '' })}
          />
          <span className="toolbar-spacer" />
          <Button label={t('refresh')} onClick={() => void browser.getState().refresh()} />
        </div>
        <div className="toolbar incomplete-toolbar">
          <PrefixBreadcrumbs
            bucket={location.bucket}
            prefix={location.prefix}
            label={t('folderPath')}
            onOpen={(prefix) => void browser.getState().openPrefix(prefix)}
          />
          <span className="toolbar-spacer" />
          <label className="incomplete-select-all">
            <input
              type="checkbox"
              checked={uploadCount > 0 && selectedCount === uploadCount}
              disabled={uploadCount === 0}
              onChange={(event) => browser.getState().selectAll(event.target.checked)}
            />
            {t('selectAll')}
          </label>
          {selectedCount > 0 ? <span className="muted num">{t('selectedCount', { count: selectedCount })}</span> : null}
          <Button label={t('abortSelected')} tone="danger" disabled={selectedCount === 0 || busy} onClick={abortSelected} />
        </div>
        <OlderThanForm disabled={busy} onPreview={(days) => void bulk.getState().previewFilter(bucketRef, location.prefix, days)} />
      </div>
      <BulkAbortPanel store={bulk} />
      <ResumePanel store={resume} />
      <div className="incomplete-body">
        {listed && uploadCount === 0 && !hasFolders ? (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : (
          <UploadList
            store={browser}
            onAbort={setConfirming}
            onInspect={setInspecting}
            onResume={startResume}
          />
        )}
        {inspecting === undefined ? null : (
          <InspectPanel
            api={stores.api}
            target={{ ...bucketRef, key: inspecting.key, uploadId: inspecting.uploadId }}
            onClose={() => setInspecting(undefined)}
          />
        )}
      </div>
      {confirming === undefined ? null : <AbortConfirm upload={confirming} onDone={() => setConfirming(undefined)} />}
    </div>
  );
}
