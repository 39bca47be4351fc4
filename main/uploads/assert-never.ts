/**
 * Exhaustiveness check for switches over tagged unions: the call only type-checks when every member was
 * handled, and throws if a value from outside the type reaches it at run time (e.g. from a stale journal).
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
