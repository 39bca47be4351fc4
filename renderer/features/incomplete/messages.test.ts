import { describe, expect, it } from 'vitest';
import { placeholdersOf, type MessageCatalog } from '../../i18n/i18n';
import { accountMessages } from '../accounts/messages';
import { settingsMessages } from '../settings/messages';
import { incompleteMessages } from './messages';

// The compiler already refuses a zh-CN table with a missing or extra key; this checks what it cannot: no empty
// string, the same placeholders in both languages, and Chinese that is actually translated.
const catalogs: Record<string, MessageCatalog<string>> = {
  incomplete: incompleteMessages,
  accounts: accountMessages,
  settings: settingsMessages,
};

// Strings that are the same in both languages on purpose: product terms and numbers OSS users see in Chinese consoles too.
const SAME_IN_BOTH = new Set(['bucket', 'partsValue', 'colEtag', 'keyId', 'buckets', 'accessKeySecret']);

describe.each(Object.entries(catalogs))('%s messages', (_name, catalog) => {
  it('has every English key in zh-CN, non-empty, with the same placeholders', () => {
    for (const key of Object.keys(catalog.en)) {
      const en = catalog.en[key] ?? '';
      const zh = catalog['zh-CN'][key];
      expect(zh, key).toBeTypeOf('string');
      expect(zh?.trim(), key).not.toBe('');
      expect(placeholdersOf(zh ?? ''), key).toEqual(placeholdersOf(en));
    }
    expect(Object.keys(catalog['zh-CN']).sort()).toEqual(Object.keys(catalog.en).sort());
  });

  it('translates into Chinese rather than copying English', () => {
    for (const key of Object.keys(catalog.en)) {
      if (SAME_IN_BOTH.has(key)) continue;
      expect(/[\u4e00-\u9fff]/.test(catalog['zh-CN'][key] ?? ''), key).toBe(true);
    }
  });
});
