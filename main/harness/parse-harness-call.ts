// Reads one WebSocket message from the page. Anything but `{ id, name, args? }` JSON is refused here with a reason;
// the name and the arguments themselves are checked by the dispatcher (COMMAND_SCHEMAS), as in Electron.
import type { HarnessCall } from './harness-protocol';

/** A call, or why the message is not one (with its id when one could be read, so the page can still match it). */
export type ParsedCall =
  | { readonly ok: true; readonly call: HarnessCall }
  | { readonly ok: false; readonly id: number | null; readonly reason: string };

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Parses `text` as a HarnessCall. */
export function parseHarnessCall(text: string): ParsedCall {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, id: null, reason: 'not a JSON object' };
  const id: unknown = 'id' in value ? value.id : undefined;
  if (!isCallId(id)) return { ok: false, id: null, reason: 'no numeric id' };
  const name: unknown = 'name' in value ? value.name : undefined;
  if (typeof name !== 'string') return { ok: false, id, reason: 'no command name' };
  const args: unknown = 'args' in value ? value.args : undefined;
  return { ok: true, call: { id, name, args } };
}
