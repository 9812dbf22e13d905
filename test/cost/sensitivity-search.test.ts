// The sensitivity search on its own: exact where costs are linear, bisected to the stated tolerance elsewhere,
// the flip nearest the base by ratio, and null when nothing flips in range.
import { describe, expect, it } from "vitest";
import { cheapestOf } from "../../src/cost/compliance.js";
import {
  type Assumption,
  BISECTION_RELATIVE_TOLERANCE,
  findFlip,
  type OptionCost,
} from "../../src/cost/sensitivity-search.js";

/** The report's rule, without a compliance regime: the cheapest option. */
const cheapestOption = (costs: readonly OptionCost[]) =>
  cheapestOf(costs.map((c) => ({ ...c, violations: 0 }))).cheapest;

const costs = (a: number, b: number) => [
  { id: "a", monthlyCostUsd: a },
  { id: "b", monthlyCostUsd: b },
];

describe("findFlip", () => {
  it("solves a linear crossing exactly: a = 3v, b = 12 cross at v = 4", () => {
    const assumption: Assumption = {
      path: "x",
      base: 2,
      range: [0.2, 20],
      costsAt: (v) => costs(3 * v, 12),
      linear: { breakpoints: [] },
    };
    expect(findFlip(assumption, cheapestOption)).toEqual({ flipsAt: 4, newCheapest: "b", method: "exact" });
  });

  it("takes the flip nearest the base by ratio: from base 3, flips at 2 (x1.5) and 6 (x2) -> 2", () => {
    // a = |v - 4| / 2 + 0.5 (a kink at 4) against b = 1.5: a = 1 at the base, a = b where |v - 4| = 2.
    const assumption: Assumption = {
      path: "x",
      base: 3,
      range: [0.3, 30],
      costsAt: (v) => costs(Math.abs(v - 4) / 2 + 0.5, 1.5),
      linear: { breakpoints: [4] },
    };
    expect(findFlip(assumption, cheapestOption)).toEqual({ flipsAt: 2, newCheapest: "b", method: "exact" });
  });

  it("bisects a non-linear crossing to the tolerance: a = v^2, b = 4 cross at v = 2", () => {
    const assumption: Assumption = { path: "x", base: 1, range: [0.1, 10], costsAt: (v) => costs(v * v, 4) };
    const flip = findFlip(assumption, cheapestOption);
    expect(flip.method).toBe("bisection");
    expect(flip.newCheapest).toBe("b");
    expect(Math.abs((flip.flipsAt ?? 0) - 2)).toBeLessThanOrEqual(2 * BISECTION_RELATIVE_TOLERANCE * 2);
  });

  it("returns null when no flip lies in range, and for an empty range", () => {
    const never: Assumption = {
      path: "x",
      base: 1,
      range: [0.1, 10],
      costsAt: (v) => costs(v, 100),
      linear: { breakpoints: [] },
    };
    expect(findFlip(never, cheapestOption)).toMatchObject({ flipsAt: null, newCheapest: null });
    expect(findFlip({ ...never, base: 0, range: [0, 0] }, cheapestOption).flipsAt).toBeNull();
  });

  it("solves on a transformed axis: growth r where 1000 (1 + r)^12 reaches a crossing at 3,000", () => {
    const volume = (r: number) => 1000 * (1 + r) ** 12;
    const assumption: Assumption = {
      path: "growth.monthly_rate",
      base: 0.05,
      range: [0.005, 0.5],
      costsAt: (r) => costs(volume(r), 3000),
      linear: { breakpoints: [], to: volume, from: (u) => (u / 1000) ** (1 / 12) - 1 },
    };
    expect(findFlip(assumption, cheapestOption).flipsAt).toBeCloseTo(3 ** (1 / 12) - 1, 12);
  });
});
