// The browser's list: a column header, then folders first (as CommonPrefixes come), then uploads, then a status row
// that loads the next page. Virtualized, so 10,000 uploads scroll like 10 (issue 6 bench:ui); the next page loads when
// the last rows come into view, and the status row also offers a "Load more" button for keyboard users. Part counts
// and bytes are asked for the rows in view (use-stats-for-visible-rows.ts).
import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { Icon } from '../../components/icon';
import { VirtualList } from '../../components/virtual-list';
import { useT } from '../../i18n/i18n';
import { folderLabel } from './build-breadcrumbs';
import { FOLDER_DELIMITER, type IncompleteStore } from './incomplete-store';
import { incompleteMessages } from './messages';
import { UploadRow, type UploadRowActions } from './upload-row';
import { uploadRowKey } from './upload-row-key';
import { useStatsForVisibleRows } from './use-stats-for-visible-rows';

/** Pixel height of a row: two lines of text plus padding. */
export const UPLOAD_ROW_HEIGHT = 52;

/** Props of UploadList. */
export interface UploadListProps extends UploadRowActions {
  readonly store: StoreApi<IncompleteStore>;
}

function ListStatus({ store }: { readonly store: StoreApi<IncompleteStore> }) {
  const t = useT(incompleteMessages);
  const loading = useStore(store, (state) => state.loading);
  const complete = useStore(store, (state) => state.complete);
  const loadError = useStore(store, (state) => state.loadError);
  const count = useStore(store, (state) => state.uploads.length);
  const loadMore = useStore(store, (state) => state.loadMore);
  const refresh = useStore(store, (state) => state.refresh);
  if (loadError !== undefined) {
    return (
      <div className="incomplete-status">
        <ErrorMessage error={loadError} compact />
        <Button label={t('refresh')} onClick={() => void refresh()} />
      </div>
    );
  }
  if (loading) return <div className="incomplete-status muted">{t('loading')}</div>;
  if (complete) {
    // data-all-loaded: a language-independent hook for bench/ui.ts, which waits for the whole list.
    return (
      <div className="incomplete-status muted" data-all-loaded={count}>
        {t('allLoaded', { count })}
      </div>
    );
  }
  return (
    <div className="incomplete-status">
      <span className="muted">{t('loadedCount', { count })}</span>
      <Button label={t('loadMore')} onClick={() => void loadMore()} />
    </div>
  );
}

// The column titles, on the rows' own grid (incomplete.css `.incomplete-row`) so they line up with the cells. Hidden
// from assistive technology like the inspect panel's header: each row's cells carry their own titles and names.
function ColumnHeader() {
  const t = useT(incompleteMessages);
  return (
    <div className="incomplete-row incomplete-head" aria-hidden="true">
      <span className="incomplete-cell" />
      <span className="incomplete-cell">{t('colKey')}</span>
      <span className="incomplete-cell">{t('colUploadId')}</span>
      <span className="incomplete-cell">{t('colInitiated')}</span>
      <span className="incomplete-cell incomplete-head-num">{t('colParts')}</span>
      <span className="incomplete-cell incomplete-head-num">{t('colStored')}</span>
      <span className="incomplete-cell incomplete-head-actions">{t('colActions')}</span>
    </div>
  );
}

/** The list of folders and uploads under the current prefix. */
export function UploadList({ store, onAbort, onInspect, onResume }: UploadListProps) {
  const t = useT(incompleteMessages);
  const folders = useStore(store, (state) => state.folders);
  const uploads = useStore(store, (state) => state.uploads);
  const prefix = useStore(store, (state) => state.location?.prefix ?? '');
  const openPrefix = useStore(store, (state) => state.openPrefix);
  const loadMore = useStore(store, (state) => state.loadMore);
  const onVisibleRangeChange = useStatsForVisibleRows(store);
  const count = folders.length + uploads.length + 1;

  // Stable per page: a new getKey makes the virtualizer rebuild the measurements of every row.
  const getKey = useCallback(
    (index: number): string => {
      if (index < folders.length) return `folder:${folders[index] ?? ''}`;
      const upload = uploads[index - folders.length];
      return upload === undefined ? 'status' : `upload:${uploadRowKey(upload)}`;
    },
    [folders, uploads],
  );

  const rowLabel = (index: number): string => {
    const folder = folders[index];
    if (folder !== undefined) return t('openFolder', { name: folderLabel(folder, prefix, FOLDER_DELIMITER) });
    return uploads[index - folders.length]?.key ?? t('loadMore');
  };

  const renderRow = (index: number) => {
    const folder = folders[index];
    if (folder !== undefined) {
      return (
        <div className="incomplete-row incomplete-folder-row">
          <button type="button" className="incomplete-folder" onClick={() => void openPrefix(folder)}>
            <Icon name="folder" />
            {folderLabel(folder, prefix, FOLDER_DELIMITER)}
            {FOLDER_DELIMITER}
          </button>
        </div>
      );
    }
    const upload = uploads[index - folders.length];
    if (upload === undefined) return <ListStatus store={store} />;
    return <UploadRow upload={upload} store={store} onAbort={onAbort} onInspect={onInspect} onResume={onResume} />;
  };

  return (
    <div className="incomplete-table">
      <ColumnHeader />
      <VirtualList
        className="incomplete-list"
        label={t('listLabel', { prefix: prefix === '' ? '/' : prefix })}
        count={count}
        rowHeight={UPLOAD_ROW_HEIGHT}
        getKey={getKey}
        rowLabel={rowLabel}
        renderRow={renderRow}
        onNearEnd={() => void loadMore()}
        onVisibleRangeChange={onVisibleRangeChange}
      />
    </div>
  );
}
