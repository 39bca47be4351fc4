// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResult, okResult } from '../../shared/ipc/result';
import { runCommand, useNoticesStore } from '../state/notices-store';
import { NoticeArea } from './notice-area';

afterEach(() => {
  cleanup();
  useNoticesStore.getState().clear();
});

describe('NoticeArea', () => {
  it('shows every failed command with its code, request id and advice until dismissed', async () => {
    const view = render(createElement(NoticeArea));
    await act(async () => {
      expect(await runCommand('uploads.pause', Promise.resolve(okResult(undefined)))).toBeUndefined();
      await runCommand(
        'uploads.pause',
        Promise.resolve(errorResult({ code: 'AccessDenied', message: 'You have no right to access this object.', retryable: false, requestId: 'REQ-42', advice: 'Check the RAM policy.' })),
        'big.iso',
      );
    });
    expect(view.getByText('Could not finish: Pause upload (big.iso)')).toBeTruthy();
    expect(view.getByText('AccessDenied')).toBeTruthy();
    expect(view.getByText('REQ-42')).toBeTruthy();
    expect(view.getByText('Check the RAM policy.')).toBeTruthy();
    fireEvent.click(view.getByRole('button', { name: 'Dismiss' }));
    expect(view.queryByText('AccessDenied')).toBeNull();
  });
});
