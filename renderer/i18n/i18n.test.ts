import { describe, expect, it } from 'vitest';
import { appMessages } from '../app/messages';
import { commandMessages } from '../components/command-messages';
import { componentMessages } from '../components/messages';
import { accountMessages } from '../features/accounts/messages';
import { incompleteMessages } from '../features/incomplete/messages';
import { partMapMessages } from '../features/part-map/messages';
import { settingsMessages } from '../features/settings/messages';
import { uploadsMessages } from '../features/uploads/messages';
import { defineMessages, guessLanguage, interpolate, placeholdersOf, translate, type MessageCatalog } from './i18n';

const CATALOGS: Readonly<Record<string, MessageCatalog<string>>> = {
  appMessages,
  commandMessages,
  componentMessages,
  accountMessages,
  incompleteMessages,
  partMapMessages,
  settingsMessages,
  uploadsMessages,
};

describe('message catalogs', () => {
  it.each(Object.entries(CATALOGS))('%s: zh-CN has every en key, none extra, none empty, same placeholders', (_name, catalog) => {
    const enKeys = Object.keys(catalog.en).sort();
    expect(Object.keys(catalog['zh-CN']).sort()).toEqual(enKeys);
    for (const key of enKeys) {
      const en = catalog.en[key] ?? '';
      const zh = catalog['zh-CN'][key] ?? '';
      expect(en.trim(), `${key} (en)`).not.toBe('');
      expect(zh.trim(), `${key} (zh-CN)`).not.toBe('');
      expect(placeholdersOf(zh), `${key} placeholders`).toEqual(placeholdersOf(en));
    }
  });

  it('keeps the English names the e2e tests look controls up by', () => {
    expect(appMessages.en).toMatchObject({ uploads: 'Uploads', incomplete: 'Incomplete uploads', settings: 'Settings', accounts: 'Accounts' });
    expect(uploadsMessages.en).toMatchObject({
      addFiles: 'Add files',
      addFolder: 'Add folder',
      pause: 'Pause',
      resume: 'Resume',
      cancel: 'Cancel',
      retry: 'Retry',
      remove: 'Remove',
      pauseAll: 'Pause all',
      resumeAll: 'Resume all',
      clearFinished: 'Clear finished',
    });
  });
});

describe('interpolate and translate', () => {
  const catalog = defineMessages({ hello: 'Hello {name}, {count} files' }, { hello: '{name}，你好，共 {count} 个文件' });

  it('fills placeholders in the chosen language', () => {
    expect(translate(catalog, 'en', 'hello', { name: 'Ada', count: 3 })).toBe('Hello Ada, 3 files');
    expect(translate(catalog, 'zh-CN', 'hello', { name: 'Ada', count: 3 })).toBe('Ada，你好，共 3 个文件');
  });

  it('leaves an unknown placeholder visible instead of hiding it', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('no vars {x}')).toBe('no vars {x}');
  });

  it('lists placeholders sorted', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b', 'b']);
  });
});

describe('guessLanguage', () => {
  it('follows the first preferred language', () => {
    expect(guessLanguage(['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(guessLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(guessLanguage(['zh-TW'])).toBe('zh-CN');
    expect(guessLanguage(['de-DE', 'en'])).toBe('en');
    expect(guessLanguage([])).toBe('en');
  });
});
