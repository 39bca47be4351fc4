// A small coloured label for a state. The colour is never the only cue: the text always says the state.

/** Colour family of a badge. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Props of StatusBadge. */
export interface StatusBadgeProps {
  readonly label: string;
  readonly tone: BadgeTone;
}

/** A state label. */
export function StatusBadge({ label, tone }: StatusBadgeProps) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
