// The uploads toolbar: add files or a folder through the native dialogs, and the whole-list actions. The visible
// text has the ellipsis of a dialog-opening command; the accessible name is exactly "Add files" / "Add folder".
import { getUploader } from '../../bridge/uploader';
import { Button } from '../../components/button';
import { useT } from '../../i18n/i18n';
import { runCommand } from '../../state/notices-store';
import { uploadsMessages } from './messages';

/** Props of UploadsToolbar. */
export interface UploadsToolbarProps {
  /** False without a destination: there is nowhere to add files to. */
  readonly canAdd: boolean;
  readonly onAdd: (kind: 'files' | 'folder') => void;
}

/** The uploads toolbar. */
export function UploadsToolbar({ canAdd, onAdd }: UploadsToolbarProps) {
  const t = useT(uploadsMessages);
  const uploads = () => getUploader().uploads;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('title')}>
      <Button label={t('addFiles')} tone="primary" disabled={!canAdd} onClick={() => onAdd('files')}>
        {t('addFilesVisible')}
      </Button>
      <Button label={t('addFolder')} disabled={!canAdd} onClick={() => onAdd('folder')}>
        {t('addFolderVisible')}
      </Button>
      <span className="toolbar-spacer" />
      <Button label={t('pauseAll')} onClick={() => void runCommand('uploads.pauseAll', uploads().pauseAll())} />
      <Button label={t('resumeAll')} onClick={() => void runCommand('uploads.resumeAll', uploads().resumeAll())} />
      <Button label={t('clearFinished')} onClick={() => void runCommand('uploads.clearFinished', uploads().clearFinished())} />
    </div>
  );
}
