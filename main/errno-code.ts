// The `code` of a Node.js system error (`ENOENT`, `EACCES`, …), read without trusting the shape of a thrown value.

/** `error.code` when the thrown value carries a string code, else undefined. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
