// The bundled default scenario is the figure most users see first: both sides pay for the same app stack,
// and every unit price and assumption in it carries its source or its reason on its own line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scenarioSchema } from "../../src/cost/scenario-schema.js";

const TEXT = readFileSync(new URL("../../fixtures/scenarios/default.yaml", import.meta.url), "utf8");
const scenario = scenarioSchema.parse(parse(TEXT));

describe("the bundled default scenario", () => {
  it("cites an AWS pricing page on every unit-price and free-allowance line", () => {
    const priced = TEXT.split("\n").filter((line) => /^\s*(unit_price_usd|free_units_per_month):/.test(line));
    expect(priced.length).toBeGreaterThan(20);
    for (const line of priced) expect(line).toMatch(/# https:\/\/aws\.amazon\.com\/[a-z0-9/-]+\/ : /);
  });

  it("gives a source or reason on every quantity, overhead and tuning line", () => {
    const assumed = TEXT.split("\n").filter((line) =>
      /^\s*(quantity|usd|inference_profile|batchable_use_cases|cache_write_ttl|free_tiers|monthly_rate|horizon_months|cacheable_prompt_share|cache_reads_per_write|small_model_max_output_tokens):/.test(
        line,
      ),
    );
    for (const line of assumed) expect(line).toMatch(/ # \S/);
    for (const line of TEXT.split("\n").filter((l) => /^\s+[a-z0-9.-]+: anthropic\./.test(l)))
      expect(line).toMatch(/ # assumption: /);
  });

  it("charges the direct side for its compute, logs and monitoring too", () => {
    const shared = [
      "lambda-requests",
      "lambda-compute",
      "api-gateway",
      "kms-key",
      "kms-requests",
      "sqs-dlq",
      "cloudwatch-logs",
      "cloudwatch-log-storage",
      "cloudwatch-alarms",
      "cloudwatch-metrics",
      "xray",
    ];
    for (const id of shared) {
      const item = scenario.infra.find((i) => i.id === id);
      expect(item?.applies_to).toEqual(
        expect.arrayContaining(["direct", "direct-batch", "bedrock", "bedrock-batch"]),
      );
    }
    for (const item of scenario.infra) expect(item.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });

  it("states hidden cost as explicit overhead with sources, leaves free tiers off, and offers batch on both sides", () => {
    expect(scenario.free_tiers).toBe("none");
    for (const option of scenario.options) {
      expect(option.hidden_cost?.complexity_multiplier).toBeUndefined();
      expect(option.hidden_cost?.per_month?.source).toMatch(/^assumption: /);
      expect(option.hidden_cost?.per_request?.source).toMatch(/^assumption: /);
    }
    expect(scenario.options.map((o) => o.kind)).toEqual([
      "direct",
      "direct-batch",
      "bedrock",
      "bedrock-batch",
    ]);
  });
});
