// The wizard's answers: what the interview collects and what `--answers FILE` holds. One zod schema is the
// source of the type, of the answers file's errors and of every prompt's validation, so a value refused at
// the prompt is refused in the file with the same reason.
import { z } from "zod";

export const COMPLIANCE_REGIMES = ["hipaa", "fedramp", "data-residency"] as const;
export type ComplianceRegime = (typeof COMPLIANCE_REGIMES)[number];

/** The options the wizard compares; provisioned throughput needs a sizing the interview does not ask for. */
export const WIZARD_OPTION_KINDS = ["direct", "bedrock", "bedrock-batch"] as const;

export const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "us-gov-west-1",
  "eu-west-1",
  "eu-central-1",
  "ap-southeast-2",
  "ap-northeast-1",
] as const;

/** At most this many a day keeps every pre-aggregated CSV row under the reader's 1e9 request weight. */
const MAX_REQUESTS_PER_DAY = 30_000_000;

export const requestsPerDaySchema = z
  .number({ error: "expected a number of requests per day" })
  .int({ error: "expected a whole number of requests per day" })
  .min(1, { error: "must be at least 1 request per day: a zero or negative volume cannot be projected" })
  .max(MAX_REQUESTS_PER_DAY, { error: `at most ${MAX_REQUESTS_PER_DAY} requests per day` });

export const useCaseNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: "a lower-case name: letters, digits, _ and -" });
export const sharePercentSchema = z
  .number()
  .gt(0, { error: "a use case needs a share above 0%" })
  .max(100, { error: "a share is at most 100%" });
export const inputTokensSchema = z
  .number()
  .int({ error: "expected a whole number of tokens" })
  .min(1, { error: "a request has at least 1 input token" })
  .max(2_000_000, { error: "at most 2,000,000 input tokens per request" });
export const outputTokensSchema = z
  .number()
  .int({ error: "expected a whole number of tokens" })
  .min(0, { error: "output tokens cannot be negative" })
  .max(1_000_000, { error: "at most 1,000,000 output tokens per request" });
export const percentSchema = z
  .number()
  .min(0, { error: "a percentage cannot be negative" })
  .max(100, { error: "a percentage is at most 100" });
export const latencyBudgetSchema = z.number().positive({ error: "a latency budget is more than 0 ms" });

const useCaseSchema = z.strictObject({
  name: useCaseNameSchema,
  /** Share of all requests, in percent; the shares of all use cases add up to 100. */
  share_percent: sharePercentSchema,
  /** The direct-provider model this traffic is sent to today (a catalog id). */
  model: z.string().min(1),
  /** Average prompt tokens per request, cached tokens included. */
  input_tokens: inputTokensSchema,
  output_tokens: outputTokensSchema,
  /** Share of the prompt served from a prompt cache, in percent. */
  cached_percent: percentSchema.default(0),
  /** Can wait for a batch job (hours): priced at batch rates on the bedrock-batch option. */
  batchable: z.boolean().default(false),
  latency_budget_ms: latencyBudgetSchema.default(3000),
  /** Requests fall under the compliance regimes (HIPAA, FedRAMP, ...) named in constraints. */
  requires_compliance: z.boolean().default(false),
});
export type UseCaseAnswers = z.infer<typeof useCaseSchema>;

export const DEFAULT_USE_CASES: UseCaseAnswers[] = [
  {
    name: "chat",
    share_percent: 60,
    model: "gpt-4o",
    input_tokens: 1800,
    output_tokens: 350,
    cached_percent: 30,
    batchable: false,
    latency_budget_ms: 3000,
    requires_compliance: false,
  },
  {
    name: "summarize",
    share_percent: 25,
    model: "gpt-4o-mini",
    input_tokens: 4000,
    output_tokens: 400,
    cached_percent: 0,
    batchable: true,
    latency_budget_ms: 60000,
    requires_compliance: false,
  },
  {
    name: "classify",
    share_percent: 15,
    model: "gpt-4o-mini",
    input_tokens: 300,
    output_tokens: 5,
    cached_percent: 50,
    batchable: false,
    latency_budget_ms: 1000,
    requires_compliance: false,
  },
];
export const DEFAULT_REQUESTS_PER_DAY = 20_000;

const describedWorkload = z.strictObject({
  source: z.literal("describe"),
  requests_per_day: requestsPerDaySchema,
  use_cases: z
    .array(useCaseSchema)
    .min(1, { error: "at least one use case" })
    .superRefine((cases, context) => {
      const total = cases.reduce((sum, c) => sum + c.share_percent, 0);
      if (Math.abs(total - 100) > 0.01) {
        context.addIssue({ code: "custom", message: `the shares add up to ${total}%; expected 100%` });
      }
      const seen = new Set<string>();
      cases.forEach((c, index) => {
        if (seen.has(c.name)) {
          context.addIssue({
            code: "custom",
            path: [index, "name"],
            message: `duplicate use case "${c.name}"`,
          });
        }
        seen.add(c.name);
      });
    }),
});

const csvWorkload = z.strictObject({
  source: z.literal("csv"),
  /** A traffic CSV, relative to the folder of the answers file (`~` is the home folder). */
  traffic_file: z.string().min(1),
  /** Use cases in the CSV that can wait for a batch job. */
  batchable_use_cases: z.array(z.string().min(1)).default([]),
  /** Use cases in the CSV that handle regulated data: the draft policy keeps them on compliant targets. */
  regulated_use_cases: z.array(z.string().min(1)).default([]),
});

const workloadSchema = z.discriminatedUnion("source", [describedWorkload, csvWorkload]);
export type WorkloadAnswers = z.infer<typeof workloadSchema>;
export type DescribedWorkload = z.infer<typeof describedWorkload>;

export const complexityMultiplierSchema = z
  .number()
  .min(1, { error: "at least 1 (1 means running it yourself costs nothing extra)" })
  .max(10, { error: "at most 10" });
export const lambdaMemorySchema = z
  .number()
  .int({ error: "expected whole megabytes" })
  .min(128, { error: "Lambda memory is 128 to 10240 MB" })
  .max(10240, { error: "Lambda memory is 128 to 10240 MB" });
export const lambdaSecondsSchema = z
  .number()
  .positive({ error: "a duration is more than 0 seconds" })
  .max(900, { error: "Lambda runs at most 900 seconds" });
export const growthPercentSchema = z
  .number()
  .min(-99, { error: "at least -99% a month" })
  .max(1000, { error: "at most 1000% a month" });
export const horizonSchema = z
  .number()
  .int({ error: "expected whole months" })
  .min(1, { error: "1 to 120 months" })
  .max(120, { error: "1 to 120 months" });

export const answersSchema = z.strictObject({
  version: z.literal(1),
  workload: workloadSchema.default({
    source: "describe",
    requests_per_day: DEFAULT_REQUESTS_PER_DAY,
    use_cases: DEFAULT_USE_CASES,
  }),
  constraints: z
    .strictObject({
      compliance: z.array(z.enum(COMPLIANCE_REGIMES)).default([]),
      regions: z.array(z.enum(REGIONS)).min(1, { error: "at least one region" }).default(["us-east-1"]),
    })
    .default({ compliance: [], regions: ["us-east-1"] }),
  candidates: z
    .strictObject({
      options: z
        .array(z.enum(WIZARD_OPTION_KINDS))
        .min(1, { error: "compare at least one option" })
        .default([...WIZARD_OPTION_KINDS]),
      /** Direct model -> the Bedrock model that would serve its traffic; unlisted models get a default. */
      bedrock_model_map: z.record(z.string().min(1), z.string().min(1)).default({}),
    })
    .default({ options: [...WIZARD_OPTION_KINDS], bedrock_model_map: {} }),
  infrastructure: z
    .strictObject({
      /** Default: geo with a data-residency constraint, else global. */
      inference_profile: z.enum(["global", "geo", "in-region"]).optional(),
      complexity_multiplier: complexityMultiplierSchema.default(1.1),
      lambda_memory_mb: lambdaMemorySchema.default(1024),
      lambda_seconds_per_request: lambdaSecondsSchema.default(2),
    })
    .default({ complexity_multiplier: 1.1, lambda_memory_mb: 1024, lambda_seconds_per_request: 2 }),
  growth: z
    .strictObject({
      monthly_percent: growthPercentSchema.default(5),
      horizon_months: horizonSchema.default(12),
    })
    .default({ monthly_percent: 5, horizon_months: 12 }),
});
export type Answers = z.infer<typeof answersSchema>;

/** The profile a data-residency constraint implies: geo keeps traffic in one geography. */
export function defaultInferenceProfile(compliance: readonly ComplianceRegime[]): "global" | "geo" {
  return compliance.includes("data-residency") ? "geo" : "global";
}

/** A prompt validator from a field schema: true, or the schema's reason for refusing the value. */
export function validatorFor(schema: z.ZodType): (value: unknown) => true | string {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? true : (result.error.issues[0]?.message ?? "invalid value");
  };
}

/** The JSON Schema committed as schemas/answers.schema.json, for editors (yaml-language-server).
 * @internal the JSON Schema generator; its test keeps schemas/answers.schema.json in step
 */
export function answersJsonSchema(): unknown {
  return { title: "llmcost wizard answers", ...z.toJSONSchema(answersSchema, { io: "input" }) };
}
