// The app's button: always type="button" (no accidental form submits), a required accessible name, and a tone that
// maps to the theme's colours. Visible text and accessible name may differ ("Add files…" is named "Add files").
import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** Visual weight of a button. */
export type ButtonTone = 'primary' | 'secondary' | 'danger' | 'ghost';

/** Props of Button. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  /** The accessible name; also the visible text unless `children` is given. */
  readonly label: string;
  readonly children?: ReactNode;
  readonly tone?: ButtonTone;
  /** Submits its form (dialogs with method="dialog"); buttons are plain buttons otherwise. */
  readonly submit?: boolean;
}

/** A labelled button. */
export function Button({ label, children, tone = 'secondary', submit = false, className, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${tone}`, className].filter(Boolean).join(' ');
  return (
    <button
      {...rest}
      type={submit ? 'submit' : 'button'}
      className={classes}
      // Only when the visible text differs from the name; otherwise the text itself names the button.
      aria-label={children === undefined ? undefined : label}
    >
      {children ?? label}
    </button>
  );
}
