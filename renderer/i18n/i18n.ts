// Tiny typed i18n: every feature keeps an English and a Simplified Chinese table in its own messages.ts, and the
// compiler refuses a Chinese table that misses an English key (or has one too many). The language comes from the
// settings store, so switching it in Settings re-renders every string at once (issue 6 item 6).
import { useCallback } from 'react';
import type { Language } from '../../shared/ipc/app-settings';
import { useSettingsStore } from '../state/settings-store';

/** A feature's strings in both languages, keyed alike. `{name}` marks a placeholder. */
export interface MessageCatalog<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly 'zh-CN': Readonly<Record<K, string>>;
}

/** Placeholder values; numbers are inserted as they are (format them first when they are sizes or dates). */
export type MessageVars = Readonly<Record<string, string | number>>;

/** Looks a key up and fills its placeholders. */
export type Translate<K extends string> = (key: K, vars?: MessageVars) => string;

/**
 * Declares a feature's strings. The Chinese table must have exactly the English keys: a missing key is a compile
 * error, and so is an extra one (excess property check on the literal).
 */
export function defineMessages<const E extends Readonly<Record<string, string>>>(
  en: E,
  zhCN: { readonly [K in keyof E]: string },
): MessageCatalog<Extract<keyof E, string>> {
  return Object.freeze({ en: Object.freeze({ ...en }), 'zh-CN': Object.freeze({ ...zhCN }) });
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed, not hidden. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (vars === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The string for `key` in `language`, falling back to English (never to the bare key). */
export function translate<K extends string>(catalog: MessageCatalog<K>, language: Language, key: K, vars?: MessageVars): string {
  return interpolate(catalog[language][key] ?? catalog.en[key], vars);
}

/** The placeholder names of a template, sorted; both languages of a key must use the same ones. */
export function placeholdersOf(template: string): readonly string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

/**
 * The language before the settings arrive: Chinese when the browser's (or Electron's OS) first preference is
 * Chinese, so the first frame is not in the wrong language for most OSS users in China.
 */
export function guessLanguage(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('zh') === true ? 'zh-CN' : 'en';
}

function navigatorLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** The current UI language (from settings; guessed from the browser until they load). */
export function useLanguage(): Language {
  return useSettingsStore((state) => state.settings?.language ?? guessLanguage(navigatorLanguages()));
}

/** `t(key, vars?)` for one feature's catalog, in the current language. */
export function useT<K extends string>(catalog: MessageCatalog<K>): Translate<K> {
  const language = useLanguage();
  return useCallback((key: K, vars?: MessageVars) => translate(catalog, language, key, vars), [catalog, language]);
}
