// How the rules read one request, for --explain's trace: the request's fields, and each rule tried up to
// the one that routed it, with every check of its condition. Slow path: built once, for one request.
import type { TrafficRow } from "../traffic/row.js";
import { type ConditionIssue, compileCondition, fieldAccessor, fieldEntries } from "./condition.js";
import type { CompiledPolicy, CompiledRule } from "./policy.js";
import type { ConditionSpec, Matcher } from "./policy-schema.js";

interface ConditionCheck {
  /** e.g. `use_case = "chat"`, `any (2 options)`. */
  test: string;
  actual: string;
  passed: boolean;
}

export interface RuleTrace {
  rule: string;
  matched: boolean;
  checks: ConditionCheck[];
  note: string | null;
}

/** The request as the policy language names its fields (`use_case`, `meta.<column>`). */
export type RequestFields = Record<string, string | number | boolean | null>;

export function describeRequest(row: TrafficRow): RequestFields {
  const meta = Object.fromEntries(Object.entries(row.meta).map(([k, v]) => [`meta.${k}`, v]));
  return {
    provider: row.provider ?? null,
    model: row.model,
    region: row.region ?? null,
    use_case: row.useCase ?? null,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    cache_read_tokens: row.cacheReadTokens,
    cache_write_tokens: row.cacheWriteTokens,
    requests: row.requests,
    requires_compliance: row.requiresCompliance,
    requires_latest: row.requiresLatest,
    cost_sensitivity: row.costSensitivity ?? null,
    latency_budget_ms: row.latencyBudgetMs ?? null,
    ...meta,
  };
}

/** The rules in order up to `chosen`, the one that routed the request; `skipped` are those replay passed
 * over for compliance. */
export function traceRules(
  policy: CompiledPolicy,
  row: TrafficRow,
  chosen: CompiledRule,
  skipped: readonly CompiledRule[],
): RuleTrace[] {
  const traces: RuleTrace[] = [];
  for (const rule of policy.rules) {
    const matched = rule.matches(row);
    const passedOver = skipped.includes(rule);
    traces.push({
      rule: rule.name,
      matched,
      checks: explainCondition(rule.spec?.when, row),
      note: passedOver ? "matched, but none of its targets carries the compliance label: passed over" : null,
    });
    if (rule === chosen) return traces;
  }
  traces.push({ rule: policy.defaultRule.name, matched: true, checks: [], note: "no rule matched" });
  return traces;
}

/** One check per field test and per combinator, in document order. */
function explainCondition(
  condition: ConditionSpec | undefined,
  row: TrafficRow,
  prefix = "",
): ConditionCheck[] {
  if (condition === undefined)
    return [{ test: "(no condition: matches every request)", actual: "", passed: true }];
  const checks: ConditionCheck[] = [];
  for (const [key, matcher] of fieldEntries(condition)) {
    const value = fieldAccessor(key)(row);
    checks.push({
      test: `${prefix}${key} ${describeMatcher(matcher)}`,
      actual: value === undefined ? "(absent)" : JSON.stringify(value),
      passed: evaluate({ [key]: matcher }, row),
    });
  }
  condition.all?.forEach((inner, i) => {
    checks.push(...explainCondition(inner, row, `${prefix}all[${i}].`));
  });
  if (condition.any) {
    checks.push({
      test: `${prefix}any of ${condition.any.length}`,
      actual: "",
      passed: evaluate({ any: condition.any }, row),
    });
    condition.any.forEach((inner, i) => {
      checks.push(...explainCondition(inner, row, `${prefix}any[${i}].`));
    });
  }
  if (condition.not) {
    checks.push({ test: `${prefix}not`, actual: "", passed: evaluate({ not: condition.not }, row) });
    checks.push(...explainCondition(condition.not, row, `${prefix}not.`));
  }
  return checks;
}

function evaluate(condition: ConditionSpec, row: TrafficRow): boolean {
  const issues: ConditionIssue[] = [];
  return compileCondition(condition, issues)(row);
}

function describeMatcher(matcher: Matcher): string {
  if (typeof matcher !== "object") return `= ${JSON.stringify(matcher)}`;
  return Object.entries(matcher)
    .filter(([, v]) => v !== undefined)
    .map(([op, v]) => `${op} ${JSON.stringify(v)}`)
    .join(" and ");
}
