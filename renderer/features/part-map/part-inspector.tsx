// The details of the hovered or focused part: number, byte range, state, ETag, CRC-64, attempts, last error.
import type { PartSnapshot } from '../../../shared/models/job';
import { useT } from '../../i18n/i18n';
import { describePart } from './describe-part';
import { partMapMessages } from './messages';

/** Props of PartInspector. */
export interface PartInspectorProps {
  readonly part: PartSnapshot | undefined;
}

/** The part inspector. */
export function PartInspector({ part }: PartInspectorProps) {
  const t = useT(partMapMessages);
  if (part === undefined) return <p className="part-inspector muted">{t('inspectorHint')}</p>;
  const description = describePart(part, t);
  return (
    <section className="part-inspector" aria-label={description.title}>
      <h3 className="part-inspector-title">{description.title}</h3>
      <dl className="part-inspector-fields">
        {description.fields.map((field) => (
          <div key={field.label} className="part-inspector-field">
            <dt>{field.label}</dt>
            <dd className="mono selectable">{field.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
