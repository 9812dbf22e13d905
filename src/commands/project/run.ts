// `llmcost project`: load pricing, scenario and traffic; analyze; render; exit code.

import type { PricingCatalog } from "../../cost/catalog.js";
import { todayUtc } from "../../cost/price-history.js";
import type { Scenario } from "../../cost/scenario-schema.js";
import { metaKeyOf } from "../../cost/showback.js";
import { describeError, ExitCode, InputError, UsageError } from "../../errors.js";
import { readingTraffic } from "../../io/input-kind.js";
import { emitReport, prepareOutputs } from "../../io/output.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { loadScenario } from "../../io/scenario-load.js";
import { checkLoggedProfiles } from "../../pipeline/bedrock-profiles.js";
import {
  chooseRegime,
  loadPolicyOptions,
  policyAssumptions,
  regimeAssumption,
  replayPolicyOptions,
  requiredFromBuckets,
} from "../../pipeline/policy-options.js";
import { longContextThresholds, projectProfile } from "../../pipeline/project.js";
import { earlyPricedAssumption, retiredModels } from "../../pipeline/retired.js";
import { oneLine } from "../../printable.js";
import { describeNonFinite, firstNonFiniteNumber } from "../../report/finite-money.js";
import { chosenFormat, REPORT_FORMATS } from "../../report/formats.js";
import { BRIEF_FORMATS, renderProjection } from "../../report/projection-render.js";
import { DEFAULT_SEED } from "../../routing/prng.js";
import { applyColorChoice, createDiagnostics } from "../../terminal/diagnostics.js";
import { createProgress } from "../../terminal/progress.js";
import { parseColumnMap } from "../../traffic/columns.js";
import { NAMED_MODELS_LIMIT } from "../../traffic/distinct-names.js";
import { MAX_BUCKETS } from "../../traffic/profile.js";
import { profileSources } from "../../traffic/profile-traffic.js";
import { formatAssumptions, openTrafficInputs, summarizeSources } from "../../traffic/read-sources.js";
import { parseModelMap } from "../options.js";
import type { ProjectOptions } from "./command.js";

export async function runProject(options: ProjectOptions): Promise<number> {
  applyColorChoice(options);
  const format = chosenFormat(options, REPORT_FORMATS);
  if (options.brief && !(BRIEF_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--brief prints the verdict as ${BRIEF_FORMATS.join(", ")}; not with --format ${format}`,
    );
  }
  const [output] = prepareOutputs(
    [...options.traffic, options.scenario, options.policy, ...options.pricing],
    [{ file: options.output, flag: "--output" }],
  );
  const diagnostics = createDiagnostics(options);
  const map = parseColumnMap(options.map);
  const asOf = options.asOf ?? todayUtc();
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.info, asOf });
  const loaded = await loadScenario(options.scenario);
  const policyWarnings: InputError[] = [];
  const policies = await loadPolicyOptions(loaded, options.policy, catalog, (warning) => {
    if (options.strict) throw warning;
    policyWarnings.push(warning);
  });
  const regime = chooseRegime(loaded, policies);
  const modelMap = parseModelMap(options.modelMap);
  const inputs = await readingTraffic(() => openTrafficInputs(options.traffic, options.inputFormat));
  const trafficName = options.traffic.join(", ");
  const progress = createProgress(`reading ${trafficName}`, !options.quiet);
  const { profile, reads } = await readingTraffic(() =>
    profileSources(inputs, {
      map,
      modelMap,
      longContextThresholds: longContextThresholds(catalog),
      // Past NAMED_MODELS_LIMIT distinct models no option can price, further ones are counted together (memory).
      keepModel: (model, provider) => placeable(catalog, loaded.scenario.model_map, model, provider),
      maxModels: NAMED_MODELS_LIMIT,
      // Past MAX_BUCKETS (model, provider, region, use case, flags, band) combinations, new ones are counted
      // without their region and use case, except use cases the scenario prices apart (memory and time).
      maxBuckets: MAX_BUCKETS,
      keepUseCase: (useCase) => loaded.scenario.batchable_use_cases.includes(useCase),
      groupMeta: options.groupBy.flatMap((key) => metaKeyOf(key) ?? []),
      onProgress: (done, total) => progress.update(done, total),
    }),
  );
  progress.finish();
  await checkLoggedProfiles(profile, catalog, inputs, { map, modelMap });
  const seed = options.seed ?? DEFAULT_SEED;
  const replayed = await replayPolicyOptions(policies, {
    traffic: inputs,
    modelMap,
    map,
    catalog,
    seed,
    regime,
  });
  const { analysis, report, profileProblems, plausibility } = projectProfile({
    profile,
    loaded,
    catalog,
    trafficFile: trafficName,
    sources: summarizeSources(inputs, reads),
    formatAssumptions: formatAssumptions(inputs),
    monthlyRequests: options.monthlyRequests,
    rowSpanMs: options.window,
    asOf,
    compliance: regime && {
      regime: regime.regime,
      required: replayed.requiredByModel ?? requiredFromBuckets(profile.buckets),
      source: regime.source,
    },
    policies: {
      replays: replayed.replays,
      assumptions: [
        ...policyAssumptions(policies, seed, options.monthlyRequests !== undefined),
        ...(regime ? [regimeAssumption(regime)] : []),
      ],
    },
    groupBy: options.groupBy,
  });
  report.assumptions.push(...earlyPricedAssumption(catalog, asOf));
  const [profileProblem] = profileProblems;
  if (options.strict && profileProblem) throw profileProblem;
  const [implausible] = plausibility;
  if (options.strict && implausible) {
    throw new InputError(implausible.location, `--strict: ${implausible.message}`);
  }
  const retired = retiredModels(catalog, asOf);
  if (options.strict && retired.length > 0) {
    throw new InputError({ file: trafficName, field: "model" }, `--strict: ${retired.join("; ")}`);
  }
  if (options.strict && analysis.unpriced.length > 0) {
    // One line: a model name from the logs may hold a line break.
    const models = oneLine(analysis.unpriced.map((u) => `"${u.model}" (${u.reason})`).join("; "));
    throw new InputError(
      { file: trafficName, field: "model" },
      `--strict: traffic without a price: ${models}`,
    );
  }
  // The options first: the verdict and sensitivity are derived from their figures, which name the line at fault.
  const overflow = firstNonFiniteNumber(report.options, "options") ?? firstNonFiniteNumber(report);
  if (overflow) {
    const priceInputs = [...options.pricing, loaded.file];
    throw new InputError(
      { file: priceInputs[0] ?? loaded.file, field: overflow.path },
      describeNonFinite(overflow, priceInputs),
    );
  }
  // The html renderer and its chart library load only when asked for.
  const text =
    format === "html"
      ? await (await import("../../report/html/projection-html.js")).renderProjectionHtml(report)
      : renderProjection(report, format, options.brief);
  await emitReport(text, output);
  // At most 20 lines (the report's listed entries), then one line for the rest.
  for (const entry of report.unpriced) {
    diagnostics.warn(
      `${entry.model}: ${entry.reason}; ${entry.share_of_requests === null ? `${(entry.share_of_tokens * 100).toFixed(1)}% of tokens` : `${(entry.share_of_requests * 100).toFixed(1)}% of requests`} are not in the totals of ${entry.options.join(", ")}`,
    );
  }
  if (report.unpriced_more) {
    diagnostics.warn(
      `${report.unpriced_more.models} more models without a price (${report.unpriced_more.requests} requests a month) are not in the totals; the report counts them together`,
    );
  }
  for (const warning of report.warnings) diagnostics.warn(warning);
  for (const warning of retired) diagnostics.warn(warning);
  for (const warning of policyWarnings) diagnostics.warn(describeError(warning));
  return ExitCode.ok;
}

/** Whether some option could price `model`: the catalog knows it (or finds it ambiguous), or model_map names it. */
function placeable(
  catalog: PricingCatalog,
  modelMap: Scenario["model_map"],
  model: string,
  provider: string | undefined,
): boolean {
  if (Object.hasOwn(modelMap.bedrock, model) || Object.hasOwn(modelMap.direct, model)) return true;
  try {
    return catalog.resolve(model, provider) !== undefined;
  } catch {
    return true;
  }
}
