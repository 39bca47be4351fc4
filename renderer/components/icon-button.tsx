// A compact button showing a glyph; the accessible name is the label and it doubles as the tooltip, so a pointer user
// and a screen-reader user learn the same word.
import type { ButtonHTMLAttributes } from 'react';

/** Props of IconButton. */
export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  /** Accessible name and tooltip. */
  readonly label: string;
  /** A short glyph (Unicode symbol); hidden from assistive technology. */
  readonly icon: string;
  readonly tone?: 'default' | 'danger';
}

/** A glyph button with an accessible name. */
export function IconButton({ label, icon, tone = 'default', className, ...rest }: IconButtonProps) {
  const classes = ['icon-btn', tone === 'danger' ? 'icon-btn-danger' : '', className].filter(Boolean).join(' ');
  return (
    <button {...rest} type="button" className={classes} aria-label={label} title={label}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
