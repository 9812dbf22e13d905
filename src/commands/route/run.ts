// `llmcost route --dry-run`: load pricing and policies, run the dry run (pipeline/route-dry-run.ts) with a
// progress line, render the summary (or one request's trace), warn, return the exit code.

import { todayUtc } from "../../cost/price-history.js";
import { BUNDLED_QUOTAS } from "../../cost/quota-catalog.js";
import { describeError, ExitCode, InputError, UsageError } from "../../errors.js";
import { readingTraffic } from "../../io/input-kind.js";
import { emitReport, prepareOutputs } from "../../io/output.js";
import { loadRoutingPolicy } from "../../io/policy-load.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { earlyPricedAssumption, retiredModels } from "../../pipeline/retired.js";
import { dryRun, routeMonth } from "../../pipeline/route-dry-run.js";
import { oneLine } from "../../printable.js";
import { describeNonFinite, firstNonFiniteNumber } from "../../report/finite-money.js";
import { chosenFormat, REPORT_FORMATS } from "../../report/formats.js";
import { renderRouteReport, renderTrace } from "../../report/route-render.js";
import { buildRouteReport } from "../../report/route-report.js";
import { DEFAULT_SEED } from "../../routing/prng.js";
import { planQuotas } from "../../routing/quota-pools.js";
import { applyColorChoice, createDiagnostics } from "../../terminal/diagnostics.js";
import { createProgress } from "../../terminal/progress.js";
import { parseColumnMap } from "../../traffic/columns.js";
import {
  describeSources,
  formatAssumptions,
  openTrafficInputs,
  singleCanonical,
  summarizeSources,
} from "../../traffic/read-sources.js";
import { unknownStatusWarning } from "../../traffic/status.js";
import { parseModelMap } from "../options.js";
import type { RouteOptions } from "./command.js";

export async function runRoute(options: RouteOptions): Promise<number> {
  if (!options.dryRun) {
    throw new UsageError(
      "route needs --dry-run: llmcost replays logged traffic offline and never routes live requests",
    );
  }
  const format = chosenFormat(options, REPORT_FORMATS);
  if (format === "html" && options.explain !== undefined) {
    throw new UsageError("--explain has no html report: use --format table, markdown, csv or json");
  }
  applyColorChoice(options);
  const [output, decisions] = prepareOutputs(
    [...options.traffic, options.policy, options.diff, ...options.pricing],
    [
      { file: options.output, flag: "--output" },
      { file: options.decisions, flag: "--decisions" },
    ],
  );
  const diagnostics = createDiagnostics(options);
  const map = parseColumnMap(options.map);
  const asOf = options.asOf ?? todayUtc();
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.info, asOf });
  const policyWarnings: InputError[] = [];
  const onPolicyWarning = (warning: InputError) => {
    if (options.strict) throw warning;
    policyWarnings.push(warning);
  };
  const policy = await loadRoutingPolicy(options.policy, catalog, onPolicyWarning);
  const comparePolicy = options.diff
    ? await loadRoutingPolicy(options.diff, catalog, onPolicyWarning)
    : undefined;
  const seed = options.seed ?? DEFAULT_SEED;
  const bundled = options.quotas === "bundled" ? BUNDLED_QUOTAS : undefined;
  const quotas = planQuotas(policy, bundled, options.policy);
  // --diff: the other policy's quotas are enforced in its own replay, as they would be if deployed.
  const compareQuotas =
    comparePolicy && options.diff ? planQuotas(comparePolicy, bundled, options.diff) : undefined;
  const traffic = await readingTraffic(() => openTrafficInputs(options.traffic, options.inputFormat));
  const trafficName = options.traffic.join(", ");
  const progress = createProgress(`routing ${trafficName}`, !options.quiet);
  let result: Awaited<ReturnType<typeof dryRun>>;
  try {
    result = await readingTraffic(() =>
      dryRun({
        traffic,
        modelMap: parseModelMap(options.modelMap),
        map,
        policy,
        catalog,
        seed,
        comparePolicy,
        explainRequestId: options.explain,
        decisionsFile: decisions,
        quotas,
        compareQuotas,
        onProgress: (done, total) => progress.update(done, total),
      }),
    );
  } finally {
    progress.finish();
  }
  if (options.explain !== undefined && format !== "html") {
    if (!result.trace) {
      throw new InputError(
        { file: trafficName, field: "request_id" },
        `no request with id "${oneLine(options.explain)}" in the traffic (a row without a request id is row-<n>, its row number)`,
      );
    }
    assertFiniteMoney(result.trace, [...options.pricing, options.policy]);
    await emitReport(renderTrace(result.trace, format), output);
    if (result.explainMatches > 1) {
      diagnostics.warn(
        `${result.explainMatches} rows have request id "${options.explain}"; the trace shows the first (row ${result.trace.decision.row})`,
      );
    }
    // The whole traffic was replayed: --fail-on holds for a trace as for the summary.
    const { violations } = result.summary.compliance;
    if (violations > 0) diagnostics.warn(complianceWarning(violations));
    return exitCodeFor(options, violations);
  }
  const inputs = {
    traffic: trafficName,
    sources: summarizeSources(traffic, result.reads),
    policy: options.policy,
    pricing: options.pricing,
    seed,
    diff_policy: options.diff ?? null,
    as_of: asOf,
  };
  const retired = retiredModels(catalog, asOf);
  if (options.strict && retired.length > 0) {
    throw new InputError({ file: options.policy, field: "targets" }, `--strict: ${retired.join("; ")}`);
  }
  const report = buildRouteReport(
    result.summary,
    inputs,
    result.diff,
    routeMonth(result.summary.window),
    result.quotas,
  );
  report.assumptions.push(...earlyPricedAssumption(catalog, asOf));
  if (singleCanonical(traffic) === undefined) {
    report.assumptions.push(
      describeSources(report.inputs.sources ?? summarizeSources(traffic, result.reads)),
    );
    report.assumptions.push(
      "Rows from several files or from logs are replayed in timestamp order (ties in --traffic and path order); a usage bucket (token totals) is replayed at its start as its mean request, weighted by its requests, so the window ends at the last bucket's start; targets are priced at their own tier, not the logged service tier.",
    );
  }
  report.assumptions.push(...formatAssumptions(traffic));
  assertFiniteMoney(report, [...options.pricing, options.policy]);
  // The html renderer and its chart library load only when asked for.
  const text =
    format === "html"
      ? await (await import("../../report/html/route-html.js")).renderRouteHtml(report)
      : renderRouteReport(report, format);
  await emitReport(text, output);
  // The report lists at most 20, then one entry for the rest: one line each.
  for (const model of report.unpriced_logged_models) {
    diagnostics.warn(
      `logged model ${model.model} has no price (${model.reason}): ${model.requests} requests left out of the as-logged baseline`,
    );
  }
  const moreUnpriced = report.unpriced_logged_more;
  if (moreUnpriced) {
    diagnostics.warn(
      `${moreUnpriced.models} more logged models have no price: ${moreUnpriced.requests} requests left out of the as-logged baseline`,
    );
  }
  for (const warning of retired) diagnostics.warn(warning);
  for (const u of result.unknownStatuses) diagnostics.warn(unknownStatusWarning(u.status, u.requests));
  for (const warning of policyWarnings) diagnostics.warn(describeError(warning));
  const violations = report.compliance.violations;
  if (violations > 0) diagnostics.warn(complianceWarning(violations));
  return exitCodeFor(options, violations);
}

function complianceWarning(violations: number): string {
  return `${violations} compliance-required requests were routed to targets without the label`;
}

function exitCodeFor(options: RouteOptions, violations: number): number {
  return options.failOn === "compliance" && violations > 0 ? ExitCode.finding : ExitCode.ok;
}

/** Overflowed money (Infinity, NaN) is an error naming the inputs whose prices feed it, never a report. */
function assertFiniteMoney(data: unknown, priceInputs: readonly string[]): void {
  const overflow = firstNonFiniteNumber(data);
  if (!overflow) return;
  throw new InputError(
    { file: priceInputs[0] ?? "(pricing)", field: overflow.path },
    describeNonFinite(overflow, priceInputs),
  );
}
