// Cost invariants over random traffic, through the real profile builder and analyzer with a small catalog:
// cost is additive over rows and independent of their order, a pre-aggregated row (`requests` weight k)
// costs the same as k single rows, and doubling the volume doubles the variable (token) cost.
import fc from "fast-check";
import { expect, test } from "vitest";
import { analyze } from "../../src/cost/analyzer.js";
import { scenarioSchema } from "../../src/cost/scenario-schema.js";
import { TrafficProfileBuilder } from "../../src/traffic/profile.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { smallCatalog } from "../cost/small-catalog.js";
import { trafficRow } from "../factories/traffic-row.js";

const catalog = smallCatalog();
const THRESHOLDS = [200_000];

// Two options and infra with a per-request price and a free tier, so the curves are not just lines.
const scenario = scenarioSchema.parse({
  version: 1,
  name: "properties",
  options: [
    { id: "direct", kind: "direct" },
    { id: "bedrock", kind: "bedrock" },
    { id: "batch", kind: "bedrock-batch" },
  ],
  model_map: { bedrock: { "gpt-4o": "anthropic.claude-sonnet-4-5-v1:0" } },
  batchable_use_cases: ["summarize"],
  infra: [
    {
      id: "lambda",
      label: "Lambda requests",
      applies_to: ["bedrock", "batch"],
      unit: "request",
      unit_price_usd: 0.0000002,
      quantity: { per_request: 1 },
      free_units_per_month: 1000,
    },
  ],
  growth: { monthly_rate: 0, horizon_months: 1 },
});

const rowArb = fc
  .record({
    model: fc.constantFrom("gpt-4o", "claude-sonnet-4-5"),
    provider: fc.constantFrom("openai", "anthropic"),
    useCase: fc.constantFrom("chat", "summarize"),
    inputTokens: fc.integer({ min: 0, max: 400_000 }),
    outputTokens: fc.integer({ min: 0, max: 20_000 }),
    cacheShare: fc.double({ min: 0, max: 1, noNaN: true }),
    requests: fc.integer({ min: 1, max: 50 }),
    minute: fc.nat(60 * 24 * 7),
  })
  .map(
    ({ cacheShare, minute, provider, model, ...rest }): TrafficRow =>
      trafficRow({
        ...rest,
        row: 0,
        model,
        provider: model === "gpt-4o" ? "openai" : provider === "openai" ? "anthropic" : provider,
        cacheReadTokens: Math.floor(rest.inputTokens * cacheShare),
        timestamp: Date.UTC(2026, 0, 5) + minute * 60_000,
      }),
  );

/** Each option's token cost when the rows are projected at their own volume (scale 1). */
function tokenCosts(rows: readonly TrafficRow[], monthlyRequests?: number): Record<string, number> {
  const builder = new TrafficProfileBuilder({ longContextThresholds: THRESHOLDS });
  for (const row of rows) builder.add(row);
  const profile = builder.finish();
  const analysis = analyze({
    scenario,
    mix: profile,
    monthlyRequests: monthlyRequests ?? profile.requests,
    catalog,
  });
  return Object.fromEntries(analysis.options.map((o) => [o.projection.option.id, o.atVolume.tokenCostUsd]));
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [id, value] of Object.entries(expected)) {
    // Relative 1e-12 and a hundredth of a micro-dollar absolute: float addition in a different order.
    expect(Math.abs((actual[id] ?? Number.NaN) - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-12 + 1e-8);
  }
}

const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 30 });

test("cost is additive over rows: the whole costs the sum of its rows priced alone", () => {
  fc.assert(
    fc.property(rowsArb, (rows) => {
      const sum: Record<string, number> = {};
      for (const row of rows) {
        for (const [id, cost] of Object.entries(tokenCosts([row]))) sum[id] = (sum[id] ?? 0) + cost;
      }
      if (rows.some((r) => r.inputTokens + r.outputTokens > 0)) expect(sum.direct).toBeGreaterThan(0);
      expectClose(tokenCosts(rows), sum);
    }),
    { numRuns: 60, seed: 5 },
  );
});

test("cost does not depend on row order (exactly: token sums are integers)", () => {
  fc.assert(
    fc.property(rowsArb, fc.func(fc.integer()), (rows, key) => {
      const shuffled = [...rows].map((row, i) => ({ row, k: key(i) })).sort((a, b) => a.k - b.k);
      expect(tokenCosts(shuffled.map((s) => s.row))).toEqual(tokenCosts(rows));
    }),
    { numRuns: 100, seed: 6 },
  );
});

test("a row with requests = k costs the same as k rows with requests = 1", () => {
  fc.assert(
    fc.property(rowsArb, (rows) => {
      const split = rows.flatMap((row) =>
        Array.from({ length: row.requests }, () => ({ ...row, requests: 1 })),
      );
      expect(tokenCosts(split)).toEqual(tokenCosts(rows));
    }),
    { numRuns: 60, seed: 7 },
  );
});

test("doubling the monthly volume doubles the token cost of every option", () => {
  fc.assert(
    fc.property(rowsArb, fc.integer({ min: 1, max: 1_000_000_000 }), (rows, volume) => {
      const once = tokenCosts(rows, volume);
      const twice = tokenCosts(rows, 2 * volume);
      expectClose(twice, Object.fromEntries(Object.entries(once).map(([id, cost]) => [id, 2 * cost])));
    }),
    { numRuns: 100, seed: 8 },
  );
});
