import { describe, expect, it } from "vitest";
import { cheapestOf } from "../../src/cost/compliance.js";

describe("cheapestOf", () => {
  it("cheapest skips options with violations; cheapest_any does not", () => {
    const ranked = cheapestOf([
      { id: "direct", monthlyCostUsd: 10, violations: 3 },
      { id: "bedrock", monthlyCostUsd: 12, violations: 0 },
      { id: "hybrid", monthlyCostUsd: 11, violations: 0 },
    ]);
    expect(ranked).toEqual({ cheapest: "hybrid", cheapestAny: "direct" });
  });

  it("is null when every option violates the regime", () => {
    const ranked = cheapestOf([
      { id: "direct", monthlyCostUsd: 10, violations: 3 },
      { id: "other", monthlyCostUsd: 9, violations: 1 },
    ]);
    expect(ranked).toEqual({ cheapest: null, cheapestAny: "other" });
  });
});
