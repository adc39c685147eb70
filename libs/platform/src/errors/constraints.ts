import { ErrorCode } from './domain-error';

export interface ConstraintRule {
  code: ErrorCode;
  message: string;
}

/**
 * Invariants live in the database; this table turns the name of a violated constraint into
 * the error a client sees. Each domain module registers its own constraints at load time.
 */
const rules = new Map<string, ConstraintRule>();

export function registerConstraints(entries: Record<string, ConstraintRule>): void {
  for (const [name, rule] of Object.entries(entries)) rules.set(name, rule);
}

export function constraintRule(name: string | undefined): ConstraintRule | undefined {
  return name ? rules.get(name) : undefined;
}
