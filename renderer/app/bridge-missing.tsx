// Shown instead of the app when the page has no `window.uploader` (opened directly from disk or a plain web
// server): one clear sentence instead of a blank window and a console stack trace.
import { useT } from '../i18n/i18n';
import { componentMessages } from '../components/messages';

/** The full-page "no bridge" explanation. */
export function BridgeMissing() {
  const t = useT(componentMessages);
  return (
    <main className="bridge-missing" role="alert">
      <h1>{t('bridgeMissingTitle')}</h1>
      <p>{t('bridgeMissingBody')}</p>
    </main>
  );
}
