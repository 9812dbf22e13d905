// Replays logged requests through a compiled policy, one row at a time in timestamp order, and returns a
// RoutingDecision for each. State carried between rows: circuit breakers and the seeded random stream.
//
// For one request: the first rule whose condition matches (and, with compliance enforced, that has a
// target carrying the label) picks the route; its candidates are ranked; the attempt order is the ranked
// candidates, then each one's fallback chain. Each attempt is skipped when the target does not serve the
// request's region or its breaker is open, and fails when a simulated failure window says so.
import { type PricingContext, STANDARD, type TokenCounts, tokenCostUsd } from "../cost/request-cost.js";
import { InputError } from "../errors.js";
import type { TrafficRow } from "../traffic/row.js";
import { type CandidateScore, rankCandidates, type ScoreRecord } from "./candidates.js";
import { type BreakerTransition, CircuitBreakers } from "./circuit-breaker.js";
import { type AttemptOutcome, emptyDecision, type RoutingDecision, rowRequestId } from "./decision.js";
import { describeRequest, type RequestFields, type RuleTrace, traceRules } from "./explain.js";
import { type LoggedBeforeRelease, LoggedCostLookup, type UnpricedLogged } from "./logged-cost.js";
import type { CompiledPolicy, CompiledRule, PriceLookup, RouteKind } from "./policy.js";
import type { ReasonCode } from "./policy-schema.js";
import { DEFAULT_SEED, seededRandom } from "./prng.js";
import { QuotaLimiter, type QuotaReplaySummary, type ThrottleState } from "./quota-limiter.js";
import type { QuotaPlan } from "./quota-pools.js";

export interface ReplayOptions {
  seed?: number;
  /** Names the traffic in error messages. */
  trafficFile?: string;
  onBreakerTransition?: (transition: BreakerTransition) => void;
  /** Quota pools to enforce (docs/route.md, "Quotas and throttling"); absent: nothing is throttled. */
  quotas?: QuotaPlan | undefined;
}

/** One candidate of the traced request's route, as replay ranked it. */
interface CandidateTrace {
  target: string;
  /** Replay ranked it: compliance did not filter it out. */
  eligible: boolean;
  costUsd: number;
  performance: number;
  /** The score replay ranked it by; only best_scored routes with several eligible candidates are scored. */
  score: CandidateScore | undefined;
}

/** What replay did for one request (--explain): the rules it tried, the candidates it ranked, every
 * attempt and the decision. */
export interface RouteTrace {
  request: RequestFields;
  rules: RuleTrace[];
  route: { rule: string; kind: RouteKind };
  candidates: CandidateTrace[];
  attempts: { target: string; outcome: AttemptOutcome }[];
  /** A copy: the decision replay filled may be reused for the next row. */
  decision: RoutingDecision;
  /** The pool's minute when the request was throttled (only when it was). */
  quota?: ThrottleState;
}

/** Captured while routing the one request --explain traces. */
interface Recording {
  rule: CompiledRule | undefined;
  ranked: readonly number[];
  scores: ScoreRecord;
}

export class RouteReplay {
  /** This row's cost (weighted by `requests`) on the targets priced for it: the candidates of a
   * `cheapest` or `best_scored` route and the serving target. */
  private readonly costs: Float64Array;
  /** Attempts of the last row: target indices and outcomes, `attemptCount` of them. */
  private readonly attemptTargets: Int32Array;
  private readonly attemptOutcomes: AttemptOutcome[];
  private attemptCount = 0;
  /** Rules the last row matched but passed over for compliance. */
  private readonly skippedRules: CompiledRule[] = [];
  /** Set only while `routeTraced` routes its request. */
  private recording: Recording | undefined;

  private readonly breakers: CircuitBreakers;
  private readonly limiter: QuotaLimiter | undefined;
  private readonly random: () => number;
  private readonly logged: LoggedCostLookup;
  private readonly scores: Float64Array;
  private readonly ranked: Int32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** Row stamp per target when `costs` holds its price for the current row: only what is read is priced. */
  private readonly pricedAt: Uint32Array;
  private rowStamp = 0;
  private weight = 1;
  /** The current request requires compliance (its column, or the policy's required_when). */
  private required = false;
  private lastTimestamp = Number.NEGATIVE_INFINITY;
  private lastTimestampRow = 0;
  private readonly tokens: TokenCounts = {
    input: 0,
    output: 0,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
  };
  private readonly contexts: PricingContext[];
  private readonly anyTarget = (_target: number) => true;
  private readonly labelledTarget = (target: number) => this.policy.targets[target]?.compliant === true;

  constructor(
    readonly policy: CompiledPolicy,
    catalog: PriceLookup,
    private readonly options: ReplayOptions = {},
  ) {
    const n = policy.targets.length;
    this.costs = new Float64Array(n);
    this.scores = new Float64Array(n);
    this.ranked = new Int32Array(n);
    this.seen = new Uint32Array(n);
    this.pricedAt = new Uint32Array(n);
    // Each target is attempted at most once per request.
    this.attemptTargets = new Int32Array(n);
    this.attemptOutcomes = new Array<AttemptOutcome>(n).fill("ok");
    this.breakers = new CircuitBreakers(n, policy.breaker, options.onBreakerTransition);
    this.limiter = options.quotas
      ? new QuotaLimiter(
          options.quotas,
          policy.targets.map((t) => t.name),
        )
      : undefined;
    this.random = seededRandom(options.seed ?? DEFAULT_SEED);
    this.contexts = policy.targets.map((t) => (t.scope ? { mode: "standard", scope: t.scope } : STANDARD));
    this.logged = new LoggedCostLookup(catalog, options.trafficFile ?? "traffic");
  }

  /** Routes one row. With `into`, the decision is written there (a scratch decision reused row after row
   * when nothing keeps decisions) instead of into a fresh object. */
  route(row: TrafficRow, into?: RoutingDecision): RoutingDecision {
    const now = this.advanceClock(row);
    this.startPricing(row);
    this.required = this.policy.compliance.requires(row);
    const needsLabel = this.required && this.policy.compliance.enforce;
    const rule = this.selectRule(row, needsLabel);
    if (rule.route.kind !== "target") for (const t of rule.route.candidates) this.costOn(t);
    const eligible = needsLabel ? this.labelledTarget : this.anyTarget;
    const rankedCount = rankCandidates(
      rule.route,
      this.policy.targets,
      this.costs,
      eligible,
      this.scores,
      this.ranked,
      this.recording?.scores,
    );
    if (this.recording) {
      this.recording.rule = rule;
      this.recording.ranked = Array.from(this.ranked.subarray(0, rankedCount));
    }
    const chosen = this.attempt(row, now, rankedCount, eligible);
    return this.decide(row, rule, chosen, rankedCount > 0 ? (this.ranked[0] ?? -1) : -1, into);
  }

  private advanceClock(row: TrafficRow): number {
    const timestamp = row.timestamp;
    if (timestamp === undefined) return Number.isFinite(this.lastTimestamp) ? this.lastTimestamp : 0;
    if (timestamp < this.lastTimestamp) {
      throw new InputError(
        { file: this.options.trafficFile ?? "traffic", row: row.row, field: "timestamp" },
        `traffic is not in timestamp order: ${new Date(timestamp).toISOString()} comes after ${new Date(this.lastTimestamp).toISOString()} (row ${this.lastTimestampRow}); replay needs ascending timestamps, sort the file first (e.g. by the timestamp column)`,
      );
    }
    this.lastTimestamp = timestamp;
    this.lastTimestampRow = row.row;
    return timestamp;
  }

  private startPricing(row: TrafficRow): void {
    const requests = row.requests;
    if (Number.isNaN(requests)) {
      throw new InputError(
        { file: this.options.trafficFile ?? "traffic", row: row.row, field: "requests" },
        "expected a request count: replay routes requests, and this row of token totals has none (token_basis total, requests empty); project prices such rows",
      );
    }
    // A row of totals is priced as `requests` requests of its mean figures.
    const per = row.tokenBasis === "total" ? 1 / requests : 1;
    const tokens = this.tokens;
    tokens.input = row.inputTokens * per;
    tokens.output = row.outputTokens * per;
    tokens.cacheRead = row.cacheReadTokens * per;
    tokens.cacheWrite = row.cacheWriteTokens * per;
    tokens.cacheWrite1h = (row.cacheWrite1hTokens ?? 0) * per;
    this.weight = requests;
    this.rowStamp++;
  }

  /** This row's cost on target `t`, priced on first use. */
  private costOn(t: number): number {
    if (this.pricedAt[t] !== this.rowStamp) {
      const target = this.policy.targets[t];
      const context = this.contexts[t] ?? STANDARD;
      this.costs[t] = target ? tokenCostUsd(target.price, this.tokens, context) * this.weight : 0;
      this.pricedAt[t] = this.rowStamp;
    }
    return this.costs[t] ?? 0;
  }

  private selectRule(row: TrafficRow, needsLabel: boolean): CompiledRule {
    // Setting length is a runtime call even on an empty array; rules are rarely skipped.
    if (this.skippedRules.length > 0) this.skippedRules.length = 0;
    for (const rule of this.policy.rules) {
      if (!rule.matches(row)) continue;
      if (needsLabel && !rule.route.hasCompliant) {
        this.skippedRules.push(rule);
        continue;
      }
      return rule;
    }
    return this.policy.defaultRule;
  }

  /** Tries the ranked candidates, then their fallback chains; returns the serving target or -1. */
  private attempt(
    row: TrafficRow,
    now: number,
    rankedCount: number,
    eligible: (t: number) => boolean,
  ): number {
    this.attemptCount = 0;
    this.stamp++;
    for (let i = 0; i < rankedCount; i++) {
      const served = this.tryTarget(row, now, this.ranked[i] ?? 0);
      if (served >= 0) return served;
    }
    for (let i = 0; i < rankedCount; i++) {
      for (const fallback of this.policy.fallbackChains[this.ranked[i] ?? 0] ?? []) {
        if (!eligible(fallback)) continue;
        const served = this.tryTarget(row, now, fallback);
        if (served >= 0) return served;
      }
    }
    return -1;
  }

  private tryTarget(row: TrafficRow, now: number, target: number): number {
    if (this.seen[target] === this.stamp) return -1;
    this.seen[target] = this.stamp;
    const outcome = this.outcomeOf(row, now, target);
    this.attemptTargets[this.attemptCount] = target;
    this.attemptOutcomes[this.attemptCount] = outcome;
    this.attemptCount++;
    return outcome === "ok" ? target : -1;
  }

  private outcomeOf(row: TrafficRow, now: number, target: number): AttemptOutcome {
    const regions = this.policy.targets[target]?.regions;
    if (regions && row.region !== undefined && !regions.has(row.region)) return "region_unavailable";
    if (!this.breakers.allows(target, now)) return "circuit_open";
    // A throttle is a failure of the target: it counts toward the breaker and the request falls back.
    if (this.limiter?.throttles(target, now, row) !== undefined) {
      this.breakers.recordFailure(target, now);
      return "throttled";
    }
    if (this.failsAt(target, now)) {
      this.breakers.recordFailure(target, now);
      return "error";
    }
    this.breakers.recordSuccess(target, now);
    this.limiter?.consume(target, now, row);
    return "ok";
  }

  private failsAt(target: number, now: number): boolean {
    for (const window of this.policy.failures[target] ?? []) {
      if (now < window.fromMs || now >= window.toMs) continue;
      if (window.errorRate >= 1) return true;
      if (window.errorRate <= 0) return false;
      return this.random() < window.errorRate;
    }
    return false;
  }

  /** Fills `into` (a fresh decision when absent) field by field, in one order, so a reused decision keeps
   * one shape. */
  private decide(
    row: TrafficRow,
    rule: CompiledRule,
    chosen: number,
    primary: number,
    into: RoutingDecision | undefined,
  ): RoutingDecision {
    const target = chosen >= 0 ? this.policy.targets[chosen] : undefined;
    const costUsd = target ? this.costOn(chosen) : null;
    if (this.limiter) this.recordOverflow(chosen, row.requests);
    // The logged cost is priced at the request's own time (a row without one takes the previous row's).
    const loggedAt = row.timestamp ?? (Number.isFinite(this.lastTimestamp) ? this.lastTimestamp : undefined);
    const loggedCostUsd = this.logged.costOf(row, loggedAt);
    const d = into ?? emptyDecision();
    d.row = row.row;
    // Readers never produce an empty request id, so "" is free to mean "not formatted yet".
    d.requestId = row.requestId ?? (into ? "" : rowRequestId(row.row));
    d.timestampMs = row.timestamp;
    d.rule = rule.name;
    d.ruleIndex = rule.index;
    d.reasonCode = this.reasonFor(rule, target !== undefined);
    d.targetIndex = chosen;
    d.target = target?.name ?? "";
    d.provider = target?.provider ?? "";
    d.model = target?.model ?? "";
    d.primaryTarget = this.policy.targets[primary]?.name ?? "";
    d.confidence = rule.confidence;
    d.costUsd = costUsd;
    d.loggedCostUsd = loggedCostUsd;
    d.costImpactUsd = costUsd !== null && loggedCostUsd !== null ? costUsd - loggedCostUsd : null;
    d.fallbackPath = this.attemptCount > 1 || !target ? this.describeAttempts() : "";
    d.requiresCompliance = this.required;
    d.complianceViolation = this.required && target !== undefined && !target.compliant;
    d.complianceRerouted = this.skippedRules.length > 0;
    d.useCase = row.useCase;
    d.region = row.region;
    d.requests = row.requests;
    d.inputTokens = row.inputTokens;
    d.outputTokens = row.outputTokens;
    return d;
  }

  /** A request throttled on some target: what serving it elsewhere cost more (or that nothing served it). */
  private recordOverflow(chosen: number, requests: number): void {
    for (let i = 0; i < this.attemptCount; i++) {
      if (this.attemptOutcomes[i] !== "throttled") continue;
      const throttled = this.attemptTargets[i] ?? 0;
      const delta = chosen >= 0 ? this.costOn(chosen) - this.costOn(throttled) : 0;
      this.limiter?.overflow(chosen >= 0, delta, requests);
      return;
    }
  }

  /** The rule's reason when its first choice served the request, else why the first choice was passed. */
  private reasonFor(rule: CompiledRule, served: boolean): ReasonCode {
    if (!served) return "unroutable";
    if (this.attemptCount <= 1) return rule.reason;
    const first = this.attemptOutcomes[0];
    if (first === "circuit_open" || first === "region_unavailable") return first;
    return "fallback";
  }

  private describeAttempts(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.attemptCount; i++) {
      const name = this.policy.targets[this.attemptTargets[i] ?? 0]?.name ?? "?";
      const outcome = this.attemptOutcomes[i];
      parts.push(outcome === "ok" ? name : `${name}[${outcome}]`);
    }
    return parts.join(" > ");
  }

  /** Routes one row like `route` and returns what replay did for it, recorded as it happened: --explain's
   * trace. Slow path, for one request; `trace.decision` is a copy of the decision returned. */
  routeTraced(row: TrafficRow, into?: RoutingDecision): { decision: RoutingDecision; trace: RouteTrace } {
    const recording: Recording = { rule: undefined, ranked: [], scores: [] };
    this.recording = recording;
    if (this.limiter) this.limiter.lastThrottle = undefined;
    let decision: RoutingDecision;
    try {
      decision = this.route(row, into);
    } finally {
      this.recording = undefined;
    }
    const rule = recording.rule ?? this.policy.defaultRule;
    const candidates = rule.route.candidates.flatMap((t): CandidateTrace[] => {
      const target = this.policy.targets[t];
      if (!target) return [];
      const eligible = recording.ranked.includes(t);
      const score = recording.scores[t];
      return [
        { target: target.name, eligible, costUsd: this.costOn(t), performance: target.performance, score },
      ];
    });
    const attempts = [];
    for (let i = 0; i < this.attemptCount; i++) {
      const target = this.policy.targets[this.attemptTargets[i] ?? 0];
      attempts.push({ target: target?.name ?? "?", outcome: this.attemptOutcomes[i] ?? "ok" });
    }
    const trace: RouteTrace = {
      request: describeRequest(row),
      rules: traceRules(this.policy, row, rule, this.skippedRules),
      route: { rule: rule.name, kind: rule.route.kind },
      candidates,
      attempts,
      decision: { ...decision },
      ...(this.limiter?.lastThrottle && { quota: this.limiter.lastThrottle }),
    };
    return { decision, trace };
  }

  /** Throttles, overflow and pools; undefined when no quota was enforced. */
  quotaSummary(): QuotaReplaySummary | undefined {
    return this.limiter?.summary();
  }

  loggedUnpricedModels(): UnpricedLogged {
    return this.logged.unpricedLogged();
  }

  loggedBeforeRelease(): LoggedBeforeRelease[] {
    return this.logged.beforeRelease();
  }
}
