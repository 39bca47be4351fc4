// A modal question before anything that loses data (remove, abort). Native <dialog> with showModal(): the rest of
// the page is inert and Escape fires 'cancel'; Tab is additionally wrapped inside so focus never leaves for the
// browser chrome. The confirm button names the action ("Abort upload"), never a bare "OK" (issue 6 item 4).
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import { useT } from '../i18n/i18n';
import { Button } from './button';
import { componentMessages } from './messages';

/** A second way to answer, between Cancel and the confirm action ("Keep parts on server"). */
export interface DialogChoice {
  readonly label: string;
  readonly onSelect: () => void;
}

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  /** Rendered (and shown modally) only while true. */
  readonly open: boolean;
  readonly title: string;
  /** What will happen, naming the object (key, size). */
  readonly children?: ReactNode;
  /** The action's name, e.g. "Abort upload". */
  readonly confirmLabel: string;
  readonly cancelLabel?: string | undefined;
  /** Styles the confirm button as dangerous. */
  readonly destructive?: boolean;
  readonly secondary?: DialogChoice | undefined;
  /** Disables the answers while the action runs. */
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  /** Cancel button, Escape, or the dialog closing otherwise. */
  readonly onCancel: () => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside `container`. */
function wrapTab(event: KeyboardEvent<HTMLElement>, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const focusables = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusables[0];
  const last = focusables[focusables.length - 1];
  if (first === undefined || last === undefined) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** A modal confirmation. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!props.open) return null;
  return <OpenDialog {...props} />;
}

function OpenDialog({ title, children, confirmLabel, cancelLabel, destructive = false, secondary, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT(componentMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (element !== null && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    // The safe answer has the focus, so a stray Enter never destroys anything.
    cancelButton.current?.focus();
    return () => {
      if (element?.open === true) element.close();
      previouslyFocused?.focus();
    };
  }, []);

  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    // Escape: keep React in charge of whether the dialog is shown.
    event.preventDefault();
    if (!busy) onCancel();
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={children === undefined ? undefined : bodyId}
      onCancel={onNativeCancel}
      onKeyDown={(event) => {
        if (dialog.current !== null) wrapTab(event, dialog.current);
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children === undefined ? null : (
        <div id={bodyId} className="dialog-body">
          {children}
        </div>
      )}
      <div className="dialog-actions">
        <CancelButton refObject={cancelButton} label={cancelLabel ?? t('cancel')} disabled={busy} onClick={onCancel} />
        {secondary === undefined ? null : <Button label={secondary.label} disabled={busy} onClick={secondary.onSelect} />}
        <Button label={confirmLabel} tone={destructive ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm} />
      </div>
    </dialog>
  );
}

// Button does not forward refs (React 19 passes `ref` as a prop, but Button's props type omits it on purpose).
function CancelButton(props: { refObject: RefObject<HTMLButtonElement | null>; label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button ref={props.refObject} type="button" className="btn btn-secondary" disabled={props.disabled} onClick={props.onClick}>
      {props.label}
    </button>
  );
}
