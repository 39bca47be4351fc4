// The bulk-abort panel: the dry-run list (count, total bytes, the keys), then per-item results as they arrive, with a
// progress bar, the counts and every failure with its error (issue 6 item 4).
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { StatusBadge } from '../../components/status-badge';
import { VirtualList } from '../../components/virtual-list';
import { formatBytes } from '../../format/format-bytes';
import { formatAge } from '../../format/format-duration';
import { useLanguage, useT } from '../../i18n/i18n';
import type { BulkAbortCounts } from './bulk-abort-state';
import type { BulkAbortStore } from './bulk-abort-store';
import { incompleteMessages } from './messages';
import { uploadRowKey } from './upload-row-key';

const LIST_ROW_HEIGHT = 32;

function Counts({ counts }: { readonly counts: BulkAbortCounts }) {
  const t = useT(incompleteMessages);
  return <p className="num">{t('counts', { aborted: counts.aborted, gone: counts.alreadyGone, failed: counts.failed })}</p>;
}

function Failures({ counts }: { readonly counts: BulkAbortCounts }) {
  const t = useT(incompleteMessages);
  if (counts.failures.length === 0) return null;
  const failures = counts.failures;
  return (
    <div className="incomplete-failures">
      <h3>{t('failuresHeading')}</h3>
      <VirtualList
        className="incomplete-mini-list"
        label={t('failuresHeading')}
        count={failures.length}
        rowHeight={LIST_ROW_HEIGHT * 1.5}
        getKey={(index) => (failures[index] === undefined ? String(index) : uploadRowKey(failures[index]))}
        rowLabel={(index) => failures[index]?.key ?? ''}
        renderRow={(index) => {
          const failure = failures[index];
          if (failure === undefined) return null;
          return (
            <div className="incomplete-mini-row">
              <span className="incomplete-key-text">{failure.key}</span>
              <ErrorMessage error={{ ...failure.error, retryable: false }} compact />
            </div>
          );
        }}
      />
    </div>
  );
}

/** Props of BulkAbortPanel. */
export interface BulkAbortPanelProps {
  readonly store: StoreApi<BulkAbortStore>;
}

/** The bulk-abort preview, progress and result; nothing while idle. */
export function BulkAbortPanel({ store }: BulkAbortPanelProps) {
  const t = useT(incompleteMessages);
  const language = useLanguage();
  const state = useStore(store, (s) => s.state);
  const { confirm, cancel, dismiss } = store.getState();
  if (state.phase === 'idle') return null;

  const close = <Button label={t('close')} onClick={dismiss} />;
  let body;
  switch (state.phase) {
    case 'listing':
      body = <p role="status">{t('listing')}</p>;
      break;
    case 'error':
      body = (
        <>
          <ErrorMessage error={state.error} />
          <div className="incomplete-panel-actions">{close}</div>
        </>
      );
      break;
    case 'preview': {
      const { targets, bytes, request } = state;
      const title = request.kind === 'filter' ? t('previewTitle') : t('previewSelectionTitle');
      const measured = bytes.counted + bytes.failed >= targets.length;
      body = (
        <>
          <h3>{title}</h3>
          {targets.length === 0 && request.kind === 'filter' ? (
            <p>{t('previewNone', { prefix: request.filter.prefix === '' ? '/' : request.filter.prefix, days: request.olderThanDays })}</p>
          ) : (
            <>
              <p role="status" className="num">
                {measured
                  ? t('previewSummary', { count: targets.length, bytes: formatBytes(bytes.bytes) })
                  : t('previewCounting', { count: targets.length, counted: bytes.counted + bytes.failed })}
                {bytes.failed > 0 ? ` ${t('previewStatsFailed', { failed: bytes.failed })}` : ''}
              </p>
              <VirtualList
                className="incomplete-mini-list"
                label={title}
                count={targets.length}
                rowHeight={LIST_ROW_HEIGHT}
                getKey={(index) => (targets[index] === undefined ? String(index) : uploadRowKey(targets[index]))}
                rowLabel={(index) => targets[index]?.key ?? ''}
                renderRow={(index) => {
                  const target = targets[index];
                  if (target === undefined) return null;
                  return (
                    <div className="incomplete-mini-row">
                      <span className="incomplete-key-text">{target.key}</span>
                      {target.ownedByJobId === undefined ? null : <StatusBadge label={t('thisApp')} tone="info" />}
                      {target.ageMs === undefined ? null : <span className="muted">{formatAge(target.ageMs, language)}</span>}
                    </div>
                  );
                }}
              />
            </>
          )}
          <div className="incomplete-panel-actions">
            {close}
            {targets.length === 0 ? null : (
              <Button label={t('abortCount', { count: targets.length })} tone="danger" onClick={() => void confirm()} />
            )}
          </div>
        </>
      );
      break;
    }
    case 'running': {
      const percent = state.total === 0 ? 0 : (state.done / state.total) * 100;
      body = (
        <>
          <p role="status" className="num">
            {t('running', { done: state.done, total: state.total })}
          </p>
          <ProgressBar percent={percent} label={t('progressLabel')} valueText={t('running', { done: state.done, total: state.total })} />
          <Counts counts={state} />
          <Failures counts={state} />
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
          <h3 role="status">{state.canceled ? t('finishedCanceled', { count: state.notAttempted }) : t('finished')}</h3>
          <ProgressBar percent={state.total === 0 ? 100 : (state.done / state.total) * 100} label={t('progressLabel')} tone={state.failed > 0 ? 'failed' : 'done'} />
          <Counts counts={state} />
          <Failures counts={state} />
          <div className="incomplete-panel-actions">{close}</div>
        </>
      );
      break;
  }
  return (
    <section className="incomplete-panel" aria-label={t('bulkAbort')}>
      {body}
    </section>
  );
}
