// The few icons the interface uses, drawn as inline SVG. Font glyphs (emoji, dingbats) depend on the fonts a machine
// has: on a Linux box without an emoji or symbol font they render as empty boxes, an SVG renders everywhere.
/** Names of the icons. */
export type IconName = 'close' | 'copy' | 'check' | 'folder';

// 16×16 strokes; currentColor so icons follow the theme and the button's state.
const PATHS: Record<IconName, string> = {
  close: 'M4 4l8 8M12 4l-8 8',
  copy: 'M6 6h7v7H6zM3 10V3h7',
  check: 'M3 8.5l3 3 7-7',
  folder: 'M1.5 4.5v8h13v-6.5H7.5L6 4.5z',
};

/** One icon, hidden from assistive technology (the control around it carries the name). */
export function Icon({ name }: { readonly name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
