// One incomplete upload in the browser's list. The row subscribes to its own stats cell, abort flag and error, so
// stats arriving for other rows do not re-render it, and it is memoized on its props (the upload object, the store and
// stable callbacks), so a scroll step re-renders only the list shell, not every row on screen. Its stats are asked for
// by the list for the rows in view (use-stats-for-visible-rows.ts), not by each row as it mounts: a fling mounts and
// drops hundreds of rows, and a request per mount is what made bench:ui's scroll long tasks (issue 6 item 4).
import { memo, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { RemoteUpload } from '../../../shared/models/remote-upload';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { IconButton } from '../../components/icon-button';
import { StatusBadge } from '../../components/status-badge';
import { formatBytes } from '../../format/format-bytes';
import { formatDate } from '../../format/format-date';
import { formatAge } from '../../format/format-duration';
import { useLanguage, useT } from '../../i18n/i18n';
import type { IncompleteStore } from './incomplete-store';
import { incompleteMessages } from './messages';
import { shortenUploadId } from './shorten-upload-id';
import { uploadRowKey } from './upload-row-key';

/** What a row can ask the screen to do. */
export interface UploadRowActions {
  readonly onAbort: (upload: RemoteUpload) => void;
  readonly onInspect: (upload: RemoteUpload) => void;
  readonly onResume: (upload: RemoteUpload) => void;
}

/** Props of UploadRow. */
export interface UploadRowProps extends UploadRowActions {
  readonly upload: RemoteUpload;
  readonly store: StoreApi<IncompleteStore>;
}

function StatsCells({ upload, store }: Pick<UploadRowProps, 'upload' | 'store'>) {
  const t = useT(incompleteMessages);
  const cell = useStore(store, (state) => state.stats[uploadRowKey(upload)]);
  if (cell === undefined || cell.state === 'loading') {
    return (
      <>
        <span className="incomplete-cell num muted">{t('statsLoading')}</span>
        <span className="incomplete-cell num muted" aria-hidden="true">
          …
        </span>
      </>
    );
  }
  if (cell.state === 'error') {
    return (
      <span className="incomplete-cell incomplete-cell-wide muted" title={`${cell.error.code}: ${cell.error.message}`}>
        {t('statsUnavailable')}
      </span>
    );
  }
  return (
    <>
      <span className="incomplete-cell num">{cell.stats.partCount}</span>
      <span className="incomplete-cell num">{formatBytes(cell.stats.bytesStored)}</span>
    </>
  );
}

function CopyUploadId({ uploadId }: { readonly uploadId: string }) {
  const t = useT(incompleteMessages);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return undefined;
    const timer = setTimeout(() => setCopied('idle'), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    // The clipboard API needs a focused, secure page: the app's own window and the harness on 127.0.0.1 both are.
    navigator.clipboard.writeText(uploadId).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  const label = copied === 'copied' ? t('copied') : copied === 'failed' ? t('copyFailed') : t('copyUploadId');
  return <IconButton label={label} icon={copied === 'copied' ? 'check' : 'copy'} onClick={copy} />;
}

function UploadRowImpl({ upload, store, onAbort, onInspect, onResume }: UploadRowProps) {
  const t = useT(incompleteMessages);
  const language = useLanguage();
  const rowKey = uploadRowKey(upload);
  const selected = useStore(store, (state) => state.selected[rowKey] === true);
  const aborting = useStore(store, (state) => state.aborting[rowKey] === true);
  const error = useStore(store, (state) => state.rowErrors[rowKey]);
  const toggleSelected = useStore(store, (state) => state.toggleSelected);
  const owned = upload.ownedByJobId !== undefined;

  return (
    <div className={selected ? 'incomplete-row incomplete-row-selected' : 'incomplete-row'}>
      <span className="incomplete-cell incomplete-check">
        <input type="checkbox" checked={selected} onChange={() => toggleSelected(upload)} aria-label={t('selectRow', { key: upload.key })} />
      </span>
      <span className="incomplete-cell incomplete-key">
        <span className="incomplete-key-text selectable" title={upload.key}>
          {upload.key}
        </span>
        {owned ? (
          <span title={t('thisAppHint', { jobId: upload.ownedByJobId ?? '' })}>
            <StatusBadge label={t('thisApp')} tone="info" />
          </span>
        ) : null}
        {error === undefined ? null : (
          <span className="incomplete-row-error">
            <ErrorMessage error={{ ...error, retryable: false }} compact />
          </span>
        )}
      </span>
      <span className="incomplete-cell incomplete-id">
        <code className="mono" title={upload.uploadId}>
          {shortenUploadId(upload.uploadId)}
        </code>
        <CopyUploadId uploadId={upload.uploadId} />
      </span>
      <span className="incomplete-cell incomplete-date" title={upload.initiated}>
        <span>{formatDate(upload.initiatedMs, language)}</span>
        <span className="muted">{formatAge(upload.ageMs, language)}</span>
      </span>
      <StatsCells upload={upload} store={store} />
      <span className="incomplete-cell incomplete-actions">
        <Button label={t('abort')} tone="danger" disabled={aborting} onClick={() => onAbort(upload)} />
        <Button label={t('inspect')} onClick={() => onInspect(upload)} />
        <Button
          label={t('resume')}
          disabled={owned}
          title={owned ? t('resumeOwnedHint') : undefined}
          onClick={() => onResume(upload)}
        />
      </span>
    </div>
  );
}

/** One row of the incomplete-uploads list (memoized: pass stable callbacks). */
export const UploadRow = memo(UploadRowImpl);
