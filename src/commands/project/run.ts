// `llmcost project`: load pricing, scenario and traffic; analyze; render; exit code.

import { todayUtc } from "../../cost/price-history.js";
import { ExitCode, InputError } from "../../errors.js";
import { assertWritablePath, emitReport } from "../../io/output.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { loadScenario } from "../../io/scenario-load.js";
import { checkLoggedProfiles } from "../../pipeline/bedrock-profiles.js";
import { longContextThresholds, projectProfile } from "../../pipeline/project.js";
import { earlyPricedAssumption, retiredModels } from "../../pipeline/retired.js";
import { chosenChartFormat } from "../../report/formats.js";
import { renderProjection } from "../../report/projection-render.js";
import { applyColorChoice, createDiagnostics } from "../../terminal/diagnostics.js";
import { createProgress } from "../../terminal/progress.js";
import { parseColumnMap } from "../../traffic/columns.js";
import { profileTraffic } from "../../traffic/profile-traffic.js";
import type { ProjectOptions } from "./command.js";

export async function runProject(options: ProjectOptions): Promise<number> {
  applyColorChoice(options);
  if (options.output) assertWritablePath(options.output, "--output");
  const diagnostics = createDiagnostics(options);
  const map = parseColumnMap(options.map);
  const asOf = options.asOf ?? todayUtc();
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.info, asOf });
  const loaded = await loadScenario(options.scenario);
  const progress = createProgress(`reading ${options.traffic}`, !options.quiet);
  const { profile } = await profileTraffic(options.traffic, {
    map,
    longContextThresholds: longContextThresholds(catalog),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  await checkLoggedProfiles(profile, catalog, options.traffic, map);
  const { analysis, report, profileProblems } = projectProfile({
    profile,
    loaded,
    catalog,
    trafficFile: options.traffic,
    monthlyRequests: options.monthlyRequests,
    rowSpanMs: options.window,
    asOf,
  });
  report.assumptions.push(...earlyPricedAssumption(catalog, asOf));
  const [profileProblem] = profileProblems;
  if (options.strict && profileProblem) throw profileProblem;
  const retired = retiredModels(catalog, asOf);
  if (options.strict && retired.length > 0) {
    throw new InputError({ file: options.traffic, field: "model" }, `--strict: ${retired.join("; ")}`);
  }
  if (options.strict && analysis.unpriced.length > 0) {
    const models = analysis.unpriced.map((u) => `"${u.model}" (${u.reason})`).join("; ");
    throw new InputError(
      { file: options.traffic, field: "model" },
      `--strict: traffic without a price: ${models}`,
    );
  }
  const format = chosenChartFormat(options);
  // The html renderer and its chart library load only when asked for.
  const text =
    format === "html"
      ? await (await import("../../report/html/projection-html.js")).renderProjectionHtml(report)
      : renderProjection(report, format);
  await emitReport(text, options.output);
  for (const entry of report.unpriced) {
    diagnostics.warn(
      `${entry.model}: ${entry.reason}; ${(entry.share_of_requests * 100).toFixed(1)}% of requests are not in the totals of ${entry.options.join(", ")}`,
    );
  }
  for (const warning of report.warnings) diagnostics.warn(warning);
  for (const warning of retired) diagnostics.warn(warning);
  return ExitCode.ok;
}
