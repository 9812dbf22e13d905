// From a traffic profile, a scenario and the catalog to the projection report: the one pipeline behind
// `llmcost project` and the wizard, so the wizard's numbers are exactly what `project` prints on its files.
import { type Analysis, analyze } from "../cost/analyzer.js";
import type { PricingCatalog } from "../cost/catalog.js";
import { type LoadedScenario, withScenarioLocations } from "../io/scenario-load.js";
import { buildProjectionReport, type ProjectionReport } from "../report/projection-data.js";
import { monthlyScale, type TrafficProfile } from "../traffic/profile.js";
import { projectionAssumptions } from "./project-assumptions.js";

export interface ProjectionInput {
  profile: TrafficProfile;
  loaded: LoadedScenario;
  catalog: PricingCatalog;
  trafficFile: string;
  /** Rescale the observed mix to this many requests a month instead of scaling the window. */
  monthlyRequests?: number | undefined;
  /** The date the catalog's prices are fixed to (stated in the report). */
  asOf?: string;
}

export function projectProfile(input: ProjectionInput): { analysis: Analysis; report: ProjectionReport } {
  const { profile, loaded, catalog } = input;
  const month = monthlyScale(profile, input.monthlyRequests);
  const analysis = withScenarioLocations(loaded, () =>
    analyze({
      scenario: loaded.scenario,
      mix: profile,
      monthlyRequests: profile.requests * month.scale,
      catalog,
    }),
  );
  const report = buildProjectionReport(analysis, {
    trafficFile: input.trafficFile,
    scenarioName: loaded.scenario.name,
    scenarioFile: loaded.file,
    scenarioIsDefault: loaded.isDefault,
    window: profile.window,
    monthlyScale: month.scale,
    observedRequests: profile.requests,
    observedTokens: profile.tokens,
    peak: profile.peak,
    otherModels: profile.otherModels,
    assumptions: [
      ...projectionAssumptions(loaded, month.assumption),
      ...(input.asOf ? [`Prices, latest models and lifecycle as of ${input.asOf} (--as-of).`] : []),
    ],
    ...(input.asOf ? { asOf: input.asOf } : {}),
    warnings: [],
  });
  return { analysis, report };
}

/** Prompt-size bands a profile needs: every long-context threshold in the catalog. */
export function longContextThresholds(catalog: PricingCatalog): number[] {
  return [...new Set(catalog.models.flatMap((m) => (m.longContext ? [m.longContext.thresholdTokens] : [])))];
}
