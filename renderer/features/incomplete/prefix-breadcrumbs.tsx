// The folder path above the list: the bucket, then one button per folder level; the last crumb is the current place.
import { buildBreadcrumbs } from './build-breadcrumbs';
import { FOLDER_DELIMITER } from './incomplete-store';

/** Props of PrefixBreadcrumbs. */
export interface PrefixBreadcrumbsProps {
  readonly bucket: string;
  readonly prefix: string;
  readonly label: string;
  readonly onOpen: (prefix: string) => void;
}

/** Breadcrumb navigation for a key prefix. */
export function PrefixBreadcrumbs({ bucket, prefix, label, onOpen }: PrefixBreadcrumbsProps) {
  const crumbs = buildBreadcrumbs(prefix, FOLDER_DELIMITER, bucket);
  return (
    <nav aria-label={label}>
      <ol className="breadcrumbs incomplete-breadcrumbs">
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1;
          return (
            <li key={crumb.prefix}>
              <button
                type="button"
                className="incomplete-crumb"
                aria-current={current ? 'location' : undefined}
                disabled={current}
                onClick={() => onOpen(crumb.prefix)}
              >
                {crumb.label}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
