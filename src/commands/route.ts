// `llmcost route --dry-run`: load pricing and policies, stream the traffic through the replay, write the
// decisions file as it goes, render the summary (or one request's trace), return the exit code.
import { applyColorChoice, createDiagnostics } from "../cli/diagnostics.js";
import { createProgress } from "../cli/progress.js";
import type { RouteOptions } from "../cli/route.js";
import { ExitCode, InputError, UsageError } from "../errors.js";
import { assertWritablePath, emitReport } from "../io/output.js";
import { loadCatalog } from "../io/pricing-load.js";
import { chosenFormat } from "../report/formats.js";
import { renderRouteReport, renderTrace } from "../report/route-render.js";
import { buildRouteReport } from "../report/route-report.js";
import type { CompiledPolicy } from "../routing/policy.js";
import { DEFAULT_SEED } from "../routing/prng.js";
import { RouteRun } from "../routing/run.js";
import { parseColumnMap } from "../traffic/columns.js";
import { readTrafficInOrder } from "../traffic/read-in-order.js";
import type { TextField } from "../traffic/row.js";
import { DecisionsFile } from "./route-decisions-file.js";
import { loadRoutingPolicy } from "./route-policy.js";

export async function runRoute(options: RouteOptions): Promise<number> {
  if (!options.dryRun) {
    throw new UsageError(
      "route needs --dry-run: llmcost replays logged traffic offline and never routes live requests",
    );
  }
  applyColorChoice(options);
  if (options.output) assertWritablePath(options.output, "--output");
  const diagnostics = createDiagnostics(options);
  const map = parseColumnMap(options.map);
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.info });
  const policy = await loadRoutingPolicy(options.policy, catalog);
  const comparePolicy = options.diff ? await loadRoutingPolicy(options.diff, catalog) : undefined;
  const seed = options.seed ?? DEFAULT_SEED;
  const start = () => {
    const decisions = options.decisions ? DecisionsFile.open(options.decisions) : undefined;
    const run = new RouteRun(policy, catalog, {
      seed,
      trafficFile: options.traffic,
      ...(options.explain !== undefined && { explainRequestId: options.explain }),
      ...(decisions && { onDecision: decisions.write }),
      ...(comparePolicy && { comparePolicy }),
    });
    return { decisions, run };
  };
  let current = start();
  const progress = createProgress(`routing ${options.traffic}`, !options.quiet);
  try {
    await readTrafficInOrder(options.traffic, (row) => current.run.add(row), {
      map,
      onProgress: (done, total) => progress.update(done, total),
      ...rowsNeeded(options, [policy, comparePolicy]),
      // A split inside a quoted field is found after rows were replayed: start the replay afresh.
      onRestart: () => {
        current.decisions?.discard();
        current = start();
      },
    });
    current.decisions?.commit();
  } finally {
    progress.finish();
    current.decisions?.discard();
  }
  const result = current.run.finish();
  const format = chosenFormat(options);
  if (options.explain !== undefined) {
    if (!result.trace) {
      throw new InputError(
        { file: options.traffic, field: "request_id" },
        `no request with id "${options.explain}" in the traffic`,
      );
    }
    await emitReport(renderTrace(result.trace, format), options.output);
    return ExitCode.ok;
  }
  const inputs = {
    traffic: options.traffic,
    policy: options.policy,
    pricing: options.pricing,
    seed,
    diff_policy: options.diff ?? null,
  };
  const report = buildRouteReport(result.summary, inputs, result.diff);
  await emitReport(renderRouteReport(report, format), options.output);
  for (const model of report.unpriced_logged_models) {
    diagnostics.warn(
      `logged model ${model.model} has no price: ${model.requests} requests left out of the as-logged baseline`,
    );
  }
  const violations = report.compliance.violations;
  if (violations > 0)
    diagnostics.warn(`${violations} compliance-required requests were routed to targets without the label`);
  return options.failOn === "compliance" && violations > 0 ? ExitCode.finding : ExitCode.ok;
}

/** What of each row the replay reads: metadata and free text only where a rule tests it (all of it for
 * --explain, which shows the request); request ids where they are written or shown (decisions, trace,
 * diff examples, compliance violations, which only an unenforced policy can have) and use cases for
 * --diff. Every cell is still validated. */
function rowsNeeded(
  options: RouteOptions,
  policies: readonly (CompiledPolicy | undefined)[],
): { metaColumns?: string[]; texts?: TextField[] } {
  if (options.explain !== undefined) return {};
  const fields = new Set(policies.flatMap((p) => (p ? [...p.fields] : [])));
  const texts: TextField[] = ["provider", "region"];
  const wanted = (field: string, needed: boolean, text: TextField): void => {
    if (needed || fields.has(field)) texts.push(text);
  };
  const violations = policies.some((p) => p !== undefined && !p.compliance.enforce);
  wanted(
    "request_id",
    options.decisions !== undefined || options.diff !== undefined || violations,
    "requestId",
  );
  wanted("use_case", options.diff !== undefined, "useCase");
  wanted("status", false, "status");
  wanted("cost_sensitivity", false, "costSensitivity");
  const metaColumns = [...fields].filter((f) => f.startsWith("meta.")).map((f) => f.slice("meta.".length));
  return { metaColumns, texts };
}
