// Strings of the generic components (dialogs, errors, notices, progress).
import { defineMessages } from '../i18n/i18n';

/** Strings of renderer/components. */
export const componentMessages = defineMessages(
  {
    cancel: 'Cancel',
    close: 'Close',
    dismiss: 'Dismiss',
    dismissAll: 'Dismiss all',
    errorCode: 'Code',
    requestId: 'Request ID',
    whatToDo: 'What to do',
    copyRequestId: 'Copy request ID',
    retryable: 'Trying again later may work.',
    notices: 'Notices',
    commandFailed: 'Could not finish: {what}',
    commandFailedSubject: 'Could not finish: {what} ({subject})',
    progress: 'Progress',
    bridgeMissingTitle: 'OSS Upload Manager cannot start here',
    bridgeMissingBody: 'This page must be opened by the OSS Upload Manager app or by its browser harness (npm run dev:web).',
  },
  {
    cancel: '取消',
    close: '关闭',
    dismiss: '关闭提示',
    dismissAll: '全部关闭',
    errorCode: '错误码',
    requestId: '请求 ID',
    whatToDo: '处理建议',
    copyRequestId: '复制请求 ID',
    retryable: '稍后重试可能会成功。',
    notices: '通知',
    commandFailed: '操作未完成：{what}',
    commandFailedSubject: '操作未完成：{what}（{subject}）',
    progress: '进度',
    bridgeMissingTitle: 'OSS Upload Manager 无法在此运行',
    bridgeMissingBody: '请通过 OSS Upload Manager 应用或其浏览器调试环境（npm run dev:web）打开此页面。',
  },
);
