// "Fail the next N requests of operation X" rules, for tests that need one failure at an exact spot (e.g. in the
// middle of a bulk abort). Rules are consumed first-in, first-out.
import type { FailNextRule } from '../emulator-types';

/** Pending fail-next rules. */
export class FailNextQueue {
  private rules: Array<{ rule: FailNextRule; remaining: number }> = [];

  /** Queues a rule. */
  add(rule: FailNextRule): void {
    if (rule.count > 0) this.rules.push({ rule, remaining: rule.count });
  }

  /** Drops every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rule that applies to this request, consuming one of its uses; undefined when none does. */
  take(operation: string, key: string): FailNextRule | undefined {
    const entry = this.rules.find(
      (e) => e.rule.operation === operation && (e.rule.keyPrefix === undefined || key.startsWith(e.rule.keyPrefix)),
    );
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules = this.rules.filter((e) => e !== entry);
    return entry.rule;
  }

  /** Rules still pending, with their remaining counts. */
  pending(): FailNextRule[] {
    return this.rules.map((e) => ({ ...e.rule, count: e.remaining }));
  }
}
