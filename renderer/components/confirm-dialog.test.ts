// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

afterEach(cleanup);

function renderDialog(open = true) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  const onKeep = vi.fn();
  const view = render(
    createElement(
      ConfirmDialog,
      { open, title: 'Abort “a.bin”?', confirmLabel: 'Abort upload', destructive: true, secondary: { label: 'Keep', onSelect: onKeep }, onConfirm, onCancel },
      'Deletes 3 parts (24 MiB).',
    ),
  );
  return { view, onConfirm, onCancel, onKeep };
}

describe('ConfirmDialog', () => {
  it('is a named dialog whose buttons name the actions, with the safe answer focused', () => {
    const { view, onConfirm, onKeep } = renderDialog();
    const dialog = view.getByRole('dialog', { name: 'Abort “a.bin”?' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(view.getByRole('button', { name: 'Keep' }));
    fireEvent.click(view.getByRole('button', { name: 'Abort upload' }));
    expect(onKeep).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('cancels on Escape (the native cancel event) and keeps Tab inside', () => {
    const { view, onCancel } = renderDialog();
    const dialog = view.getByRole('dialog');
    const last = view.getByRole('button', { name: 'Abort upload' });
    last.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('renders nothing while closed', () => {
    const { view } = renderDialog(false);
    expect(view.queryByRole('dialog')).toBeNull();
  });
});
