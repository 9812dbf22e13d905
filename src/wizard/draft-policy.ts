// The draft routing policy: one target per model on each side, one rule per traffic model that sends it to
// the cheaper of its direct model and its Bedrock counterpart, Bedrock as the fallback of every direct
// target, and compliance labels on the Bedrock targets. A starting point for review, not a verdict.
import type { ModelCatalog } from "../cost/model-map.js";
import { ownValue } from "../own-key.js";
import type { PolicySpec, RouteSpec } from "../routing/policy-schema.js";
import type { Answers } from "./answers-schema.js";

/** What the policy is written from: traffic models, their providers and their Bedrock counterparts. */
export interface PolicyDraftInput {
  answers: Answers;
  catalog: ModelCatalog;
  /** Direct traffic model -> its provider. */
  directModels: ReadonlyMap<string, string>;
  bedrockModelMap: Readonly<Record<string, string>>;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function directTargetName(model: string): string {
  return `direct-${slug(model)}`;
}

function bedrockTargetName(model: string): string {
  // `anthropic.claude-sonnet-4-5-…-v1:0` reads better without the vendor prefix and the version suffix.
  return `bedrock-${slug(model.replace(/^[a-z]+\./, "").replace(/-v\d+(:\d+)?$/, ""))}`;
}

export function draftPolicy(input: PolicyDraftInput): PolicySpec {
  const { answers, catalog } = input;
  const { options } = answers.candidates;
  const useDirect = options.includes("direct");
  const useBedrock = options.some((kind) => kind !== "direct");
  const regimes = answers.constraints.compliance;
  const targets: PolicySpec["targets"] = {};
  const rules: PolicySpec["rules"] = [];
  const regulatedRules: PolicySpec["rules"] = [];
  const fallbacks: PolicySpec["fallbacks"] = {};
  const { workload } = answers;
  // A traffic CSV is not rewritten, so its regulated use cases are named in rules that come first.
  const regulated = workload.source === "csv" && regimes.length > 0 ? workload.regulated_use_cases : [];
  for (const [model, provider] of input.directModels) {
    const names: string[] = [];
    if (useDirect) {
      names.push(directTargetName(model));
      targets[directTargetName(model)] = {
        provider,
        model,
        performance: 0.5,
        latency_ms: 1000,
        compliance: [],
        latest: catalog.resolve(model, provider)?.price.latest ?? false,
      };
    }
    const bedrock = ownValue(input.bedrockModelMap, model);
    if (useBedrock && bedrock !== undefined) {
      names.push(bedrockTargetName(bedrock));
      targets[bedrockTargetName(bedrock)] = {
        provider: "bedrock",
        model: bedrock,
        regions: [...answers.constraints.regions],
        performance: 0.5,
        latency_ms: 1000,
        compliance: [...regimes],
        latest: catalog.resolve(bedrock, "bedrock")?.price.latest ?? false,
      };
      if (useDirect) fallbacks[directTargetName(model)] = [bedrockTargetName(bedrock)];
      if (regulated.length > 0) {
        regulatedRules.push({
          name: `regulated-from-${slug(model)}`,
          when: { model, use_case: { in: [...regulated] } },
          route: { target: bedrockTargetName(bedrock) },
          confidence: 0.8,
          reason: "compliance",
        });
      }
    }
    rules.push({
      name: `from-${slug(model)}`,
      when: { model },
      route: routeAmong(names),
      confidence: 0.8,
      reason: "cost",
    });
  }
  const policy: PolicySpec = {
    version: 1,
    description: `Draft from llmcost wizard: each model's traffic goes to the cheaper of its direct model and its Bedrock counterpart${regimes.length ? `; regulated requests (${regimes.join(", ")}) only to Bedrock targets` : ""}. Review before use.`,
    targets,
    rules: [...regulatedRules, ...rules],
    default: { route: routeAmong(Object.keys(targets)), reason: "default" },
    fallbacks,
    circuit_breaker: { failure_threshold: 5, cooldown_seconds: 60, half_open_probes: 1 },
  };
  const label = regimes[0];
  if (label !== undefined) policy.compliance = { label, enforce: true };
  return policy;
}

function routeAmong(names: readonly string[]): RouteSpec {
  const [only] = names;
  return names.length === 1 && only !== undefined ? { target: only } : { cheapest: [...new Set(names)] };
}
