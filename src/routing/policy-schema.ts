// The routing policy file (YAML, `version: 1`): one zod schema is the source of its type, its error
// messages and schemas/policy.schema.json. Cross-references (targets, cycles, prices) are checked by
// compilePolicy in policy.ts, because they need the whole document and the pricing catalog.
import { z } from "zod";
import { PROFILE_SCOPES } from "../cost/price.js";
import { quotaFiguresShape } from "../cost/quota-schema.js";
import { TRAFFIC_COLUMNS, type TrafficColumn } from "../traffic/row.js";

/** Request fields a condition can read: the canonical traffic columns but the timestamps (`timestamp`,
 * `bucket_end`); `meta.<column>` reads the rest. */
export type RequestField = Exclude<TrafficColumn, "timestamp" | "bucket_end">;
export const REQUEST_FIELDS: readonly RequestField[] = TRAFFIC_COLUMNS.filter(
  (column): column is RequestField => column !== "timestamp" && column !== "bucket_end",
);

/** Why a request went where it did. Rule reasons are declared or inferred; the rest come from the replay. */
export const REASON_CODES = [
  "compliance",
  "latest_model",
  "cost",
  "score",
  "rule",
  "default",
  "fallback",
  "region_unavailable",
  "circuit_open",
  "unroutable",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
/** Reasons a policy author may put on a rule. */
const RULE_REASONS = ["compliance", "latest_model", "cost", "score", "rule", "default"] as const;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** `field: value` is equality; an operator object may combine operators (all must hold), e.g. a range. */
const OperatorMatcherSchema = z
  .strictObject({
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    in: z.array(Scalar).min(1).optional(),
    nin: z.array(Scalar).min(1).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    regex: z.string().optional(),
  })
  .refine(
    (m) => Object.keys(m).length > 0,
    "an operator object needs at least one of eq, ne, in, nin, gt, gte, lt, lte, regex",
  );
export type OperatorMatcher = z.infer<typeof OperatorMatcherSchema>;

const MatcherSchema = z.union([Scalar, OperatorMatcherSchema]);
export type Matcher = z.infer<typeof MatcherSchema>;

const fieldMatchers = Object.fromEntries(REQUEST_FIELDS.map((field) => [field, MatcherSchema.optional()]));

export interface ConditionSpec {
  all?: ConditionSpec[] | undefined;
  any?: ConditionSpec[] | undefined;
  not?: ConditionSpec | undefined;
  [field: string]: Matcher | ConditionSpec | ConditionSpec[] | undefined;
}

/** A condition: field matchers (all must hold) plus optional all / any / not; `meta.<column>` keys allowed. */
export const ConditionSchema: z.ZodType<ConditionSpec> = z.lazy(() =>
  z
    .object({
      all: z.array(ConditionSchema).optional(),
      any: z.array(ConditionSchema).optional(),
      not: ConditionSchema.optional(),
      ...fieldMatchers,
    })
    .catchall(MatcherSchema)
    .superRefine((condition, context) => {
      for (const key of Object.keys(condition)) {
        if (key in fieldMatchers || key === "all" || key === "any" || key === "not") continue;
        if (/^meta\.[^.\s]+$/.test(key)) continue;
        context.addIssue({
          code: "custom",
          path: [key],
          message: `unknown request field "${key}"; expected one of ${REQUEST_FIELDS.join(", ")}, all, any, not, or meta.<column>`,
        });
      }
    }),
);

const WeightsSchema = z.strictObject({
  cost: z.number().min(0).default(0.3),
  performance: z.number().min(0).default(0.4),
  latency: z.number().min(0).default(0.3),
});
export type ScoringWeights = z.infer<typeof WeightsSchema>;

/** `__proto__` cannot be a key of the parsed record (assigning it sets the prototype), so it is refused. */
const TargetName = z
  .string()
  .min(1)
  .refine((name) => name !== "__proto__", '"__proto__" cannot be a target name (reserved in JavaScript)');

/** Exactly one of `target`, `cheapest`, `best_scored`. */
const RouteSchema = z
  .strictObject({
    target: TargetName.optional(),
    cheapest: z.array(TargetName).min(1).optional(),
    best_scored: z.array(TargetName).min(1).optional(),
    weights: WeightsSchema.optional(),
  })
  .refine(
    (r) => [r.target, r.cheapest, r.best_scored].filter((v) => v !== undefined).length === 1,
    "a route needs exactly one of target, cheapest, best_scored",
  );
export type RouteSpec = z.infer<typeof RouteSchema>;

const RuleSchema = z.strictObject({
  name: z.string().min(1),
  when: ConditionSchema.optional(),
  route: RouteSchema,
  confidence: z.number().min(0).max(1).optional(),
  reason: z.enum(RULE_REASONS).optional(),
});
export type RuleSpec = z.infer<typeof RuleSchema>;

const TargetSchema = z.strictObject({
  provider: z.string().min(1),
  model: z.string().min(1),
  /** Bedrock inference profile the target is priced at; default global, as a scenario's Bedrock option. */
  inference_profile: z
    .enum(PROFILE_SCOPES)
    .optional()
    .describe(
      "Bedrock targets: the inference profile (global | geo | in-region) to price at; default global, or what a us./eu./global. prefix on the model id names",
    ),
  regions: z.array(z.string().min(1)).min(1).optional(),
  performance: z.number().min(0).max(1).default(0.5),
  latency_ms: z.number().positive().default(1000),
  compliance: z.array(z.string().min(1)).default([]),
  /** Absent: the catalog's derived `latest` for the model at --as-of (docs/route.md). */
  latest: z.boolean().optional(),
  /** The target's quota pool's limits per UTC minute (docs/route.md, "Quotas and throttling"). */
  quota: z
    .strictObject(quotaFiguresShape)
    .optional()
    .describe("quota per UTC minute of the target's pool: rpm, tpm, itpm, otpm, output_burndown"),
});

const Instant = z
  .string()
  .refine(
    (text) => Number.isFinite(Date.parse(text)),
    "expected an ISO 8601 date-time, e.g. 2025-06-02T14:00:00Z",
  );

const FailureWindowSchema = z
  .strictObject({
    target: TargetName,
    from: Instant,
    to: Instant,
    error_rate: z.number().min(0).max(1).default(1),
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), {
    message: "`from` must be before `to`",
    path: ["to"],
  });

export const PolicySchema = z.strictObject({
  version: z.literal(1),
  description: z.string().optional(),
  targets: z.record(TargetName, TargetSchema).refine((t) => Object.keys(t).length > 0, "at least one target"),
  scoring: z.strictObject({ weights: WeightsSchema.optional() }).optional(),
  compliance: z
    .strictObject({
      /** The label a compliance-required request needs; absent: any compliance label will do. */
      label: z.string().min(1).optional(),
      /** When true (default), targets without the label are never candidates for such requests. */
      enforce: z.boolean().default(true),
      /** Requests matching any of these need compliance too, whatever their requires_compliance column. */
      required_when: z
        .array(ConditionSchema)
        .min(1)
        .optional()
        .describe(
          "a request matching any of these conditions requires compliance, as if its column said true",
        ),
    })
    .optional(),
  rules: z.array(RuleSchema).default([]),
  default: z.strictObject({
    route: RouteSchema,
    confidence: z.number().min(0).max(1).optional(),
    reason: z.enum(RULE_REASONS).optional(),
  }),
  fallbacks: z.record(TargetName, z.array(TargetName).min(1)).default({}),
  circuit_breaker: z
    .strictObject({
      failure_threshold: z.int().positive().default(5),
      cooldown_seconds: z.number().positive().default(30),
      half_open_probes: z.int().positive().default(1),
    })
    .optional(),
  simulate: z.strictObject({ failures: z.array(FailureWindowSchema).default([]) }).optional(),
});
export type PolicySpec = z.infer<typeof PolicySchema>;

/** The JSON Schema committed as schemas/policy.schema.json, for editors (yaml-language-server).
 * @internal its test keeps schemas/policy.schema.json in step
 */
export function policyJsonSchema(): unknown {
  return z.toJSONSchema(PolicySchema, { io: "input", unrepresentable: "any" });
}
