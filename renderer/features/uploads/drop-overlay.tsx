// The full-window overlay shown while files are dragged over the app: it says exactly where they will go, so a
// drop is never a surprise. Pointer events pass through it to the window's drop listeners.
import type { UploadDestination } from '../../../shared/ipc/command-payloads';
import { useT } from '../../i18n/i18n';
import { uploadsMessages } from './messages';

/** Props of DropOverlay. */
export interface DropOverlayProps {
  readonly destination: UploadDestination | undefined;
}

/** The drop overlay. */
export function DropOverlay({ destination }: DropOverlayProps) {
  const t = useT(uploadsMessages);
  const text =
    destination === undefined ? t('dropNoDestination') : t('dropOverlay', { bucket: destination.bucket, prefix: destination.prefix });
  return (
    <div className="drop-overlay" role="status">
      <div className="drop-overlay-card">{text}</div>
    </div>
  );
}
