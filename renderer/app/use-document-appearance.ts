// Applies the theme and language settings to <html>: `data-theme` overrides the system colour scheme only when the
// user chose light or dark (styles/theme.css follows prefers-color-scheme otherwise), and `lang` lets the browser
// pick CJK fonts and line breaking for Chinese.
import { useEffect } from 'react';
import { useLanguage } from '../i18n/i18n';
import { useSettingsStore } from '../state/settings-store';

/** Keeps `<html data-theme lang>` in step with the settings. */
export function useDocumentAppearance(): void {
  const theme = useSettingsStore((state) => state.settings?.theme ?? 'system');
  const language = useLanguage();
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
