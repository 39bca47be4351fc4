// "Inspect": every part OSS holds for one upload (incomplete.inspect walks all ListParts pages, oss-protocol.md §6.5),
// virtualized because an upload can hold up to 10,000 parts.
import { useEffect, useState } from 'react';
import type { BucketRef } from '../../../shared/ipc/command-payloads';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { WireError } from '../../../shared/ipc/result';
import type { RemoteUploadDetails, UploadSelection } from '../../../shared/models/remote-upload';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { VirtualList } from '../../components/virtual-list';
import { formatBytes } from '../../format/format-bytes';
import { formatDate } from '../../format/format-date';
import { useLanguage, useT } from '../../i18n/i18n';
import { incompleteMessages } from './messages';

const PART_ROW_HEIGHT = 30;

/** Props of InspectPanel. */
export interface InspectPanelProps {
  readonly api: Pick<BridgeApi, 'incomplete'>;
  readonly target: BucketRef & UploadSelection;
  readonly onClose: () => void;
}

type Loaded = { readonly state: 'loading' } | { readonly state: 'ready'; readonly details: RemoteUploadDetails } | { readonly state: 'error'; readonly error: WireError };

/** The part list of one upload. */
export function InspectPanel({ api, target, onClose }: InspectPanelProps) {
  const t = useT(incompleteMessages);
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const { accountId, bucket, key, uploadId } = target;

  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    void api.incomplete.inspect({ accountId, bucket, key, uploadId }).then((result) => {
      if (current) setLoaded(result.ok ? { state: 'ready', details: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, accountId, bucket, key, uploadId]);

  const title = t('inspectTitle', { key });
  let body;
  if (loaded.state === 'loading') body = <p role="status">{t('loading')}</p>;
  else if (loaded.state === 'error') body = <ErrorMessage error={loaded.error} />;
  else {
    const { details } = loaded;
    const parts = details.parts;
    body = (
      <>
        <p className="num">{t('inspectSummary', { count: details.partCount, bytes: formatBytes(details.bytesStored) })}</p>
        {details.owner === undefined ? null : <p>{t('inspectOwner', { jobId: details.owner.jobId, status: details.owner.status })}</p>}
        {parts.length === 0 ? (
          <p className="muted">{t('inspectEmpty')}</p>
        ) : (
          <>
            <div className="incomplete-part-row incomplete-part-head" aria-hidden="true">
              <span>{t('colPart')}</span>
              <span>{t('colSize')}</span>
              <span>{t('colEtag')}</span>
              <span>{t('colLastModified')}</span>
            </div>
            <VirtualList
              className="incomplete-mini-list"
              label={t('partsLabel')}
              count={parts.length}
              rowHeight={PART_ROW_HEIGHT}
              getKey={(index) => String(parts[index]?.partNumber ?? index)}
              rowLabel={(index) => `${t('colPart')} ${parts[index]?.partNumber ?? ''}`}
              renderRow={(index) => {
                const part = parts[index];
                if (part === undefined) return null;
                const modified = Date.parse(part.lastModified);
                return (
                  <div className="incomplete-part-row">
                    <span className="num">{part.partNumber}</span>
                    <span className="num">{formatBytes(part.sizeBytes)}</span>
                    <code className="mono selectable">{part.etag}</code>
                    <span title={part.lastModified}>{Number.isNaN(modified) ? part.lastModified : formatDate(modified, language)}</span>
                  </div>
                );
              }}
            />
          </>
        )}
      </>
    );
  }
  return (
    <section className="incomplete-panel incomplete-inspect" aria-label={title}>
      <div className="incomplete-panel-head">
        <h3 className="incomplete-key-text">{title}</h3>
        <Button label={t('close')} onClick={onClose} />
      </div>
      {body}
    </section>
  );
}
