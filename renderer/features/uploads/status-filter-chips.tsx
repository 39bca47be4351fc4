// Filter chips with a count per status group; toggle buttons (aria-pressed) so the current filter is announced.
import { useT } from '../../i18n/i18n';
import { useStatusCounts } from '../../state/job-selectors';
import { STATUS_FILTERS } from '../../state/job-status-groups';
import { useJobsStore } from '../../state/jobs-store';
import { FILTER_LABELS } from './job-status-display';
import { uploadsMessages } from './messages';

/** The status filter chips. */
export function StatusFilterChips() {
  const t = useT(uploadsMessages);
  const counts = useStatusCounts();
  const filter = useJobsStore((state) => state.filter);
  const setFilter = useJobsStore((state) => state.setFilter);
  return (
    <div className="chips status-chips" role="group" aria-label={t('filters')}>
      {STATUS_FILTERS.map((candidate) => (
        <button
          key={candidate}
          type="button"
          className="chip"
          aria-pressed={candidate === filter}
          onClick={() => setFilter(candidate)}
        >
          {t(FILTER_LABELS[candidate])}
          <span className="chip-count">{counts[candidate]}</span>
        </button>
      ))}
    </div>
  );
}
