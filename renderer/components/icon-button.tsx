// A compact button showing an icon; the accessible name is the label and it doubles as the tooltip, so a pointer user
// and a screen-reader user learn the same word.
import type { ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './icon';

/** Props of IconButton. */
export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  /** Accessible name and tooltip. */
  readonly label: string;
  /** Which icon to draw; hidden from assistive technology. */
  readonly icon: IconName;
  readonly tone?: 'default' | 'danger';
}

/** An icon button with an accessible name. */
export function IconButton({ label, icon, tone = 'default', className, ...rest }: IconButtonProps) {
  const classes = ['icon-btn', tone === 'danger' ? 'icon-btn-danger' : '', className].filter(Boolean).join(' ');
  return (
    <button {...rest} type="button" className={classes} aria-label={label} title={label}>
      <Icon name={icon} />
    </button>
  );
}
