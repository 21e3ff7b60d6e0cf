import type { Rule } from '../core/rule';

/** Every rule, in the order fixes are preferred when they overlap. Each has <id>.ts, <id>.md and test/rules/<id>/. */
export const rules: readonly Rule[] = [];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
