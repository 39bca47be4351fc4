// A ValidationFailed message says what was wrong in a few words and never repeats what was sent: an argument can be
// a 10 MB string, a secret, or a key name chosen by an attacker (zod's own "Unrecognized key" message quotes it).
import type { z } from 'zod';

/** Longest ValidationFailed message. */
export const MAX_VALIDATION_MESSAGE_CHARS = 300;
const MAX_SEGMENT_CHARS = 40;
const MAX_ISSUES_SHOWN = 3;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(arguments)';
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : clip(String(segment), MAX_SEGMENT_CHARS))).join('.');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map((k) => JSON.stringify(clip(k, MAX_SEGMENT_CHARS)));
      const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
      return `unexpected field${issue.keys.length === 1 ? '' : 's'} ${keys.join(', ')}${more}`;
    }
    case 'invalid_union':
      return 'does not match any accepted form';
    default:
      // zod's messages for types, sizes, formats and enums name the expectation, not the value received.
      return clip(issue.message, 120);
  }
}

/** `Invalid arguments: paths: Too big…; destination.prefix: …` in at most MAX_VALIDATION_MESSAGE_CHARS characters. */
export function formatValidationIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`);
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more)` : '';
  return clip(`Invalid arguments: ${shown.join('; ')}${more}`, MAX_VALIDATION_MESSAGE_CHARS);
}
