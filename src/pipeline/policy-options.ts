// `project`'s routing-policy options and compliance regime: loads each `kind: policy` option's policy
// (relative to the scenario file; `--policy` adds one), names the run's one compliance regime, replays the
// traffic through each policy with route's own replay (route-dry-run.ts), and tallies the requests that
// need the regime: per target for a policy option, per logged model for the pure options.
import { dirname, isAbsolute, join } from "node:path";
import type { PricingCatalog } from "../cost/catalog.js";
import type { ComplianceRegime, RequiredTraffic } from "../cost/compliance.js";
import type { PolicyReplay, ReplayedTarget } from "../cost/policy-option.js";
import { DEFAULT_COVERED_BY, type DeploymentOption } from "../cost/scenario-schema.js";
import type { TrafficBucket } from "../cost/traffic-mix.js";
import { InputError } from "../errors.js";
import { loadRoutingPolicy } from "../io/policy-load.js";
import type { LoadedScenario } from "../io/scenario-load.js";
import { formatPath, locateInYaml } from "../io/yaml.js";
import { compileCondition, fieldsOf, type RowPredicate } from "../routing/condition.js";
import type { RoutingDecision } from "../routing/decision.js";
import type { CompiledPolicy } from "../routing/policy.js";
import { forEachTrafficRow, type TrafficInputs } from "../traffic/read-sources.js";
import type { TrafficRow } from "../traffic/row.js";
import { dryRun } from "./route-dry-run.js";

/** The id `--policy FILE` gives its option. */
const FLAG_POLICY_OPTION_ID = "policy";

export interface PolicyOption {
  option: DeploymentOption;
  /** The policy file as resolved (relative to the scenario; `--policy` as given). */
  file: string;
  policy: CompiledPolicy;
}

/**
 * Loads each `kind: policy` option's policy, relative to the scenario file. `--policy FILE` (relative to
 * the working folder) adds option `policy` to the scenario first.
 */
export async function loadPolicyOptions(
  loaded: LoadedScenario,
  flagPolicy: string | undefined,
  catalog: PricingCatalog,
  onWarning: (warning: InputError) => void,
): Promise<PolicyOption[]> {
  const files: [DeploymentOption, string][] = [];
  for (const option of loaded.scenario.options) {
    if (option.kind === "policy" && option.policy !== undefined)
      files.push([
        option,
        isAbsolute(option.policy) ? option.policy : join(dirname(loaded.file), option.policy),
      ]);
  }
  if (flagPolicy !== undefined) {
    if (loaded.scenario.options.some((o) => o.id === FLAG_POLICY_OPTION_ID)) {
      throw new InputError(
        { file: loaded.file, field: "options" },
        `--policy adds an option with id "${FLAG_POLICY_OPTION_ID}", and the scenario already has one: rename it, or add the policy as a kind: policy option`,
      );
    }
    const option: DeploymentOption = {
      id: FLAG_POLICY_OPTION_ID,
      kind: "policy",
      label: `routing policy (${flagPolicy})`,
      policy: flagPolicy,
    };
    loaded.scenario.options.push(option);
    files.push([option, flagPolicy]);
  }
  const result: PolicyOption[] = [];
  for (const [option, file] of files) {
    result.push({ option, file, policy: await loadRoutingPolicy(file, catalog, onWarning) });
  }
  return result;
}

/** The run's regime, where it was named, and the compiled `required_when` (undefined when it has none). */
export interface RegimeChoice {
  regime: ComplianceRegime;
  source: string;
  requiredWhen: RowPredicate | undefined;
  /** Fields `required_when` reads, so readers keep those columns. */
  fields: ReadonlySet<string>;
}

/**
 * One regime per run: the scenario's `compliance`, else the label the policies name (`compliance.label`);
 * two different labels are an error. A policy-named regime is covered by Bedrock only. A request needs it
 * when its requires_compliance column says so or it matches a `required_when` of the scenario or of a policy.
 */
export function chooseRegime(
  loaded: LoadedScenario,
  policies: readonly PolicyOption[],
): RegimeChoice | undefined {
  const spec = loaded.scenario.compliance;
  const named = policies.flatMap((p) =>
    p.policy.compliance.label !== undefined ? [{ label: p.policy.compliance.label, file: p.file }] : [],
  );
  const label = spec?.label ?? named[0]?.label;
  if (label === undefined) return undefined;
  const clash = named.find((n) => n.label !== label);
  if (clash) {
    throw new InputError(
      { file: clash.file, field: "compliance.label" },
      `one compliance regime per run: ${spec ? `the scenario (${loaded.file}) names "${label}"` : `another policy names "${label}"`}, this policy "${clash.label}"`,
    );
  }
  const issues: { path: (string | number)[]; message: string }[] = [];
  const scenarioConditions = spec?.required_when ?? [];
  const predicates = scenarioConditions.map((condition, i) =>
    compileCondition(condition, issues, ["compliance", "required_when", i]),
  );
  const [issue] = issues;
  if (issue) {
    throw new InputError(
      { file: loaded.file, ...locateInYaml(loaded.parsed, issue.path), field: formatPath(issue.path) },
      issue.message,
    );
  }
  const fields = new Set<string>();
  for (const condition of scenarioConditions) fieldsOf(condition, fields);
  // A policy's own required_when (its `requires` also reads the column).
  const withConditions = policies.filter((p) => (p.policy.spec.compliance?.required_when ?? []).length > 0);
  for (const p of withConditions)
    for (const c of p.policy.spec.compliance?.required_when ?? []) fieldsOf(c, fields);
  predicates.push(...withConditions.map((p) => p.policy.compliance.requires));
  return {
    regime: { label, coveredBy: spec?.covered_by ?? DEFAULT_COVERED_BY },
    source: spec ? loaded.file : (named[0]?.file ?? loaded.file),
    requiredWhen: predicates.length === 0 ? undefined : (row) => predicates.some((p) => p(row)),
    fields,
  };
}

/** Whether a row needs the regime: its `requires_compliance` column, or a `required_when` match. */
function requires(choice: RegimeChoice | undefined, row: TrafficRow): boolean {
  if (!choice) return false;
  return row.requiresCompliance || (choice.requiredWhen?.(row) ?? false);
}

/** Required requests by logged provider and model, from rows. */
class RequiredByModel {
  private readonly byKey = new Map<string, RequiredTraffic>();

  add(row: TrafficRow): void {
    const key = `${row.provider ?? ""}\u0000${row.model}`;
    const entry = this.byKey.get(key) ?? { model: row.model, provider: row.provider, requests: 0 };
    entry.requests += row.requests;
    this.byKey.set(key, entry);
  }

  reset(): void {
    this.byKey.clear();
  }

  finish(): RequiredTraffic[] {
    return [...this.byKey.values()];
  }
}

/** Required requests by logged model from the profile's buckets (no `required_when`: the column decides). */
export function requiredFromBuckets(buckets: readonly TrafficBucket[]): RequiredTraffic[] {
  const byKey = new Map<string, RequiredTraffic>();
  for (const bucket of buckets) {
    if (!bucket.requiresCompliance) continue;
    const key = `${bucket.provider ?? ""}\u0000${bucket.model}`;
    const entry = byKey.get(key) ?? { model: bucket.model, provider: bucket.provider, requests: 0 };
    entry.requests += bucket.requests;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

export interface ReplayInputs {
  traffic: TrafficInputs;
  /** `--model-map`: ids a log format cannot resolve alone. */
  modelMap: ReadonlyMap<string, string>;
  map: Record<string, string>;
  catalog: PricingCatalog;
  seed: number;
  regime: RegimeChoice | undefined;
}

export interface PolicyReplays {
  replays: Map<string, PolicyReplay>;
  /** Required requests by logged model when `required_when` needed the rows (else undefined). */
  requiredByModel: RequiredTraffic[] | undefined;
}

/** Replays the traffic through each policy option's policy; the first replay also tallies required requests
 * by logged model when `required_when` needs the rows. Without a policy option, one plain read does that. */
export async function replayPolicyOptions(
  policies: readonly PolicyOption[],
  inputs: ReplayInputs,
): Promise<PolicyReplays> {
  const replays = new Map<string, PolicyReplay>();
  const needRows = inputs.regime?.requiredWhen !== undefined;
  const byModel = needRows ? new RequiredByModel() : undefined;
  for (const [i, { option, policy }] of policies.entries()) {
    const tally = new ReplayTally(policy, inputs.regime, i === 0 ? byModel : undefined);
    const result = await dryRun({
      traffic: inputs.traffic,
      modelMap: inputs.modelMap,
      map: inputs.map,
      policy,
      catalog: inputs.catalog,
      seed: inputs.seed,
      observer: tally,
      observedFields: inputs.regime?.fields,
    });
    replays.set(option.id, tally.finish(result.summary));
  }
  if (byModel && policies.length === 0) {
    await forEachTrafficRow(
      inputs.traffic,
      (row) => {
        if (requires(inputs.regime, row)) byModel.add(row);
      },
      { map: inputs.map, modelMap: inputs.modelMap },
    );
  }
  return { replays, requiredByModel: byModel?.finish() };
}

/** Required requests per target as the replay goes (and per logged model, for the pure options). */
class ReplayTally {
  private readonly required: Float64Array;
  /** Cache tokens per target (the route summary keeps input and output only). */
  private readonly cacheRead: Float64Array;
  private readonly cacheWrite: Float64Array;
  private unroutableRequired = 0;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly regime: RegimeChoice | undefined,
    private readonly byModel: RequiredByModel | undefined,
  ) {
    this.required = new Float64Array(policy.targets.length);
    this.cacheRead = new Float64Array(policy.targets.length);
    this.cacheWrite = new Float64Array(policy.targets.length);
  }

  add(row: TrafficRow, decision: RoutingDecision): void {
    const at = decision.targetIndex;
    if (at >= 0) {
      this.cacheRead[at] = (this.cacheRead[at] ?? 0) + row.cacheReadTokens * row.requests;
      this.cacheWrite[at] = (this.cacheWrite[at] ?? 0) + row.cacheWriteTokens * row.requests;
    }
    if (!requires(this.regime, row)) return;
    this.byModel?.add(row);
    const target = decision.targetIndex;
    if (target >= 0) this.required[target] = (this.required[target] ?? 0) + row.requests;
    else this.unroutableRequired += row.requests;
  }

  reset(): void {
    this.required.fill(0);
    this.cacheRead.fill(0);
    this.cacheWrite.fill(0);
    this.unroutableRequired = 0;
    this.byModel?.reset();
  }

  finish(summary: Awaited<ReturnType<typeof dryRun>>["summary"]): PolicyReplay {
    const label = this.regime?.regime.label;
    const targets: ReplayedTarget[] = this.policy.targets.map((t) => {
      const tallied = summary.targets[t.index];
      return {
        name: t.name,
        price: t.price,
        side: t.price.provider === "bedrock" ? "bedrock" : "direct",
        requests: tallied?.requests ?? 0,
        inputTokens: tallied?.inputTokens ?? 0,
        outputTokens: tallied?.outputTokens ?? 0,
        cacheReadTokens: this.cacheRead[t.index] ?? 0,
        cacheWriteTokens: this.cacheWrite[t.index] ?? 0,
        costUsd: tallied?.costUsd ?? 0,
        requiredRequests: this.required[t.index] ?? 0,
        covers: label !== undefined && t.labels.includes(label),
      };
    });
    const routedRequired = targets.reduce((sum, t) => sum + t.requiredRequests, 0);
    return {
      requests: summary.totals.requests,
      unroutableRequests: summary.totals.unroutableRequests,
      requiredRequests: routedRequired + this.unroutableRequired,
      targets,
    };
  }
}

/** How the policy options are priced and scaled, for the report's assumptions. */
export function policyAssumptions(
  policies: readonly PolicyOption[],
  seed: number,
  givenVolume: boolean,
): string[] {
  if (policies.length === 0) return [];
  const lines = policies.map(
    ({ option, file }) =>
      `Option "${option.id}" is the traffic replayed through ${file} as route --dry-run replays it (rules, fallbacks, circuit breaker, the policy's simulate block, --seed ${seed}, --as-of): each request priced on the target it lands on; its token cost is the replay's cost per replayed request times the monthly requests.`,
  );
  lines.push(
    "Policy options pay each side's infrastructure: items that apply to kind bedrock once a request lands on Bedrock, items for kind direct once one lands on a direct provider (a fixed item in full, once, even when both sides use it; a per-request item per request on its side), items naming the option or kind policy on all its requests; hidden cost only from the option's own hidden_cost.",
  );
  if (givenVolume) {
    lines.push(
      "With --monthly-requests the policy's replay is not re-run at the new volume: its split between targets, fallbacks, breaker openings and simulated failures are those of the observed traffic, scaled per request like every other option (route models no provider quota, so none is applied).",
    );
  }
  return lines;
}

/** The regime in one sentence, for the report's assumptions. */
export function regimeAssumption(choice: RegimeChoice): string {
  const conditions = choice.requiredWhen
    ? " or it matches a required_when condition (scenario or policy)"
    : "";
  return `Compliance regime ${choice.regime.label} (named in ${choice.source}): a request needs it when its requires_compliance column is true${conditions}; covered by ${choice.regime.coveredBy.join(", ")}; a policy target covers it when it carries the label. An option violates it for each such request it serves without coverage; "cheapest" is the cheapest option without violations.`;
}
