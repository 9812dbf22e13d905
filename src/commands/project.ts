// `llmcost project`: load pricing, scenario and traffic; analyze; render; exit code.
import { applyColorChoice, createDiagnostics } from "../cli/diagnostics.js";
import { createProgress } from "../cli/progress.js";
import type { ProjectOptions } from "../cli/project.js";
import { analyze } from "../cost/analyzer.js";
import { ExitCode, InputError } from "../errors.js";
import { assertWritablePath, emitReport } from "../io/output.js";
import { loadCatalog } from "../io/pricing-load.js";
import { loadScenario, withScenarioLocations } from "../io/scenario-load.js";
import { chosenFormat } from "../report/formats.js";
import { buildProjectionReport } from "../report/projection-data.js";
import { renderProjection } from "../report/projection-render.js";
import { parseColumnMap } from "../traffic/columns.js";
import { monthlyScale } from "../traffic/profile.js";
import { profileTraffic } from "../traffic/profile-traffic.js";
import { projectionAssumptions } from "./project-assumptions.js";

export async function runProject(options: ProjectOptions): Promise<number> {
  applyColorChoice(options);
  if (options.output) assertWritablePath(options.output, "--output");
  const diagnostics = createDiagnostics(options);
  const map = parseColumnMap(options.map ?? []);
  const catalog = await loadCatalog(options.pricing ?? [], { onNotice: diagnostics.info });
  const loaded = await loadScenario(options.scenario);
  const thresholds = [
    ...new Set(catalog.models.flatMap((m) => (m.longContext ? [m.longContext.thresholdTokens] : []))),
  ];
  const progress = createProgress(`reading ${options.traffic}`, !options.quiet);
  const { profile } = await profileTraffic(options.traffic, {
    map,
    longContextThresholds: thresholds,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const month = monthlyScale(profile, options.monthlyRequests);
  const analysis = withScenarioLocations(loaded, () =>
    analyze({
      scenario: loaded.scenario,
      mix: profile,
      monthlyRequests: profile.requests * month.scale,
      catalog,
    }),
  );
  if (options.strict && analysis.unpriced.length > 0) {
    const models = analysis.unpriced.map((u) => `"${u.model}" (${u.reason})`).join("; ");
    throw new InputError(
      { file: options.traffic, field: "model" },
      `--strict: traffic without a price: ${models}`,
    );
  }
  const report = buildProjectionReport(analysis, {
    trafficFile: options.traffic,
    scenarioName: loaded.scenario.name,
    scenarioFile: loaded.file,
    scenarioIsDefault: loaded.isDefault,
    window: profile.window,
    monthlyScale: month.scale,
    observedRequests: profile.requests,
    observedTokens: profile.tokens,
    peak: profile.peak,
    assumptions: projectionAssumptions(loaded, month.assumption),
    warnings: [],
  });
  await emitReport(renderProjection(report, chosenFormat(options)), options.output);
  for (const entry of report.unpriced) {
    diagnostics.warn(
      `${entry.model}: ${entry.reason}; ${(entry.share_of_requests * 100).toFixed(1)}% of requests are not in the totals of ${entry.options.join(", ")}`,
    );
  }
  for (const warning of report.warnings) diagnostics.warn(warning);
  return ExitCode.ok;
}
