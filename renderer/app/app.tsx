// The app frame: a header with the four screens, the current screen, and the notice area. A plain switch (no router,
// no lazy loading): four screens are all in one small bundle, and each keeps its state in stores, not in the tree.
import { useEffect } from 'react';
import { getUploader } from '../bridge/uploader';
import { NoticeArea } from '../components/notice-area';
import { AccountsView } from '../features/accounts/accounts-view';
import { IncompleteView } from '../features/incomplete/incomplete-view';
import { SettingsView } from '../features/settings/settings-view';
import { UploadsView } from '../features/uploads/uploads-view';
import { useT } from '../i18n/i18n';
import { useAccountsStore } from '../state/accounts-store';
import { useJobsStore } from '../state/jobs-store';
import { SCREENS, useNavigationStore, type Screen } from '../state/navigation-store';
import { useSettingsStore } from '../state/settings-store';
import { appMessages } from './messages';
import { useDocumentAppearance } from './use-document-appearance';

function CurrentScreen({ screen }: { readonly screen: Screen }) {
  switch (screen) {
    case 'uploads':
      return <UploadsView />;
    case 'incomplete':
      return <IncompleteView />;
    case 'accounts':
      return <AccountsView />;
    case 'settings':
      return <SettingsView />;
  }
}

/** The whole UI. */
export function App() {
  const t = useT(appMessages);
  const screen = useNavigationStore((state) => state.screen);
  const show = useNavigationStore((state) => state.show);
  useDocumentAppearance();

  useEffect(() => {
    // The stores follow their change events from here on, whatever screen is shown; failures land in the notices.
    void useSettingsStore.getState().load();
    void useAccountsStore.getState().load();
    void useJobsStore.getState().load();
    // The application menu's "Add files…" / "Add folder…" (Electron only; the harness has no menu). The uploads
    // screen opens the dialog, because it knows the destination and shows what was skipped.
    return getUploader().on('app.menuCommand', ({ command }) => {
      useNavigationStore.getState().requestAdd(command === 'addFiles' ? 'files' : 'folder');
    });
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{t('appName')}</span>
        <nav className="app-nav" aria-label={t('navigation')}>
          {SCREENS.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className="nav-button"
              aria-current={candidate === screen ? 'page' : undefined}
              onClick={() => show(candidate)}
            >
              {t(candidate)}
            </button>
          ))}
        </nav>
      </header>
      <main className="app-main">
        <CurrentScreen screen={screen} />
      </main>
      <NoticeArea />
    </div>
  );
}
