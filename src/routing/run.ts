// One route dry run: replays rows through the policy (and a second policy for --diff), aggregates the
// summary, hands every decision to a sink (--decisions) and captures one request's trace (--explain).
import type { TrafficRow } from "../traffic/row.js";
import { UnknownStatusTally } from "../traffic/status.js";
import { emptyDecision, type RoutingDecision, rowRequestId } from "./decision.js";
import { type RouteDiff, RouteDiffAccumulator } from "./diff.js";
import type { CompiledPolicy, PriceLookup } from "./policy.js";
import type { QuotaReplaySummary } from "./quota-limiter.js";
import type { QuotaPlan } from "./quota-pools.js";
import { RouteReplay, type RouteTrace } from "./replay.js";
import { type RouteSummary, RouteSummaryAccumulator } from "./summary.js";

export interface RouteRunOptions {
  seed?: number;
  trafficFile?: string;
  explainRequestId?: string;
  /** Called with every decision, in timestamp order (the decisions file). */
  onDecision?: (decision: RoutingDecision) => void;
  comparePolicy?: CompiledPolicy;
  /** Quota pools of `policy` to enforce. */
  quotas?: QuotaPlan;
  /** Quota pools of `comparePolicy` to enforce (--diff). */
  compareQuotas?: QuotaPlan;
}

export interface RouteRunResult {
  summary: RouteSummary;
  trace: RouteTrace | undefined;
  diff: RouteDiff | undefined;
  /** Status values llmcost does not know, with their requests (billed as succeeded; a warning). */
  unknownStatuses: { status: string; requests: number }[];
  /** Rows whose request id is the --explain id (the trace shows the first); 0 without --explain. */
  explainMatches: number;
  /** Throttles and pools when quotas were enforced. */
  quotas: QuotaReplaySummary | undefined;
}

export class RouteRun {
  private readonly replay: RouteReplay;
  private readonly statuses = new UnknownStatusTally();
  private readonly summary: RouteSummaryAccumulator;
  private readonly compare: RouteReplay | undefined;
  private readonly diff: RouteDiffAccumulator | undefined;
  private trace: RouteTrace | undefined;
  private explainMatches = 0;
  /** Reused decisions when no sink keeps them (the summary, diff and trace read them during `add` only):
   * a fresh decision per row was half of the replay thread's allocation. */
  private readonly scratch: RoutingDecision | undefined;
  private readonly compareScratch = emptyDecision();

  constructor(
    readonly policy: CompiledPolicy,
    catalog: PriceLookup,
    private readonly options: RouteRunOptions = {},
  ) {
    this.summary = new RouteSummaryAccumulator(policy);
    this.scratch = options.onDecision ? undefined : emptyDecision();
    const replayOptions = {
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.trafficFile !== undefined && { trafficFile: options.trafficFile }),
    };
    this.replay = new RouteReplay(policy, catalog, {
      ...replayOptions,
      onBreakerTransition: this.summary.onBreakerTransition,
      ...(options.quotas && { quotas: options.quotas }),
    });
    if (options.comparePolicy) {
      // Same seed: where both policies send a request to the same failing target, both see the same draw
      // only if their draws line up; each replay keeps its own stream so neither perturbs the other.
      this.compare = new RouteReplay(options.comparePolicy, catalog, {
        ...replayOptions,
        ...(options.compareQuotas && { quotas: options.compareQuotas }),
      });
      this.diff = new RouteDiffAccumulator();
    }
  }

  /** Routes `row`; the decision returned is valid until the next call (it may be a reused object). */
  add(row: TrafficRow): RoutingDecision {
    const decision = this.explains(row) ? this.routeTraced(row) : this.replay.route(row, this.scratch);
    this.summary.add(decision, row);
    this.statuses.add(row.status, row.requests);
    this.options.onDecision?.(decision);
    if (this.compare && this.diff) this.diff.add(decision, this.compare.route(row, this.compareScratch));
    return decision;
  }

  /** The first row with the --explain request id is traced; a row without an id answers to the
   * `row-<n>` the reports show for it. */
  private explains(row: TrafficRow): boolean {
    const id = this.options.explainRequestId;
    if (id === undefined) return false;
    const matches = row.requestId ? row.requestId === id : rowRequestId(row.row) === id;
    if (!matches) return false;
    this.explainMatches++;
    return !this.trace;
  }

  private routeTraced(row: TrafficRow): RoutingDecision {
    const { decision, trace } = this.replay.routeTraced(row, this.scratch);
    this.trace = trace;
    return decision;
  }

  finish(): RouteRunResult {
    return {
      summary: this.summary.finish(this.replay.loggedUnpricedModels(), this.replay.loggedBeforeRelease()),
      trace: this.trace,
      diff: this.diff?.finish(),
      unknownStatuses: this.statuses.finish(),
      explainMatches: this.explainMatches,
      quotas: this.replay.quotaSummary(),
    };
  }
}
