// What a screen shows when it has nothing to show: what this place is for and what to do next (issue 6 item 6).
import type { ReactNode } from 'react';

/** Props of EmptyState. */
export interface EmptyStateProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** The next step, usually a Button. */
  readonly action?: ReactNode;
}

/** An explanatory placeholder with an optional next step. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state-title">{title}</h2>
      {children === undefined ? null : <div className="empty-state-body">{children}</div>}
      {action === undefined ? null : <div className="empty-state-action">{action}</div>}
    </section>
  );
}
