// The project's pricing YAML format (version 1): the single source of its type, its error messages and
// schemas/pricing.schema.json. Prices are US dollars per one million tokens; unknown keys are errors.
import { z } from "zod";
import { MODEL_KINDS } from "../cost/price.js";
import { UNPRICED_KINDS } from "../cost/unpriced-kinds.js";

const usdPerMillion = z
  .number()
  // src/io/yaml.ts appends the value found to schema messages.
  .min(0, { error: "expected a price >= 0 (USD per 1M tokens)" })
  .describe("US dollars per one million tokens");

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date YYYY-MM-DD" })
  // A round trip rejects dates such as 2026-02-30 that Date.parse would roll over.
  .refine((text) => isCalendarDate(text), { error: "expected a real calendar date" })
  .describe("date the price was read, YYYY-MM-DD");

function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

const sourceText = z
  .string()
  .min(1)
  .describe("where the price comes from (URL or document), and any doubt about it");

const optionalRates = {
  cache_read: usdPerMillion.optional().describe("cached prompt tokens read (cache hit)"),
  cache_write_5m: usdPerMillion.optional().describe("prompt tokens written to a 5-minute cache"),
  cache_write_1h: usdPerMillion.optional().describe("prompt tokens written to a 1-hour cache"),
};

const longContextSchema = z
  .strictObject({
    threshold_tokens: z
      .int()
      .positive()
      .describe("prompt size (input incl. cached) above which this tier applies"),
    input: usdPerMillion,
    output: usdPerMillion,
    ...optionalRates,
  })
  .describe("long-context tier: above the threshold these prices apply to the whole request");

/** Batch / flex / priority: either a multiplier on every on-demand price, or explicit prices. */
const modePriceSchema = z
  .strictObject({
    multiplier: z.number().positive().optional().describe("factor on every on-demand price, e.g. 0.5"),
    input: usdPerMillion.optional(),
    output: usdPerMillion.optional(),
    ...optionalRates,
    source: sourceText.optional(),
    as_of: isoDate.optional(),
  })
  .superRefine((mode, context) => {
    const explicit = [
      mode.input,
      mode.output,
      mode.cache_read,
      mode.cache_write_5m,
      mode.cache_write_1h,
    ].some((rate) => rate !== undefined);
    if (mode.multiplier !== undefined && explicit) {
      context.addIssue({ code: "custom", message: "give either multiplier or explicit prices, not both" });
    } else if (mode.multiplier === undefined && (mode.input === undefined || mode.output === undefined)) {
      context.addIssue({ code: "custom", message: "expected multiplier, or both input and output prices" });
    }
  });

const provisionedSchema = z
  .strictObject({
    per_unit_hour: z
      .strictObject({
        no_commitment: usdPerMillion.optional().describe("USD per model unit per hour, no commitment"),
        one_month: usdPerMillion.optional().describe("USD per model unit per hour, 1-month commitment"),
        six_months: usdPerMillion.optional().describe("USD per model unit per hour, 6-month commitment"),
      })
      .describe("USD per model unit per hour (not per token)"),
    tokens_per_minute_per_unit: z
      .int()
      .positive()
      .optional()
      .describe("assumed throughput of one model unit"),
    source: sourceText.optional(),
    as_of: isoDate.optional(),
  })
  .describe("Bedrock provisioned throughput");

const profileMultipliersSchema = z
  .strictObject({
    global: z.number().positive().optional(),
    geo: z.number().positive().optional(),
    in_region: z.number().positive().optional(),
  })
  .describe("Bedrock inference-profile multiplier on every price, by scope");

/** What a model is for; only chat and embedding traffic is priced per token. */

/** Bedrock inference-profile prefixes AWS uses, plus `in_region` for the plain model id. */
const BEDROCK_PROFILES = ["in_region", "global", "us", "eu", "apac", "au", "jp", "ca", "us-gov"] as const;

const rateFields = {
  input: usdPerMillion.describe("uncached input tokens"),
  output: usdPerMillion.describe("output tokens"),
  ...optionalRates,
};

const priceChangeSchema = z
  .strictObject({
    from: isoDate.describe("first day these prices apply"),
    ...rateFields,
    long_context: longContextSchema.optional(),
    source: sourceText,
  })
  .describe("a later price: from this date on, these prices replace the ones before");

const decisionSchema = z
  .strictObject({
    component: z
      .string()
      .min(1)
      .describe("what the sources disagree on, e.g. input, cache_read, long_context"),
    litellm: z.union([z.number(), z.string()]).optional().describe("what LiteLLM says (absent: not listed)"),
    genai_prices: z.union([z.number(), z.string()]).optional().describe("what genai-prices says"),
    chosen: z.union([z.number(), z.string()]).describe("what the catalog uses"),
    by: z.enum(["hand", "rule"]).describe("decided by hand from the provider's page, or by a stated rule"),
    source: sourceText,
  })
  .describe("a disagreement between the price sources and how it was resolved");

const pricingModelSchema = z.strictObject({
  provider: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, {
    error: "expected a lowercase provider id such as openai, anthropic, bedrock",
  }),
  model: z.string().min(1).describe("the provider's own model id"),
  family: z
    .string()
    .min(1)
    .optional()
    .describe("vendor-neutral family shared across providers, e.g. claude-sonnet-4.5"),
  aliases: z.array(z.string().min(1)).optional().describe("other ids naming exactly this model"),
  latest: z
    .boolean()
    .optional()
    .describe("newest generation (routing's requires_latest); derived from line and released when omitted"),
  kind: z.enum(MODEL_KINDS).optional().describe("chat (default), embedding (input tokens only) or rerank"),
  line: z.string().min(1).optional().describe("model line for `latest`, e.g. claude-sonnet"),
  released: isoDate.optional().describe("release date at this provider"),
  retired: isoDate.optional().describe("retirement (end-of-life) date at this provider"),
  lifecycle_source: sourceText.optional(),
  max_input_tokens: z.int().positive().optional().describe("context window"),
  profiles: z
    .array(z.enum(BEDROCK_PROFILES))
    .optional()
    .describe("Bedrock: the inference profiles AWS offers for this model (in_region = the plain id)"),
  input: usdPerMillion.describe("uncached input tokens"),
  output: usdPerMillion.optional().describe("output tokens (required except for embedding and rerank)"),
  ...optionalRates,
  price_changes: z.array(priceChangeSchema).optional(),
  per_1k_queries: usdPerMillion.optional().describe("rerank: USD per 1,000 queries"),
  refs: z
    .strictObject({ litellm: z.string().optional(), genai_prices: z.array(z.string()).optional() })
    .optional()
    .describe("the entries of the price sources this model was built from (for `pricing audit`)"),
  decisions: z.array(decisionSchema).optional(),
  long_context: longContextSchema.optional(),
  batch: modePriceSchema.optional(),
  flex: modePriceSchema.optional(),
  priority: modePriceSchema.optional(),
  profile_multipliers: profileMultipliersSchema.optional(),
  provisioned: provisionedSchema.optional(),
  source: sourceText,
  as_of: isoDate,
});

const unpricedModelSchema = z
  .strictObject({
    provider: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, {
      error: "expected a lowercase provider id such as openai, anthropic, bedrock",
    }),
    model: z.string().min(1).describe("the provider's own model id"),
    aliases: z.array(z.string().min(1)).optional(),
    kind: z.enum(UNPRICED_KINDS).describe("image, audio, video or rerank"),
    priced_per: z.string().min(1).describe("how the provider bills it, e.g. per image, per query"),
    source: sourceText,
  })
  .describe(
    "a known model llmcost does not price per token: traffic on it is reported as unpriced, with why",
  );

export const pricingFileSchema = z
  .strictObject({
    version: z.literal(1),
    unpriced_models: z.array(unpricedModelSchema).optional(),
    models: z.array(
      pricingModelSchema.refine((model) => model.output !== undefined || (model.kind ?? "chat") !== "chat", {
        error: "expected an output price (only embedding and rerank models may omit it)",
        path: ["output"],
      }),
    ),
  })
  .describe("llmcost pricing table, version 1 (prices in USD per 1M tokens)");

export type PricingFile = z.infer<typeof pricingFileSchema>;
export type PricingModelEntry = z.infer<typeof pricingModelSchema>;
export type ModePriceEntry = z.infer<typeof modePriceSchema>;
