// The project's pricing YAML format (version 1): the single source of its type, its error messages and
// schemas/pricing.schema.json. Prices are US dollars per one million tokens; unknown keys are errors.
import { z } from "zod";

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
  latest: z.boolean().optional().describe("newest generation (routing's requires_latest)"),
  input: usdPerMillion.describe("uncached input tokens"),
  output: usdPerMillion.describe("output tokens"),
  ...optionalRates,
  long_context: longContextSchema.optional(),
  batch: modePriceSchema.optional(),
  flex: modePriceSchema.optional(),
  priority: modePriceSchema.optional(),
  profile_multipliers: profileMultipliersSchema.optional(),
  provisioned: provisionedSchema.optional(),
  source: sourceText,
  as_of: isoDate,
});

export const pricingFileSchema = z
  .strictObject({
    version: z.literal(1),
    models: z.array(pricingModelSchema),
  })
  .describe("llmcost pricing table, version 1 (prices in USD per 1M tokens)");

export type PricingFile = z.infer<typeof pricingFileSchema>;
export type PricingModelEntry = z.infer<typeof pricingModelSchema>;
export type ModePriceEntry = z.infer<typeof modePriceSchema>;
