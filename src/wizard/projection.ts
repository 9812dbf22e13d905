// The projection the wizard shows, computed exactly as `llmcost project` computes it from the written files
// (same month scaling, analyzer, report data and assumptions), so rerunning that command reproduces it.

import { projectionAssumptions } from "../commands/project-assumptions.js";
import { analyze } from "../cost/analyzer.js";
import type { PricingCatalog } from "../cost/catalog.js";
import { withScenarioLocations } from "../io/scenario-load.js";
import { buildProjectionReport, type ProjectionReport } from "../report/projection-data.js";
import { monthlyScale } from "../traffic/profile.js";
import type { WizardPlan } from "./plan.js";

export function projectPlan(plan: WizardPlan, catalog: PricingCatalog): ProjectionReport {
  const { profile, scenario } = plan;
  const month = monthlyScale(profile);
  const analysis = withScenarioLocations(scenario, () =>
    analyze({
      scenario: scenario.scenario,
      mix: profile,
      monthlyRequests: profile.requests * month.scale,
      catalog,
    }),
  );
  return buildProjectionReport(analysis, {
    trafficFile: plan.trafficFile,
    scenarioName: scenario.scenario.name,
    scenarioFile: scenario.file,
    scenarioIsDefault: false,
    window: profile.window,
    monthlyScale: month.scale,
    observedRequests: profile.requests,
    observedTokens: profile.tokens,
    peak: profile.peak,
    assumptions: projectionAssumptions(scenario, month.assumption),
    warnings: [],
  });
}
