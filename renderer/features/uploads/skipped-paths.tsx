// Paths the engine did not turn into jobs (unreadable, not a regular file, key too long, …), listed until dismissed
// so the user knows exactly what was left out of a drop or a pick.
import type { SkippedPath } from '../../../shared/ipc/command-payloads';
import { IconButton } from '../../components/icon-button';
import { useT } from '../../i18n/i18n';
import { uploadsMessages } from './messages';

/** Props of SkippedPaths. */
export interface SkippedPathsProps {
  readonly skipped: readonly SkippedPath[];
  readonly onDismiss: () => void;
}

/** The "not added" banner. */
export function SkippedPaths({ skipped, onDismiss }: SkippedPathsProps) {
  const t = useT(uploadsMessages);
  if (skipped.length === 0) return null;
  const title = t('skippedTitle', { count: skipped.length });
  return (
    <section className="skipped-paths" role="alert" aria-label={title}>
      <div className="skipped-header">
        <strong>{title}</strong>
        <IconButton icon="close" label={t('dismiss')} onClick={onDismiss} />
      </div>
      <ul className="skipped-list">
        {skipped.map((item) => (
          <li key={item.path}>
            <span className="mono">{item.path}</span> — <code>{item.code}</code> {item.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
