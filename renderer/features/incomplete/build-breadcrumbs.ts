/** One step of the folder path shown above the list: its label and the prefix it opens. */
export interface Breadcrumb {
  readonly label: string;
  readonly prefix: string;
}

/**
 * The breadcrumbs of `prefix` split at `delimiter`: the bucket root first, then one crumb per folder. Folders come from
 * CommonPrefixes (oss-protocol.md §6.6), which always end with the delimiter, so every crumb's prefix does too; a
 * trailing part without the delimiter (a prefix typed by hand) becomes a last crumb of its own.
 */
export function buildBreadcrumbs(prefix: string, delimiter: string, rootLabel: string): readonly Breadcrumb[] {
  const crumbs: Breadcrumb[] = [{ label: rootLabel, prefix: '' }];
  if (prefix === '' || delimiter === '') {
    if (prefix !== '') crumbs.push({ label: prefix, prefix });
    return crumbs;
  }
  let start = 0;
  while (start < prefix.length) {
    const end = prefix.indexOf(delimiter, start);
    const stop = end === -1 ? prefix.length : end + delimiter.length;
    const label = prefix.slice(start, end === -1 ? prefix.length : end);
    crumbs.push({ label: label === '' ? delimiter : label, prefix: prefix.slice(0, stop) });
    start = stop;
  }
  return crumbs;
}

/** The name of a folder (a CommonPrefix) relative to the prefix being browsed, without its trailing delimiter. */
export function folderLabel(folder: string, parentPrefix: string, delimiter: string): string {
  const relative = folder.startsWith(parentPrefix) ? folder.slice(parentPrefix.length) : folder;
  const name = delimiter !== '' && relative.endsWith(delimiter) ? relative.slice(0, -delimiter.length) : relative;
  return name === '' ? delimiter : name;
}
