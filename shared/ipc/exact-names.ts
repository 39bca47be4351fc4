// A runtime list of names that the compiler checks against a union type: a name missing from the list, or a name the
// union does not have, is a compile error. This is how COMMAND_NAMES and EVENT_NAMES stay complete.

type NoMissingNames<U extends string, L extends readonly string[]> = [Exclude<U, L[number]>] extends [never]
  ? unknown
  : { readonly missingNames: Exclude<U, L[number]> };

/**
 * `exactNames<U>()(['a', 'b'])` returns the list unchanged, typed as its literal tuple; it compiles only when the list
 * holds every member of U and nothing else (extra names fail `readonly U[]`, missing ones fail NoMissingNames, and
 * the error message names them). Duplicates are checked at run time by the contract tests.
 */
export function exactNames<U extends string>(): <const L extends readonly U[]>(list: L & NoMissingNames<U, L>) => L {
  return (list) => list;
}
