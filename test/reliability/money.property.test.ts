// Money never drifts: 5 million generated rows, profiled by TrafficProfileBuilder and priced per bucket with
// tokenCostUsd (what `project` does), and priced per row into CompensatedSums (what `route` does), both
// match an exact BigInt re-computation in micro-dollars to the cent. Rows come from a seeded generator, in
// memory, with cache reads, weights and prompts on both sides of a long-context threshold.

import { expect, test } from "vitest";
import type { ModelPrice } from "../../src/cost/price.js";
import { isLongContext, STANDARD, tokenCostUsd } from "../../src/cost/request-cost.js";
import { SingleTargetBaselines } from "../../src/routing/baselines.js";
import { CompensatedSums } from "../../src/routing/money.js";
import type { RouteTarget } from "../../src/routing/policy.js";
import { seededRandom } from "../../src/routing/prng.js";
import { TrafficProfileBuilder } from "../../src/traffic/profile.js";
import { trafficRow } from "../factories/traffic-row.js";

const ROWS = 5_000_000;

// USD per million tokens, chosen with awkward decimals; the BigInt side uses them in micro-dollars.
const PRICE: ModelPrice = {
  key: "acme/m",
  provider: "acme",
  model: "m",
  aliases: [],
  source: "test",
  asOf: "2026-01-01",
  rates: { input: 2.37, output: 9.13, cacheRead: 0.237 },
  longContext: { thresholdTokens: 200_000, rates: { input: 4.74, output: 13.695, cacheRead: 0.474 } },
};
const MICRO = {
  standard: { input: 2_370_000n, output: 9_130_000n, cacheRead: 237_000n },
  long: { input: 4_740_000n, output: 13_695_000n, cacheRead: 474_000n },
};

test("5 million rows: project's and route's totals equal an exact BigInt re-computation to the cent", () => {
  const random = seededRandom(2026);
  const builder = new TrafficProfileBuilder({ longContextThresholds: [200_000] });
  const perRow = new CompensatedSums(1);
  // Route's single-target baselines: token sums per long-context band, priced once at the end.
  const baselines = new SingleTargetBaselines([target(PRICE)]);
  // Exact total in micro-dollars x 1e6 (token x micro-dollars per million tokens).
  let exact = 0n;
  const row = trafficRow({ row: 0, provider: "acme", model: "m", inputTokens: 0, outputTokens: 0 });
  const tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  for (let i = 0; i < ROWS; i++) {
    // Mostly small prompts; about 1 in 50 above the 200k threshold.
    const input = random() < 0.02 ? 200_001 + Math.floor(random() * 300_000) : Math.floor(random() * 8_000);
    const cacheRead = Math.floor(input * random() * 0.5);
    const output = Math.floor(random() * 2_000);
    const weight = random() < 0.1 ? 1 + Math.floor(random() * 20) : 1;
    row.row = i + 1;
    row.inputTokens = input;
    row.cacheReadTokens = cacheRead;
    row.outputTokens = output;
    row.requests = weight;
    builder.add(row);
    baselines.add(row);

    tokens.input = input * weight;
    tokens.cacheRead = cacheRead * weight;
    tokens.output = output * weight;
    perRow.add(0, tokenCostUsd(PRICE, tokens, STANDARD, isLongContext(PRICE, input)));

    const rates = input > 200_000 ? MICRO.long : MICRO.standard;
    exact +=
      BigInt(weight) *
      (BigInt(input - cacheRead) * rates.input +
        BigInt(cacheRead) * rates.cacheRead +
        BigInt(output) * rates.output);
  }
  // micro-dollars x 1e6 -> cents: divide by 1e6 (to micro-dollars) and by 1e4 (to cents), rounding half up.
  const exactCents = Number((exact + 5_000_000_000n) / 10_000_000_000n);
  const exactUsd = Number(exact) / 1e12;

  const profile = builder.finish();
  let projectUsd = 0;
  for (const bucket of profile.buckets) {
    projectUsd += tokenCostUsd(PRICE, bucket.tokens, STANDARD, bucket.promptAbove >= 200_000);
  }
  const routeUsd = perRow.total(0);
  const baselineUsd = baselines.costUsd(0);

  // A total of some hundreds of thousands of dollars; both within a hundredth of a cent of the exact one,
  // so they round to the same cent unless the exact total sits on a half cent.
  expect(exactUsd).toBeGreaterThan(100_000);
  expect(Math.abs(projectUsd - exactUsd)).toBeLessThan(0.0001);
  expect(Math.abs(routeUsd - exactUsd)).toBeLessThan(0.0001);
  expect(Math.round(projectUsd * 100)).toBe(exactCents);
  expect(Math.round(routeUsd * 100)).toBe(exactCents);
  // The baseline was priced per row before; summing tokens first keeps it to the micro-dollar.
  expect(Math.abs(baselineUsd - exactUsd)).toBeLessThan(0.0001);
  expect(Math.round(baselineUsd * 100)).toBe(exactCents);
  expect(Math.round(baselineUsd * 1e6)).toBe(Math.round(routeUsd * 1e6));
}, 60_000);

function target(price: ModelPrice): RouteTarget {
  const base = { index: 0, name: "t", provider: price.provider, model: price.model, price, scope: undefined };
  return {
    ...base,
    regions: undefined,
    performance: 0.5,
    latencyMs: 1000,
    labels: [],
    compliant: false,
    latest: false,
  };
}
