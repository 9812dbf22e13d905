// One `route --dry-run` over a traffic file: plans which columns the replay reads, streams the rows in
// timestamp order through the policy (and a second policy for --diff), writes every decision to the
// decisions file as it goes, and starts afresh when the parallel reader finds a split inside a quoted field
// after rows were replayed. The runner, the wizard and tests call this; rendering is the caller's.
import type { PricingCatalog } from "../cost/catalog.js";
import { InputError } from "../errors.js";
import { DecisionsFile } from "../io/decisions-file.js";
import type { OutputTarget } from "../io/output.js";
import type { RoutingDecision } from "../routing/decision.js";
import type { CompiledPolicy } from "../routing/policy.js";
import type { QuotaPlan } from "../routing/quota-pools.js";
import { RouteRun, type RouteRunResult } from "../routing/run.js";
import type { ColumnChoice } from "../traffic/columns.js";
import { DAYS_PER_MONTH } from "../traffic/profile.js";
import { type FileRead, forEachRowInOrder, type TrafficInputs } from "../traffic/read-sources.js";
import type { TextField, TrafficRow } from "../traffic/row.js";
import { DAY_MS } from "../units.js";

export interface DryRunInput {
  traffic: TrafficInputs;
  /** `--model-map`: ids a log format cannot resolve alone. */
  modelMap?: ReadonlyMap<string, string>;
  /** CSV column → canonical field (`--map`). */
  map: Record<string, string>;
  policy: CompiledPolicy;
  catalog: PricingCatalog;
  seed: number;
  /** The policy to compare against (`--diff`). */
  comparePolicy?: CompiledPolicy | undefined;
  /** Capture this request's trace (`--explain`). */
  explainRequestId?: string | undefined;
  /** Stream every decision to this CSV or JSONL file (`--decisions`), renamed into place when complete. */
  decisionsFile?: OutputTarget | undefined;
  onProgress?: (done: number, total: number) => void;
  /** Sees every row with its decision (valid during the call only), and `reset` when the replay starts
   * afresh (project's policy option tallies compliance this way). */
  observer?: { add(row: TrafficRow, decision: RoutingDecision): void; reset(): void } | undefined;
  /** Fields beyond the policies' own that the observer reads (`meta.<column>`). */
  observedFields?: ReadonlySet<string> | undefined;
  /** Quota pools to enforce (policy `quota:`, `--quotas bundled`). */
  quotas?: QuotaPlan | undefined;
  compareQuotas?: QuotaPlan | undefined;
}

export async function dryRun(input: DryRunInput): Promise<RouteRunResult & { reads: FileRead[] }> {
  const start = () => {
    const decisions = input.decisionsFile ? DecisionsFile.open(input.decisionsFile) : undefined;
    const run = new RouteRun(input.policy, input.catalog, {
      seed: input.seed,
      trafficFile: input.traffic.values.join(", "),
      ...(input.explainRequestId !== undefined && { explainRequestId: input.explainRequestId }),
      ...(decisions && { onDecision: decisions.write }),
      ...(input.comparePolicy && { comparePolicy: input.comparePolicy }),
      ...(input.quotas && { quotas: input.quotas }),
      ...(input.compareQuotas && { compareQuotas: input.compareQuotas }),
    });
    return { decisions, run };
  };
  let current = start();
  try {
    const { observer } = input;
    const onRow = observer
      ? (row: TrafficRow, file: string) => {
          const request = perRequest(row, file);
          observer.add(request, current.run.add(request));
        }
      : (row: TrafficRow, file: string) => {
          current.run.add(perRequest(row, file));
        };
    const reads = await forEachRowInOrder(input.traffic, onRow, {
      map: input.map,
      modelMap: input.modelMap ?? new Map(),
      ...(input.onProgress && { onProgress: input.onProgress }),
      ...rowsNeeded(input),
      // A split inside a quoted field is found after rows were replayed: start the replay afresh.
      onRestart: () => {
        current.decisions?.discard();
        observer?.reset();
        current = start();
      },
    });
    current.decisions?.commit();
    return { ...current.run.finish(), reads };
  } finally {
    current.decisions?.discard();
  }
}

/** What of each row the replay reads: metadata and free text only where a rule tests it (all of it for
 * --explain, which shows the request); request ids where they are written or shown (decisions, trace,
 * diff examples, compliance violations, which only an unenforced policy can have) and use cases for
 * --diff. Every cell is still validated. */
function rowsNeeded(input: DryRunInput): ColumnChoice {
  if (input.explainRequestId !== undefined) return {};
  const policies = [input.policy, input.comparePolicy];
  const fields = new Set([
    ...policies.flatMap((p) => (p ? [...p.fields] : [])),
    ...(input.observedFields ?? []),
  ]);
  const texts: TextField[] = ["provider", "region"];
  const wanted = (field: string, needed: boolean, text: TextField): void => {
    if (needed || fields.has(field)) texts.push(text);
  };
  const violations = policies.some((p) => p !== undefined && !p.compliance.enforce);
  wanted(
    "request_id",
    input.decisionsFile !== undefined || input.comparePolicy !== undefined || violations,
    "requestId",
  );
  wanted("use_case", input.comparePolicy !== undefined, "useCase");
  // Always: an unknown status is a warning (statuses are few and interned, so this is cheap).
  wanted("status", true, "status");
  wanted("cost_sensitivity", false, "costSensitivity");
  const metaColumns = [...fields].filter((f) => f.startsWith("meta.")).map((f) => f.slice("meta.".length));
  return { metaColumns, texts };
}

/** How the replayed window relates to a month: the route report shows window costs and monthly costs. */
export interface RouteMonth {
  /** Days between the first and last replayed timestamp; null without a time span. */
  days: number | null;
  /** 30.4375 / days; null when the window has no length (monthly figures are then unknown). */
  scale: number | null;
  assumption: string;
}

export function routeMonth(window: { firstMs: number | undefined; lastMs: number | undefined }): RouteMonth {
  if (window.firstMs === undefined || window.lastMs === undefined || window.lastMs <= window.firstMs) {
    return {
      days: null,
      scale: null,
      assumption:
        "costs are for the replayed requests only: the traffic has no time span, so monthly figures are unknown",
    };
  }
  const days = (window.lastMs - window.firstMs) / DAY_MS;
  return {
    days,
    scale: DAYS_PER_MONTH / days,
    assumption: `window costs are for the ${spanText(days)} replayed; monthly costs scale them to a month of ${DAYS_PER_MONTH} days (x${(DAYS_PER_MONTH / days).toFixed(4)})`,
  };
}

/** A replayed span in days, or in hours or minutes when shorter than a day ("0 days" said nothing). */
function spanText(days: number): string {
  if (days >= 1) return `${Number(days.toFixed(2))} days`;
  const hours = days * 24;
  if (hours >= 1) return `${Number(hours.toFixed(2))} hours`;
  return `${Number((hours * 60).toFixed(2))} minutes`;
}

/**
 * The replay prices one request and weighs it by `requests`. A row of token totals (a usage bucket) is
 * replayed as its mean request: each token count divided by the requests, weighted by them, so its cost is
 * the bucket's (prices are linear in tokens), the long-context tier is decided on the mean prompt, as
 * `project` decides it, and the summary's token tallies (per-request figures times the weight) add up to
 * the bucket's. A row without a request count (Anthropic's usage report) cannot be replayed: the error
 * names the file it came from (the replay checks it too).
 */
function perRequest(row: TrafficRow, file: string): TrafficRow {
  if (row.tokenBasis !== "total") return row;
  const { requests } = row;
  if (!(requests >= 1)) {
    throw new InputError(
      { file, row: row.row, field: "requests" },
      "route replays requests, and this row of token totals has no request count (Anthropic's usage report gives none); use `llmcost project`, which scales the totals by the window, or add a requests column",
    );
  }
  return {
    ...row,
    inputTokens: row.inputTokens / requests,
    outputTokens: row.outputTokens / requests,
    cacheReadTokens: row.cacheReadTokens / requests,
    cacheWriteTokens: row.cacheWriteTokens / requests,
    cacheWrite1hTokens: (row.cacheWrite1hTokens ?? 0) / requests,
    tokenBasis: "per-request",
  };
}
