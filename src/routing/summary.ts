// Aggregates decisions into the route summary as they stream past: sums per target, rule and reason,
// baselines, compliance, fallbacks and breaker events. Memory does not grow with the number of rows
// (lists of examples are capped); money uses compensated sums. report/route-report.ts turns the summary
// into the JSON report.
import type { ProfileScope } from "../cost/price.js";
import type { TrafficRow } from "../traffic/row.js";
import { type BaselineRow, SingleTargetBaselines } from "./baselines.js";
import type { BreakerState, BreakerTransition } from "./circuit-breaker.js";
import { type RoutingDecision, requestIdOf } from "./decision.js";
import { LoggedModelFlows } from "./flows.js";
import type { LoggedBeforeRelease, UnpricedLogged } from "./logged-cost.js";
import { CompensatedSums } from "./money.js";
import type { CompiledPolicy } from "./policy.js";
import { REASON_CODES, type ReasonCode } from "./policy-schema.js";

/** How many example request ids and breaker events a report keeps. */
export const MAX_EXAMPLES = 20;
const MAX_BREAKER_EVENTS = 200;

export interface FallbackTally {
  from: string;
  to: string;
  reasonCode: ReasonCode;
  requests: number;
  firstAtMs: number | undefined;
  lastAtMs: number | undefined;
}

export interface BreakerEvent {
  target: string;
  state: BreakerState;
  atMs: number;
}

export interface RouteSummary {
  window: { firstMs: number | undefined; lastMs: number | undefined };
  totals: {
    decisions: number;
    requests: number;
    inputTokens: number;
    outputTokens: number;
    replayedCostUsd: number;
    loggedCostUsd: number;
    loggedUnpricedRequests: number;
    /** Replayed minus logged, over the requests whose logged model has a price. */
    costImpactUsd: number;
    unroutableRequests: number;
  };
  targets: {
    target: string;
    provider: string;
    model: string;
    /** Bedrock inference profile the target is priced at; undefined off Bedrock. */
    scope: ProfileScope | undefined;
    requests: number;
    share: number;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
  }[];
  rules: { rule: string; reasonCode: ReasonCode; decisions: number; requests: number; share: number }[];
  rulesNeverHit: string[];
  reasons: { reasonCode: ReasonCode; requests: number }[];
  compliance: {
    label: string | undefined;
    enforced: boolean;
    requiredRequests: number;
    violations: number;
    violationRequestIds: string[];
    reroutedRequests: number;
  };
  fallbacks: FallbackTally[];
  breaker: { openings: number; events: BreakerEvent[]; eventsOmitted: number };
  /** What the same traffic costs as logged and all on each single target. */
  baselines: {
    baseline: "as_logged" | "single_target";
    target: string | undefined;
    costUsd: number;
    unpricedRequests: number;
  }[];
  /** Logged models without a price, with why (e.g. a rerank model is priced per query), busiest first:
   * up to NAMED_MODELS_LIMIT of them, then `unpricedLoggedFolded` counts the rest. */
  unpricedLoggedModels: { model: string; requests: number; reason: string }[];
  unpricedLoggedFolded: { models: number; requests: number };
  /** Logged models with requests before their release: the as-logged baseline used their first known price. */
  loggedBeforeRelease: LoggedBeforeRelease[];
  /** Requests per logged model (`provider/model`) and routed target (undefined: unroutable). */
  flows: { loggedModel: string; target: string | undefined; requests: number }[];
}

type LoggedModel = Pick<TrafficRow, "provider" | "model">;

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
  private readonly breakerEvents: BreakerEvent[] = [];
  private breakerEventsOmitted = 0;
  private breakerOpenings = 0;
  private readonly flows: LoggedModelFlows;

  constructor(private readonly policy: CompiledPolicy) {
    const n = policy.targets.length;
    this.targetRequests = new Float64Array(n);
    this.targetInput = new Float64Array(n);
    this.targetOutput = new Float64Array(n);
    this.targetCost = new CompensatedSums(n);
    this.baselines = new SingleTargetBaselines(policy.targets);
    this.ruleDecisions = new Float64Array(policy.rules.length + 1);
    this.ruleRequests = new Float64Array(policy.rules.length + 1);
    this.flows = new LoggedModelFlows(n);
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
      atMs: transition.atMs,
    });
  };

  /** `row` is the request the decision is for: its tokens feed the single-target baselines, its logged model
   * the flows. */
  add(decision: RoutingDecision, row: BaselineRow & LoggedModel): void {
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
    this.flows.add(row.provider, row.model, target, weight);
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
    const at = decision.timestampMs;
    const tally = this.fallbacks.get(key);
    if (tally) {
      tally.requests += decision.requests;
      tally.lastAtMs = at ?? tally.lastAtMs;
      return;
    }
    this.fallbacks.set(key, {
      from: decision.primaryTarget,
      to: decision.target,
      reasonCode: decision.reasonCode,
      requests: decision.requests,
      firstAtMs: at,
      lastAtMs: at,
    });
  }

  finish(unpricedLogged: UnpricedLogged, loggedBeforeRelease: LoggedBeforeRelease[] = []): RouteSummary {
    const share = (value: number) => (this.requests > 0 ? value / this.requests : 0);
    const allRules = [...this.policy.rules, this.policy.defaultRule];
    return {
      window: { firstMs: this.firstMs, lastMs: this.lastMs },
      totals: {
        decisions: this.decisions,
        requests: this.requests,
        inputTokens: this.inputTokens,
        outputTokens: this.outputTokens,
        replayedCostUsd: this.totalsUsd.total(0),
        loggedCostUsd: this.totalsUsd.total(1),
        loggedUnpricedRequests: this.loggedUnpriced,
        costImpactUsd: this.totalsUsd.total(2),
        unroutableRequests: this.unroutable,
      },
      targets: this.policy.targets.map((t) => ({
        target: t.name,
        provider: t.provider,
        model: t.model,
        scope: t.scope,
        requests: this.targetRequests[t.index] ?? 0,
        share: share(this.targetRequests[t.index] ?? 0),
        inputTokens: this.targetInput[t.index] ?? 0,
        outputTokens: this.targetOutput[t.index] ?? 0,
        costUsd: this.targetCost.total(t.index),
      })),
      rules: allRules.map((rule) => ({
        rule: rule.name,
        reasonCode: rule.reason,
        decisions: this.ruleDecisions[rule.index] ?? 0,
        requests: this.ruleRequests[rule.index] ?? 0,
        share: share(this.ruleRequests[rule.index] ?? 0),
      })),
      rulesNeverHit: allRules
        .filter((rule) => (this.ruleDecisions[rule.index] ?? 0) === 0)
        .map((r) => r.name),
      reasons: REASON_CODES.map((code, i) => ({
        reasonCode: code,
        requests: this.reasonRequests[i] ?? 0,
      })).filter((r) => r.requests > 0),
      compliance: {
        label: this.policy.compliance.label,
        enforced: this.policy.compliance.enforce,
        requiredRequests: this.complianceRequired,
        violations: this.violations,
        violationRequestIds: [...this.violationIds],
        reroutedRequests: this.rerouted,
      },
      fallbacks: [...this.fallbacks.values()],
      breaker: {
        openings: this.breakerOpenings,
        events: [...this.breakerEvents],
        eventsOmitted: this.breakerEventsOmitted,
      },
      baselines: [
        {
          baseline: "as_logged",
          target: undefined,
          costUsd: this.totalsUsd.total(1),
          unpricedRequests: this.loggedUnpriced,
        },
        ...this.policy.targets.map((t) => ({
          baseline: "single_target" as const,
          target: t.name,
          costUsd: this.baselines.costUsd(t.index),
          unpricedRequests: 0,
        })),
      ],
      unpricedLoggedModels: [...unpricedLogged.named]
        .map(([model, { requests, reason }]) => ({ model, requests, reason }))
        .sort((a, b) => b.requests - a.requests || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0)),
      unpricedLoggedFolded: unpricedLogged.folded,
      loggedBeforeRelease,
      flows: this.flows.finish().map((f) => ({
        loggedModel: f.loggedModel,
        target: this.policy.targets[f.targetIndex]?.name,
        requests: f.requests,
      })),
    };
  }
}
