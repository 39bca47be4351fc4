// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { okResult } from '../../../shared/ipc/result';
import { createFakeUploader } from '../../bridge/fake-uploader';
import { AccountForm } from './account-form';
import { makeAccountView } from '../../state/test-accounts';

const saved = makeAccountView({
  name: 'Prod',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  buckets: ['photos'],
  addressing: 'virtual-hosted',
  isLocalEmulator: false,
});

afterEach(() => cleanup());

function input(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) throw new Error(`${label} is not a text field`);
  return element as HTMLInputElement;
}

describe('AccountForm', () => {
  it('keeps the secret write-only on an edit: empty password field with an "unchanged" placeholder', () => {
    const bridge = createFakeUploader();
    render(createElement(AccountForm, { api: bridge.api, mode: { kind: 'edit', account: saved }, onDone: () => undefined }));
    const secret = input('AccessKey secret');
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(secret.placeholder).toBe('unchanged');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    expect(input('AccessKey ID').value).toBe('');
    expect(input('Name').value).toBe('Prod');
  });

  it('shows every problem inline and sends nothing when the form is invalid', async () => {
    const bridge = createFakeUploader();
    render(createElement(AccountForm, { api: bridge.api, mode: { kind: 'add' }, onDone: () => undefined }));
    fireEvent.change(input('Buckets'), { target: { value: 'Bad_Bucket' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(screen.getByText(/“Bad_Bucket” is not a bucket name/)).toBeTruthy();
    expect(screen.getAllByText('Required.').length).toBeGreaterThanOrEqual(4);
    expect(input('Buckets').getAttribute('aria-invalid')).toBe('true');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    expect(bridge.calls).toEqual([]);
  });

  it('fills the region from the endpoint, tests the draft, then adds it', async () => {
    const bridge = createFakeUploader({
      'accounts.test': () => okResult({ ok: false, checks: [{ name: 'bucket', status: 'failed', bucket: 'photos', code: 'NoSuchBucket', requestId: 'req-7', advice: 'Check the bucket name and region.' }] }),
      'accounts.add': (draft) => okResult({ ...saved, name: draft.name }),
    });
    let done = 0;
    render(createElement(AccountForm, { api: bridge.api, mode: { kind: 'add' }, onDone: () => (done += 1) }));
    fireEvent.change(input('Name'), { target: { value: 'Prod' } });
    fireEvent.change(input('Endpoint'), { target: { value: 'https://oss-cn-beijing.aliyuncs.com' } });
    fireEvent.blur(input('Endpoint'));
    expect(input('Region').value).toBe('cn-beijing');
    fireEvent.change(input('Buckets'), { target: { value: 'photos' } });
    fireEvent.change(input('AccessKey ID'), { target: { value: 'LTAI5tKey' } });
    fireEvent.change(input('AccessKey secret'), { target: { value: 'the-secret' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    expect(bridge.argsOf('accounts.test')[0]).toMatchObject({ draft: { region: 'cn-beijing', buckets: ['photos'], accessKeySecret: 'the-secret' } });
    expect(screen.getByText('Bucket photos exists')).toBeTruthy();
    expect(screen.getByText('Check the bucket name and region.')).toBeTruthy();
    expect(screen.getByText('Request ID req-7')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(bridge.argsOf('accounts.add')).toHaveLength(1);
    expect(done).toBe(1);
  });

  it('asks for the secret again when an edit moves the endpoint to another host', async () => {
    const bridge = createFakeUploader({ 'accounts.update': () => okResult(saved) });
    render(createElement(AccountForm, { api: bridge.api, mode: { kind: 'edit', account: saved }, onDone: () => undefined }));
    fireEvent.change(input('Endpoint'), { target: { value: 'https://oss-cn-beijing.aliyuncs.com' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(screen.getByText(/a saved secret is only sent to the endpoint it was entered for/)).toBeTruthy();
    expect(bridge.calls).toEqual([]);
    fireEvent.change(input('AccessKey secret'), { target: { value: 'again' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(bridge.argsOf('accounts.update')).toEqual([{ accountId: 'acc-1', patch: { endpoint: 'https://oss-cn-beijing.aliyuncs.com', accessKeySecret: 'again' } }]);
  });
});
