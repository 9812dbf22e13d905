// Aggregates decisions into the route report as they stream past: sums per target, rule and reason,
// baselines, compliance, fallbacks and breaker events. Memory does not grow with the number of rows
// (lists of examples are capped); money uses compensated sums.
import { type BaselineRow, SingleTargetBaselines } from "./baselines.js";
import type { BreakerTransition } from "./circuit-breaker.js";
import { CompensatedSums } from "./money.js";
import type { CompiledPolicy } from "./policy.js";
import { REASON_CODES, type ReasonCode } from "./policy-schema.js";
import { type RoutingDecision, requestIdOf } from "./replay.js";

export const ROUTE_SCHEMA_VERSION = 2;
/** How many example request ids and breaker events a report keeps. */
export const MAX_EXAMPLES = 20;
export const MAX_BREAKER_EVENTS = 200;

export interface FallbackTally {
  from: string;
  to: string;
  reason_code: ReasonCode;
  requests: number;
  first_at: string | null;
  last_at: string | null;
}

export interface RouteSummary {
  window: { first: string | null; last: string | null };
  totals: {
    decisions: number;
    requests: number;
    input_tokens: number;
    output_tokens: number;
    replayed_cost_usd: number;
    logged_cost_usd: number;
    logged_unpriced_requests: number;
    /** Replayed minus logged, over the requests whose logged model has a price. */
    cost_impact_usd: number;
    unroutable_requests: number;
  };
  targets: {
    target: string;
    provider: string;
    model: string;
    requests: number;
    share: number;
    input_tokens: number;
    output_tokens: number;
    cost_usd: number;
  }[];
  rules: { rule: string; reason_code: ReasonCode; decisions: number; requests: number; share: number }[];
  rules_never_hit: string[];
  reasons: { reason_code: ReasonCode; requests: number }[];
  compliance: {
    label: string | null;
    enforced: boolean;
    required_requests: number;
    violations: number;
    violation_request_ids: string[];
    rerouted_requests: number;
  };
  fallbacks: FallbackTally[];
  breaker: {
    openings: number;
    events: { target: string; state: string; at: string }[];
    events_omitted: number;
  };
  baselines: { baseline: string; target: string | null; cost_usd: number; unpriced_requests: number }[];
  unpriced_logged_models: { model: string; requests: number }[];
}

const REASON_INDEX: ReadonlyMap<ReasonCode, number> = new Map(REASON_CODES.map((code, i) => [code, i]));

export class RouteSummaryAccumulator {
  private decisions = 0;
  private requests = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private firstMs: number | undefined;
  private lastMs: number | undefined;
  private readonly targetRequests: Float64Array;
  private readonly targetInput: Float64Array;
  private readonly targetOutput: Float64Array;
  private readonly targetCost: CompensatedSums;
  private readonly baselines: SingleTargetBaselines;
  /** Slot 0: replayed, 1: logged, 2: impact. */
  private readonly totalsUsd = new CompensatedSums(3);
  private loggedUnpriced = 0;
  private unroutable = 0;
  private readonly ruleDecisions: Float64Array;
  private readonly ruleRequests: Float64Array;
  private readonly reasonRequests = new Float64Array(REASON_CODES.length);
  private complianceRequired = 0;
  private violations = 0;
  private readonly violationIds: string[] = [];
  private rerouted = 0;
  private readonly fallbacks = new Map<string, FallbackTally>();
  private readonly breakerEvents: { target: string; state: string; at: string }[] = [];
  private breakerEventsOmitted = 0;
  private breakerOpenings = 0;

  constructor(private readonly policy: CompiledPolicy) {
    const n = policy.targets.length;
    this.targetRequests = new Float64Array(n);
    this.targetInput = new Float64Array(n);
    this.targetOutput = new Float64Array(n);
    this.targetCost = new CompensatedSums(n);
    this.baselines = new SingleTargetBaselines(policy.targets);
    this.ruleDecisions = new Float64Array(policy.rules.length + 1);
    this.ruleRequests = new Float64Array(policy.rules.length + 1);
  }

  /** Feed to RouteReplay's `onBreakerTransition`. */
  readonly onBreakerTransition = (transition: BreakerTransition): void => {
    if (transition.state === "open") this.breakerOpenings++;
    if (this.breakerEvents.length >= MAX_BREAKER_EVENTS) {
      this.breakerEventsOmitted++;
      return;
    }
    this.breakerEvents.push({
      target: this.policy.targets[transition.target]?.name ?? "?",
      state: transition.state,
      at: new Date(transition.atMs).toISOString(),
    });
  };

  /** `row` is the request the decision is for: its tokens feed the single-target baselines. */
  add(decision: RoutingDecision, row: BaselineRow): void {
    const weight = decision.requests;
    this.decisions++;
    this.requests += weight;
    this.inputTokens += decision.inputTokens * weight;
    this.outputTokens += decision.outputTokens * weight;
    const at = decision.timestampMs;
    if (at !== undefined) {
      if (this.firstMs === undefined) this.firstMs = at;
      this.lastMs = at;
    }
    this.baselines.add(row);
    const target = decision.targetIndex;
    if (target >= 0) {
      this.targetRequests[target] = (this.targetRequests[target] ?? 0) + weight;
      this.targetInput[target] = (this.targetInput[target] ?? 0) + decision.inputTokens * weight;
      this.targetOutput[target] = (this.targetOutput[target] ?? 0) + decision.outputTokens * weight;
      this.targetCost.add(target, decision.costUsd ?? 0);
      this.totalsUsd.add(0, decision.costUsd ?? 0);
    } else this.unroutable += weight;
    if (decision.loggedCostUsd === null) this.loggedUnpriced += weight;
    else this.totalsUsd.add(1, decision.loggedCostUsd);
    if (decision.costImpactUsd !== null) this.totalsUsd.add(2, decision.costImpactUsd);
    this.ruleDecisions[decision.ruleIndex] = (this.ruleDecisions[decision.ruleIndex] ?? 0) + 1;
    this.ruleRequests[decision.ruleIndex] = (this.ruleRequests[decision.ruleIndex] ?? 0) + weight;
    const reason = REASON_INDEX.get(decision.reasonCode) ?? 0;
    this.reasonRequests[reason] = (this.reasonRequests[reason] ?? 0) + weight;
    this.addCompliance(decision);
    if (decision.fallbackPath !== "" && target >= 0) this.addFallback(decision);
  }

  private addCompliance(decision: RoutingDecision): void {
    if (decision.requiresCompliance) this.complianceRequired += decision.requests;
    if (decision.complianceRerouted) this.rerouted += decision.requests;
    if (!decision.complianceViolation) return;
    this.violations += decision.requests;
    if (this.violationIds.length < MAX_EXAMPLES) this.violationIds.push(requestIdOf(decision));
  }

  private addFallback(decision: RoutingDecision): void {
    const key = `${decision.primaryTarget}\u0000${decision.target}\u0000${decision.reasonCode}`;
    const at = decision.timestampMs === undefined ? null : new Date(decision.timestampMs).toISOString();
    const tally = this.fallbacks.get(key);
    if (tally) {
      tally.requests += decision.requests;
      tally.last_at = at ?? tally.last_at;
      return;
    }
    this.fallbacks.set(key, {
      from: decision.primaryTarget,
      to: decision.target,
      reason_code: decision.reasonCode,
      requests: decision.requests,
      first_at: at,
      last_at: at,
    });
  }

  finish(unpricedLogged: ReadonlyMap<string, number>): RouteSummary {
    const share = (value: number) => (this.requests > 0 ? value / this.requests : 0);
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    const allRules = [...this.policy.rules, this.policy.defaultRule];
    return {
      window: { first: iso(this.firstMs), last: iso(this.lastMs) },
      totals: {
        decisions: this.decisions,
        requests: this.requests,
        input_tokens: this.inputTokens,
        output_tokens: this.outputTokens,
        replayed_cost_usd: this.totalsUsd.total(0),
        logged_cost_usd: this.totalsUsd.total(1),
        logged_unpriced_requests: this.loggedUnpriced,
        cost_impact_usd: this.totalsUsd.total(2),
        unroutable_requests: this.unroutable,
      },
      targets: this.policy.targets.map((t) => ({
        target: t.name,
        provider: t.provider,
        model: t.model,
        requests: this.targetRequests[t.index] ?? 0,
        share: share(this.targetRequests[t.index] ?? 0),
        input_tokens: this.targetInput[t.index] ?? 0,
        output_tokens: this.targetOutput[t.index] ?? 0,
        cost_usd: this.targetCost.total(t.index),
      })),
      rules: allRules.map((rule) => ({
        rule: rule.name,
        reason_code: rule.reason,
        decisions: this.ruleDecisions[rule.index] ?? 0,
        requests: this.ruleRequests[rule.index] ?? 0,
        share: share(this.ruleRequests[rule.index] ?? 0),
      })),
      rules_never_hit: allRules
        .filter((rule) => (this.ruleDecisions[rule.index] ?? 0) === 0)
        .map((r) => r.name),
      reasons: REASON_CODES.map((code, i) => ({
        reason_code: code,
        requests: this.reasonRequests[i] ?? 0,
      })).filter((r) => r.requests > 0),
      compliance: {
        label: this.policy.compliance.label ?? null,
        enforced: this.policy.compliance.enforce,
        required_requests: this.complianceRequired,
        violations: this.violations,
        violation_request_ids: [...this.violationIds],
        rerouted_requests: this.rerouted,
      },
      fallbacks: [...this.fallbacks.values()],
      breaker: {
        openings: this.breakerOpenings,
        events: [...this.breakerEvents],
        events_omitted: this.breakerEventsOmitted,
      },
      baselines: [
        {
          baseline: "as_logged",
          target: null,
          cost_usd: this.totalsUsd.total(1),
          unpriced_requests: this.loggedUnpriced,
        },
        ...this.policy.targets.map((t) => ({
          baseline: "single_target",
          target: t.name,
          cost_usd: this.baselines.costUsd(t.index),
          unpriced_requests: 0,
        })),
      ],
      unpriced_logged_models: [...unpricedLogged].map(([model, requests]) => ({ model, requests })),
    };
  }
}
