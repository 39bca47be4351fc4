// A determinate progress bar with its value exposed to assistive technology (role="progressbar", aria-valuenow).
// Drawn with a CSS custom property on a class (no inline style, the CSP has no 'unsafe-inline' for styles): the
// width is set through the CSSOM, which CSP allows.
import { useLayoutEffect, useRef } from 'react';

/** Props of ProgressBar. */
export interface ProgressBarProps {
  /** 0..100. */
  readonly percent: number;
  /** Accessible name, e.g. the file name. */
  readonly label: string;
  /** Spoken value, e.g. "42 % (1.2 GiB of 3 GiB)". */
  readonly valueText?: string | undefined;
  readonly tone?: 'active' | 'paused' | 'failed' | 'done';
}

/** A progress bar. */
export function ProgressBar({ percent, label, valueText, tone = 'active' }: ProgressBarProps) {
  const fill = useRef<HTMLDivElement>(null);
  const clamped = Math.min(100, Math.max(0, Math.round(percent)));
  useLayoutEffect(() => {
    // CSSOM writes are not inline style attributes in the CSP sense (style-src governs markup and <style>).
    // A fraction for `transform: scaleX()` (components.css explains why not `width`).
    fill.current?.style.setProperty('--progress', String(clamped / 100));
  }, [clamped]);
  return (
    <div
      className={`progress progress-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" ref={fill} />
    </div>
  );
}
