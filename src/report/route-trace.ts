// The --explain trace as plain, versioned data: what `--format json` prints (`{ schema_version, command,
// explain }`) and what the table, markdown and CSV renderers read.
import { decisionReasoning, requestIdOf } from "../routing/decision.js";
import type { RouteTrace } from "../routing/replay.js";
import { ROUTE_SCHEMA_VERSION } from "./route-report.js";

export function buildTraceReport(trace: RouteTrace) {
  const d = trace.decision;
  return {
    schema_version: ROUTE_SCHEMA_VERSION,
    command: "route" as const,
    explain: {
      request_id: requestIdOf(d),
      row: d.row,
      timestamp: d.timestampMs === undefined ? null : new Date(d.timestampMs).toISOString(),
      request: trace.request,
      rules: trace.rules.map((r) => ({
        rule: r.rule,
        matched: r.matched,
        checks: r.checks.map((c) => ({ test: c.test, actual: c.actual, passed: c.passed })),
        note: r.note,
      })),
      route: { rule: trace.route.rule, kind: trace.route.kind },
      candidates: trace.candidates.map((c) => ({
        target: c.target,
        eligible: c.eligible,
        cost_usd: c.costUsd,
        score: c.score?.score ?? null,
        cost_score: c.score?.costScore ?? null,
        performance: c.performance,
        latency_score: c.score?.latencyScore ?? null,
      })),
      attempts: trace.attempts.map((a) => ({ target: a.target, outcome: a.outcome })),
      decision: {
        rule: d.rule,
        reason_code: d.reasonCode,
        target: d.targetIndex >= 0 ? d.target : null,
        reasoning: decisionReasoning(d),
        confidence: d.confidence ?? null,
        cost_usd: d.costUsd,
        logged_cost_usd: d.loggedCostUsd,
        cost_impact_usd: d.costImpactUsd,
        fallback_path: d.fallbackPath,
      },
      // Only for a throttled request: the pool's minute before it, its own use and the limits.
      ...(trace.quota && {
        quota: {
          pool: trace.quota.pool,
          target: trace.quota.target,
          minute: trace.quota.minute,
          limit: trace.quota.limit,
          used: trace.quota.used,
          request: trace.quota.request,
          limits: trace.quota.limits,
        },
      }),
    },
  };
}
