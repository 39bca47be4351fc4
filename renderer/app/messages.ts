// Strings of the app frame (header navigation). The English names are what the e2e tests look controls up by.
import { defineMessages } from '../i18n/i18n';

/** Strings of renderer/app. */
export const appMessages = defineMessages(
  {
    appName: 'OSS Upload Manager',
    navigation: 'Main',
    uploads: 'Uploads',
    incomplete: 'Incomplete uploads',
    accounts: 'Accounts',
    settings: 'Settings',
  },
  {
    appName: 'OSS Upload Manager',
    navigation: '主导航',
    uploads: '上传',
    incomplete: '未完成的上传',
    accounts: '账号',
    settings: '设置',
  },
);
