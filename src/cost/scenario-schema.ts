// The scenario YAML: what to compare (deployment options), how traffic maps between them, and the
// infrastructure around each. This zod schema is the single source of the type, its errors and its JSON Schema.
import { z } from "zod";
import { ConditionSchema } from "../routing/policy-schema.js";
import { CACHE_WRITE_TTLS, PROFILE_SCOPES, PT_COMMITMENTS } from "./price.js";
import { quotaFiguresShape } from "./quota-schema.js";
import { retrievalSchema } from "./rag-schema.js";

const OPTION_KINDS = [
  "direct",
  "direct-batch",
  "bedrock",
  "bedrock-batch",
  "bedrock-provisioned",
  "policy",
] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

/** Option kinds whose batchable use cases go through a batch API (24-hour turnaround). */
export const BATCH_KINDS: readonly OptionKind[] = ["direct-batch", "bedrock-batch"];

/** Service tier of an option's (non-batch) traffic, where the catalog has its prices. */
const SERVICE_TIERS = ["standard", "flex", "priority"] as const;

/** Whether infrastructure free tiers are applied: they are per AWS account, shared by every workload in it. */
const FREE_TIERS = ["none", "account"] as const;

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "expected a lower-case id (letters, digits, . _ -)");
const nonNegative = z.number().nonnegative();
const fraction = z.number().min(0).max(1);

/** An amount of operational overhead and where it comes from. */
const overheadAmount = z.strictObject({
  usd: nonNegative,
  /** A published price, or the reasoning behind the figure (hours x rate, ...). */
  source: z.string().min(1).describe("where the amount comes from, or the reasoning behind it"),
});

/**
 * The hidden cost of running an option, in one of two forms: explicit operational overhead (a fixed monthly
 * amount plus a per-request amount, each with its source), or a single multiplier on token + infra cost.
 */
const hiddenCost = z
  .strictObject({
    /** Multiplies the option's token + infrastructure cost: the hidden cost of running it yourself. */
    complexity_multiplier: z
      .number()
      .min(1)
      .optional()
      .describe("multiplies the option's token + infrastructure cost (the single-multiplier form)"),
    /** Operational overhead a month, whatever the volume (engineer hours, vendor management). */
    per_month: overheadAmount.optional().describe("fixed operational overhead a month, with its source"),
    /** Operational overhead per request (retries, support tooling billed by volume). */
    per_request: overheadAmount.optional().describe("operational overhead per request, with its source"),
    note: z.string().optional(),
  })
  .superRefine((hidden, context) => {
    const explicit = hidden.per_month !== undefined || hidden.per_request !== undefined;
    if (hidden.complexity_multiplier !== undefined && explicit) {
      context.addIssue({
        code: "custom",
        path: ["complexity_multiplier"],
        message:
          "use one form of hidden cost: complexity_multiplier, or per_month / per_request overhead, not both",
      });
    }
    if (hidden.complexity_multiplier === undefined && !explicit) {
      context.addIssue({
        code: "custom",
        path: [],
        message: "hidden_cost needs complexity_multiplier, or per_month and/or per_request overhead",
      });
    }
  });

const provisioned = z.strictObject({
  /** Bedrock model served by the provisioned units (traffic mapped to it uses them first). */
  model: z.string().min(1).describe("Bedrock model served by the provisioned units"),
  model_units: z.number().int().positive(),
  commitment: z.enum(PT_COMMITMENTS),
  /** Input + output tokens one model unit serves per minute; overrides the catalog's assumption. */
  tokens_per_minute_per_unit: z
    .number()
    .positive()
    .optional()
    .describe("input + output tokens one model unit serves per minute (overrides the catalog)"),
  /** Share of the theoretical capacity that real, uneven traffic can use (default 0.7). */
  usable_share: fraction.default(0.7).describe("share of the capacity that uneven real traffic can use"),
  /** Sizing (docs/capacity.md): a model unit's separate input and output limits, per minute. */
  unit_input_tpm: z.number().positive().optional().describe("input tokens per minute one model unit serves"),
  unit_output_tpm: z
    .number()
    .positive()
    .optional()
    .describe("output tokens per minute one model unit serves"),
  size_for: z
    .enum(["peak", "p99"])
    .default("peak")
    .describe("size the units for the busiest minute (peak) or the 99th percentile of minutes with traffic"),
  hours_per_month: z
    .number()
    .positive()
    .max(744)
    .default(730.5)
    .describe("hours billed a month in the sizing (730.5 = 30.4375 days; AWS's example uses 744)"),
});

const scenarioQuota = z.strictObject({
  provider: z.string().min(1),
  model: z.string().min(1),
  inference_profile: z.enum(PROFILE_SCOPES).optional(),
  ...quotaFiguresShape,
});

const deploymentOptionSchema = z.strictObject({
  id,
  kind: z.enum(OPTION_KINDS),
  label: z.string().optional(),
  /** Bedrock inference-profile scope (bedrock kinds only). */
  inference_profile: z
    .enum(PROFILE_SCOPES)
    .optional()
    .describe("Bedrock inference-profile scope; geo and in-region cost 1.10x global for newer Claude"),
  /** Service tier for traffic not sent to a batch API (flex and priority where the catalog prices them). */
  service_tier: z
    .enum(SERVICE_TIERS)
    .optional()
    .describe(
      "service tier of the option's non-batch traffic; models without the tier's prices stay standard",
    ),
  hidden_cost: hiddenCost.optional(),
  provisioned: provisioned.optional(),
  /** Fraction off this option's token prices (a negotiated discount). */
  discount: fraction.optional().describe("fraction off this option's token prices"),
  /** `kind: policy`: the routing policy the traffic is replayed through, relative to the scenario file. */
  policy: z
    .string()
    .min(1)
    .optional()
    .describe("kind: policy only: the routing policy YAML, relative to this scenario file"),
});

/**
 * The run's compliance regime: its label, which requests need it beyond those whose `requires_compliance`
 * column is true (any matching condition, in the routing `when` syntax), and which providers cover it.
 */
/** Who covers the regime when the scenario does not say: Bedrock (under the AWS BAA). */
export const DEFAULT_COVERED_BY: readonly string[] = ["bedrock"];

const complianceSchema = z.strictObject({
  label: z.string().min(1).describe("the regime's name, e.g. hipaa; policy targets carrying it cover it"),
  required_when: z
    .array(ConditionSchema)
    .default([])
    .describe("a request matching any of these conditions needs the regime (routing `when` syntax)"),
  covered_by: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_COVERED_BY])
    .describe("providers that cover the regime: bedrock, or a direct provider (anthropic, openai, ...)"),
});

const quantity = z.strictObject({
  per_month: nonNegative.default(0),
  per_request: nonNegative.default(0),
  per_1k_input_tokens: nonNegative.default(0),
  per_1k_output_tokens: nonNegative.default(0),
});

/**
 * A model-map value: the serving model's id, or `{model, token_ratio}` when the serving model's tokenizer
 * counts the same text differently (token_ratio = its tokens / the logged model's tokens; default 1).
 */
const modelMapTarget = z.union([
  z.string().min(1),
  z.strictObject({
    model: z.string().min(1),
    token_ratio: z
      .number()
      .positive()
      .max(10)
      .default(1)
      .describe("serving model's tokens per logged token (tokenizer difference between families)"),
  }),
]);
export type ModelMapTarget = z.infer<typeof modelMapTarget>;

const infraItemSchema = z.strictObject({
  id,
  label: z.string(),
  /** Option ids, or option kinds, this item is paid by. */
  applies_to: z.array(z.string().min(1)).min(1).describe("option ids or option kinds that pay for this item"),
  unit: z.string().min(1),
  unit_price_usd: nonNegative,
  quantity,
  /** Units a month that cost nothing (AWS free tiers); applied only with `free_tiers: account`. */
  free_units_per_month: nonNegative
    .default(0)
    .describe("units a month that cost nothing (free tiers); applied only with free_tiers: account"),
  source: z.string().optional(),
});

const scenarioObject = z.strictObject({
  version: z.literal(1),
  name: z.string(),
  description: z.string().optional(),
  options: z.array(deploymentOptionSchema).min(1),
  /** Traffic model -> model that serves it, per side. Same-family models map by default. */
  model_map: z
    .strictObject({
      bedrock: z.record(z.string(), modelMapTarget).default({}),
      direct: z.record(z.string(), modelMapTarget).default({}),
    })
    .default({ bedrock: {}, direct: {} }),
  /** Use cases that can wait: priced at batch rates on batch options and in the batch tip. */
  batchable_use_cases: z
    .array(z.string())
    .default([])
    .describe("use cases priced at batch rates on direct-batch and bedrock-batch options"),
  /** Infrastructure free tiers: "none" (default) or "account" (this workload may use the account's). */
  free_tiers: z
    .enum(FREE_TIERS)
    .default("none")
    .describe(
      'free tiers are per AWS account: "account" applies them to this workload, "none" (default) does not',
    ),
  cache_write_ttl: z.enum(CACHE_WRITE_TTLS).default("5m").describe("which cache-write price applies"),
  /** The compliance regime options are judged against (one per run); absent: none. */
  compliance: complianceSchema.optional(),
  infra: z.array(infraItemSchema).default([]),
  /** Retrieval strategies priced against each other per option (docs/rag.md); absent: no RAG section. */
  retrieval: retrievalSchema.optional(),
  growth: z
    .strictObject({
      monthly_rate: z.number().min(-0.99).max(10).default(0.05),
      horizon_months: z.number().int().min(1).max(120).default(12),
    })
    .default({ monthly_rate: 0.05, horizon_months: 12 }),
  /** Quotas that replace the bundled ones for a pool (provider, model, Bedrock profile). */
  quotas: z.array(scenarioQuota).default([]).describe("stated quotas per pool; override the bundled figures"),
  /** Capacity planning inputs (docs/capacity.md). */
  capacity: z
    .strictObject({
      /** Pre-aggregated traffic has no per-minute shape: its peak minute is the average minute x this. */
      peak_factor: z
        .number()
        .min(1)
        .optional()
        .describe("busiest minute / average minute, for pre-aggregated traffic (no per-minute shape)"),
    })
    .optional(),
  /** Inputs of the computed optimization tips. */
  tips: z
    .strictObject({
      /** Share of an uncached prompt that a prompt cache could serve (stable system prompt, documents). */
      cacheable_prompt_share: fraction.default(0.5),
      /** Reads per cache write when a prefix is cached. */
      cache_reads_per_write: z.number().positive().default(10),
      /** Use cases whose average output is at most this many tokens are candidates for a cheaper model. */
      small_model_max_output_tokens: z.number().int().positive().default(200),
    })
    .default({ cacheable_prompt_share: 0.5, cache_reads_per_write: 10, small_model_max_output_tokens: 200 }),
});

/** References between parts of a scenario: unique option ids, infra applied to options that exist. */
export const scenarioSchema = scenarioObject.superRefine((scenario, context) => {
  const ids = new Set<string>();
  scenario.options.forEach((option, index) => {
    if (ids.has(option.id)) {
      context.addIssue({
        code: "custom",
        path: ["options", index, "id"],
        message: `duplicate option id "${option.id}"`,
      });
    }
    ids.add(option.id);
    if (option.kind === "bedrock-provisioned" && !option.provisioned) {
      context.addIssue({
        code: "custom",
        path: ["options", index],
        message: `option "${option.id}" is bedrock-provisioned: it needs a "provisioned" block (model, model_units, commitment)`,
      });
    }
    if (option.kind !== "bedrock-provisioned" && option.provisioned) {
      context.addIssue({
        code: "custom",
        path: ["options", index, "provisioned"],
        message: `only bedrock-provisioned options take "provisioned"`,
      });
    }
    optionPolicyIssues(option).forEach(([field, message]) => {
      context.addIssue({ code: "custom", path: ["options", index, ...field], message });
    });
    if ((option.kind === "direct" || option.kind === "direct-batch") && option.inference_profile) {
      context.addIssue({
        code: "custom",
        path: ["options", index, "inference_profile"],
        message: "inference_profile applies to Bedrock options only",
      });
    }
  });
  const known = new Set<string>([...ids, ...OPTION_KINDS]);
  scenario.infra.forEach((item, index) => {
    item.applies_to.forEach((target, at) => {
      if (!known.has(target)) {
        context.addIssue({
          code: "custom",
          path: ["infra", index, "applies_to", at],
          message: `"${target}" is neither an option id (${[...ids].join(", ")}) nor an option kind (${OPTION_KINDS.join(", ")})`,
        });
      }
    });
  });
});

/** A policy option needs its policy file and takes none of the pricing settings (its targets say them). */
function optionPolicyIssues(option: z.infer<typeof deploymentOptionSchema>): [string[], string][] {
  if (option.kind !== "policy") {
    return option.policy !== undefined ? [[["policy"], `only kind: policy options take "policy"`]] : [];
  }
  const issues: [string[], string][] = [];
  if (option.policy === undefined) {
    issues.push([[], `option "${option.id}" is kind: policy: it needs "policy: FILE" (the routing policy)`]);
  }
  for (const field of ["inference_profile", "service_tier", "provisioned", "discount"] as const) {
    if (option[field] !== undefined) {
      issues.push([[field], `a policy option is priced on its targets: "${field}" does not apply`]);
    }
  }
  return issues;
}

export type Scenario = z.infer<typeof scenarioSchema>;
export type DeploymentOption = z.infer<typeof deploymentOptionSchema>;
export type InfraItem = z.infer<typeof infraItemSchema>;
