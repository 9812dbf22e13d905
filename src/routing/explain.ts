// The full trace of one request (--explain): each rule tried and why it matched or not, the candidates
// with their costs and scores, every attempt and the decision. Slow path: built once, for one request.
import type { TrafficRow } from "../traffic/row.js";
import { scoreOf } from "./candidates.js";
import { type ConditionIssue, compileCondition, fieldAccessor, fieldEntries } from "./condition.js";
import type { CompiledPolicy, CompiledRule } from "./policy.js";
import type { ConditionSpec, Matcher } from "./policy-schema.js";
import { decisionReasoning } from "./reasoning.js";
import { type AttemptOutcome, type RoutingDecision, requestIdOf } from "./replay.js";

export interface ConditionCheck {
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

export interface CandidateTrace {
  target: string;
  eligible: boolean;
  cost_usd: number;
  score: number | null;
  cost_score: number | null;
  performance: number;
  latency_score: number | null;
}

export interface RouteTrace {
  request_id: string;
  row: number;
  timestamp: string | null;
  request: Record<string, string | number | boolean | null>;
  rules: RuleTrace[];
  route: { rule: string; kind: string };
  candidates: CandidateTrace[];
  attempts: { target: string; outcome: AttemptOutcome }[];
  decision: {
    rule: string;
    reason_code: string;
    target: string | null;
    reasoning: string;
    confidence: number | null;
    cost_usd: number | null;
    logged_cost_usd: number | null;
    cost_impact_usd: number | null;
    fallback_path: string;
  };
}

export interface ReplayState {
  costs: Float64Array;
  attempts: { target: number; outcome: AttemptOutcome }[];
  skippedRules: readonly CompiledRule[];
}

export function traceRequest(
  policy: CompiledPolicy,
  row: TrafficRow,
  decision: RoutingDecision,
  state: ReplayState,
): RouteTrace {
  const chosen =
    [...policy.rules, policy.defaultRule].find((r) => r.index === decision.ruleIndex) ?? policy.defaultRule;
  return {
    request_id: requestIdOf(decision),
    row: row.row,
    timestamp: row.timestamp === undefined ? null : new Date(row.timestamp).toISOString(),
    request: describeRequest(row),
    rules: traceRules(policy, row, chosen, state.skippedRules),
    route: { rule: chosen.name, kind: chosen.route.kind },
    candidates: traceCandidates(policy, chosen, row, state.costs),
    attempts: state.attempts.map((a) => ({
      target: policy.targets[a.target]?.name ?? "?",
      outcome: a.outcome,
    })),
    decision: {
      rule: decision.rule,
      reason_code: decision.reasonCode,
      target: decision.targetIndex >= 0 ? decision.target : null,
      reasoning: decisionReasoning(decision),
      confidence: decision.confidence ?? null,
      cost_usd: decision.costUsd,
      logged_cost_usd: decision.loggedCostUsd,
      cost_impact_usd: decision.costImpactUsd,
      fallback_path: decision.fallbackPath,
    },
  };
}

function describeRequest(row: TrafficRow): Record<string, string | number | boolean | null> {
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

function traceRules(
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
export function explainCondition(
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

function traceCandidates(
  policy: CompiledPolicy,
  rule: CompiledRule,
  row: TrafficRow,
  costs: Float64Array,
): CandidateTrace[] {
  const needsLabel = row.requiresCompliance && policy.compliance.enforce;
  const eligible = rule.route.candidates.filter((t) => !needsLabel || policy.targets[t]?.compliant === true);
  const minCost = Math.min(...eligible.map((t) => costs[t] ?? 0));
  const minLatency = Math.min(...eligible.map((t) => policy.targets[t]?.latencyMs ?? 1));
  const scored = rule.route.kind === "best_scored";
  return rule.route.candidates.flatMap((t) => {
    const target = policy.targets[t];
    if (!target) return [];
    const isEligible = eligible.includes(t);
    const score =
      scored && isEligible ? scoreOf(rule.route, target, costs[t] ?? 0, minCost, minLatency) : undefined;
    return [
      {
        target: target.name,
        eligible: isEligible,
        cost_usd: costs[t] ?? 0,
        score: score?.score ?? null,
        cost_score: score?.costScore ?? null,
        performance: target.performance,
        latency_score: score?.latencyScore ?? null,
      },
    ];
  });
}
