// The verdict builder and its five lines, on plain data: what the capacity and compliance checks will feed.
import { describe, expect, it } from "vitest";
import { buildVerdict, type VerdictInput } from "../../src/report/verdict-data.js";
import { verdictLines } from "../../src/report/verdict-render.js";

const INPUT: VerdictInput = {
  cheapest: "bedrock",
  requests: 10_000,
  // direct violates the regime, so it is not among the options that may win.
  options: [
    { id: "bedrock", monthly_cost_usd: 300, per_request_usd: 0.03, priced_share: 0.98 },
    { id: "bedrock-batch", monthly_cost_usd: 400, per_request_usd: 0.04, priced_share: 0.98 },
  ],
  compliance: { label: "hipaa", cheapest_any: "direct" },
  breakeven: [
    { a: "bedrock", b: "bedrock-batch", crossings: [2_000, 80_000] },
    { a: "direct", b: "bedrock", crossings: [11_000] },
  ],
  tips: [
    { id: "batch", option: "bedrock", title: "Batch it (24 h)", monthly_saving_usd: 12 },
    { id: "prompt-caching", option: "bedrock", title: "Cache prefixes", monthly_saving_usd: 40 },
  ],
  sensitivity: [
    { assumption: "monthly_requests", base: 10_000, flips_at: null, new_cheapest: null },
    {
      assumption: "options.bedrock.hidden_cost.per_month.usd",
      base: 100,
      flips_at: 150,
      new_cheapest: "bedrock-batch",
    },
  ],
  incomplete: false,
  reasons: [],
};

describe("buildVerdict", () => {
  it("names the winner, the margin over the compliant runner-up, the nearest crossing, the biggest tip, the nearest flip", () => {
    const verdict = buildVerdict(INPUT);
    expect(verdict).toMatchObject({
      cheapest: "bedrock",
      monthly_cost_usd: 300,
      per_request_usd: 0.03,
      priced_share: 0.98,
      // 400 - 300 = $100, 100 / 400 = 25% of the runner-up's cost.
      runner_up: { option: "bedrock-batch", monthly_cost_usd: 400, margin_usd: 100, margin_share: 0.25 },
      // By ratio from 10,000: 2,000 is x5, 80,000 x8, and direct's crossing with bedrock at 11,000 x1.1: nearest.
      nearest_breakeven: { option: "direct", requests_per_month: 11_000 },
      biggest_tip: { id: "prompt-caching", monthly_saving_usd: 40 },
      nearest_flip: { assumption: "options.bedrock.hidden_cost.per_month.usd", flips_at: 150 },
      compliance: { label: "hipaa", cheapest_any: "direct" },
    });
  });

  it("prints at most five lines, and says which cheaper option violates the regime", () => {
    const lines = verdictLines(buildVerdict(INPUT));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "Cheapest: bedrock at $300.00 a month, $0.0300 a request, 98.0% priced. direct costs less but violates hipaa.",
    );
    expect(lines[1]).toBe("  Margin: $100.00 a month (25.0%) under the runner-up, bedrock-batch ($400.00).");
    expect(lines[4]).toBe(
      "  Flip: bedrock-batch if options.bedrock.hidden_cost.per_month.usd = 150 (now 100).",
    );
  });

  it("with no compliant option: null cheapest and one line that says so", () => {
    const verdict = buildVerdict({ ...INPUT, cheapest: null, options: [] });
    expect(verdict).toMatchObject({ cheapest: null, monthly_cost_usd: null, runner_up: null });
    expect(verdictLines(verdict)).toEqual(["No option is compliant with hipaa; direct is cheapest overall."]);
  });
});
