// A labelled form control with its hint and inline error, wired for assistive technology: the label names the
// control, the hint and the error describe it, aria-invalid marks it. Used by the account and settings forms.
import { useId, type ReactNode } from 'react';

/** What a field renders its control with. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

/** Props of FormField. */
export interface FormFieldProps {
  readonly label: string;
  readonly hint?: ReactNode;
  /** The inline error; the control is marked invalid while it is set. */
  readonly error?: string | undefined;
  readonly children: (control: FieldControlProps) => ReactNode;
}

/** A label, a control, a hint and an error. */
export function FormField({ label, hint, error, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? undefined : hintId, error === undefined ? undefined : errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy === '' ? undefined : describedBy })}
      {hint === undefined ? null : (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
