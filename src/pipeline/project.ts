// From a traffic profile, a scenario and the catalog to the projection report: the one pipeline behind
// `llmcost project` and the wizard, so the wizard's numbers are exactly what `project` prints on its files.
import { type Analysis, analyze, type ComplianceInput } from "../cost/analyzer.js";
import type { PricingCatalog } from "../cost/catalog.js";
import type { PolicyReplay } from "../cost/policy-option.js";
import { analyzeRetrieval } from "../cost/rag-compare.js";
import { type GroupKey, showback } from "../cost/showback.js";
import { describeError, InputError } from "../errors.js";
import { type LoadedScenario, locateScenarioProblem, withScenarioLocations } from "../io/scenario-load.js";
import { buildProjectionReport, type ProjectionReport } from "../report/projection-data.js";
import { buildRagData } from "../report/rag-data.js";
import { monthlyScale, type TrafficProfile } from "../traffic/profile.js";
import { describeSources, type SourcesSummary } from "../traffic/read-sources.js";
import { CANONICAL_FORMAT } from "../traffic/sniff.js";
import { unknownStatusWarning } from "../traffic/status.js";
import { unknownBatchableWarnings } from "./batchable-check.js";
import { optionProfileChecks } from "./bedrock-profiles.js";
import { plausibilityProblems } from "./plausibility.js";
import {
  failureAssumption,
  foldedAssumption,
  loggedPricingAssumptions,
  projectionAssumptions,
  showbackAssumptions,
} from "./project-assumptions.js";
import { projectCapacity } from "./project-capacity.js";
import { requestCounts } from "./unknown-requests.js";

export interface ProjectionInput {
  profile: TrafficProfile;
  loaded: LoadedScenario;
  catalog: PricingCatalog;
  trafficFile: string;
  /** What was read (the report's "sources"); with `formatAssumptions`, what the formats could not give. */
  sources?: SourcesSummary | undefined;
  formatAssumptions?: readonly string[];
  /** Rescale the observed mix to this many requests a month instead of scaling the window. */
  monthlyRequests?: number | undefined;
  /** What each pre-aggregated row covers, in ms (`--window`), when the file has no bucket_end column. */
  rowSpanMs?: number | undefined;
  /** The date the catalog's prices are fixed to (stated in the report). */
  asOf?: string;
  /** The run's compliance regime and its required requests (policy-options.ts). */
  compliance?: (ComplianceInput & { source: string }) | undefined;
  /** Each policy option's replay, by option id, with the assumptions that go with it. */
  policies?: { replays: ReadonlyMap<string, PolicyReplay>; assumptions: string[] } | undefined;
  /** `--group-by`: the report's showback per group (none when empty). */
  groupBy?: readonly GroupKey[];
}

export function projectProfile(input: ProjectionInput): {
  analysis: Analysis;
  report: ProjectionReport;
  /** Bedrock options asking for a profile a model they serve lacks (warnings; `--strict`: errors). */
  profileProblems: InputError[];
  /** Implausible traffic (plausibility.ts): warnings; `--strict`: errors. */
  plausibility: InputError[];
} {
  const { profile, loaded, catalog } = input;
  const month = monthlyScale(profile, input.monthlyRequests, input.rowSpanMs);
  if ("problem" in month) throw new InputError({ file: input.trafficFile }, month.problem);
  const counts = requestCounts(
    profile,
    loaded.scenario,
    month.scale,
    input.monthlyRequests,
    input.trafficFile,
  );
  const analysis = withScenarioLocations(loaded, () =>
    analyze({
      scenario: counts.scenario,
      mix: counts.mix,
      monthlyRequests: counts.monthlyRequests,
      catalog,
      compliance: input.compliance,
      policies: input.policies?.replays,
      requestsKnown: counts.known,
    }),
  );
  const retrieval = loaded.scenario.retrieval;
  const rag = retrieval
    ? withScenarioLocations(loaded, () =>
        analyzeRetrieval({
          scenario: counts.scenario,
          retrieval,
          mix: counts.mix,
          scale: analysis.scale,
          catalog,
        }),
      )
    : undefined;
  const groupBy = input.groupBy ?? [];
  const groups = groupBy.length > 0 ? showback(analysis, counts.mix, groupBy) : undefined;
  const profileChecks = optionProfileChecks(loaded.scenario, analysis);
  const profileProblems = profileChecks.problems.map((problem) => locateScenarioProblem(loaded, problem));
  const plausibility = plausibilityProblems(profile, catalog, input.trafficFile);
  const capacity = projectCapacity(profile, loaded, catalog, month.scale, input.monthlyRequests);
  const report = buildProjectionReport(analysis, {
    trafficFile: input.trafficFile,
    ...(input.sources && { sources: input.sources }),
    scenarioName: loaded.scenario.name,
    scenarioFile: loaded.file,
    scenarioIsDefault: loaded.isDefault,
    window: profile.window,
    monthlyScale: month.scale,
    // Rows without a request count: the observed count is unknown.
    observedRequests: profile.unknownRequestRows === 0 ? profile.requests : null,
    requestsKnown: counts.known,
    failedRequests: profile.failedRequests,
    observedTokens: profile.tokens,
    peak: profile.peak,
    ...(profile.peakUnknown && { peakUnknown: true }),
    freeTiers: loaded.scenario.free_tiers,
    otherModels: profile.otherModels,
    complianceSource: input.compliance?.source,
    ...(rag && retrieval
      ? { rag: buildRagData(rag, retrieval, loaded.scenario.tips.cache_reads_per_write) }
      : {}),
    capacity: capacity.capacity,
    ...(groups && { showback: { keys: groupBy, groups } }),
    assumptions: [
      ...(input.policies?.assumptions ?? []),
      ...sourceAssumptions(input),
      ...projectionAssumptions(loaded, month.assumption),
      failureAssumption(profile),
      ...foldedAssumption(profile),
      ...loggedPricingAssumptions(profile),
      ...foldedAssumption(profile),
      ...(groups ? showbackAssumptions(profile, groupBy, [...(input.policies?.replays.keys() ?? [])]) : []),
      ...counts.assumptions,
      ...profileChecks.assumptions,
      ...capacity.assumptions,
      ...(input.asOf ? [`Prices, latest models and lifecycle as of ${input.asOf} (--as-of).`] : []),
    ],
    ...(input.asOf ? { asOf: input.asOf } : {}),
    warnings: [
      ...profileProblems.map(describeError),
      ...plausibility.map(describeError),
      ...profile.unknownStatuses.map((u) => unknownStatusWarning(u.status, u.requests)),
      ...unknownBatchableWarnings(loaded, profile),
    ],
  });
  return { analysis, report, profileProblems, plausibility };
}

/** Prompt-size bands a profile needs: every long-context threshold in the catalog. */
export function longContextThresholds(catalog: PricingCatalog): number[] {
  return [...new Set(catalog.models.flatMap((m) => (m.longContext ? [m.longContext.thresholdTokens] : [])))];
}

/** The "sources" line when the traffic is more than one file of llmcost's CSV, then what the formats read
 * could not provide. */
function sourceAssumptions(input: ProjectionInput): string[] {
  const { sources } = input;
  const plain =
    sources === undefined ||
    (sources.files === 1 && sources.formats.every((f) => f.format === CANONICAL_FORMAT));
  return [...(plain ? [] : [describeSources(sources)]), ...(input.formatAssumptions ?? [])];
}
