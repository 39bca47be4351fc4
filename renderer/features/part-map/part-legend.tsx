// The colour key of the part map; each swatch uses the same CSS variable the canvas paints with.
import { useT } from '../../i18n/i18n';
import { partMapMessages } from './messages';

const ENTRIES = [
  ['pending', 'statePending'],
  ['inflight', 'stateInFlight'],
  ['retrying', 'stateRetrying'],
  ['done', 'stateDone'],
  ['failed', 'stateFailed'],
] as const;

/** The legend. */
export function PartLegend() {
  const t = useT(partMapMessages);
  return (
    <ul className="part-legend" aria-label={t('legend')}>
      {ENTRIES.map(([swatch, label]) => (
        <li key={swatch}>
          <span className={`part-swatch part-swatch-${swatch}`} aria-hidden="true" />
          {t(label)}
        </li>
      ))}
    </ul>
  );
}
