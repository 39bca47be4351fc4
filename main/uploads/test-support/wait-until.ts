// TEST-ONLY: waits for a condition on real state (a job reaching some part count, …), polling briefly.

/** Resolves once `condition()` is true; rejects after `timeoutMs` with `what` in the message. */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
