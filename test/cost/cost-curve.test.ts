import { describe, expect, it } from "vitest";
import {
  addCurves,
  evaluateCurve,
  meteredCurve,
  signChanges,
  subtractCurves,
} from "../../src/cost/cost-curve.js";

describe("cost curves", () => {
  it("meters a quantity with a free tier: Lambda requests, $0.20 per 1M, 1M free", () => {
    const curve = meteredCurve(0.2 / 1e6, 0, 1, 1_000_000);
    expect(evaluateCurve(curve, 500_000)).toBe(0);
    // 3M requests: 2M billable x $0.0000002 = $0.40
    expect(evaluateCurve(curve, 3_000_000)).toBeCloseTo(0.4, 10);
  });

  it("a fixed quantity above its allowance is a fixed cost: 12 alarms, 10 free, $0.10 each", () => {
    const curve = meteredCurve(0.1, 12, 0, 10);
    expect(curve).toEqual({ fixed: 0.1 * 2, perRequest: 0, hinges: [] });
  });

  it("finds the breakeven of a fixed-cost option and a pay-per-use option", () => {
    // A: $1,000 fixed + $0.001/request; B: $0.003/request. 1000 + 0.001 N = 0.003 N  =>  N = 500,000.
    const a = { fixed: 1000, perRequest: 0.001, hinges: [] };
    const b = { fixed: 0, perRequest: 0.003, hinges: [] };
    expect(signChanges(subtractCurves(a, b))).toEqual([500_000]);
  });

  it("solves a crossing past a hinge exactly", () => {
    // A: $0.002/request. B: $500 fixed + $0.001/request up to 1M, then +$0.004 (overflow) above 1M.
    // Below 1M: 0.002N = 500 + 0.001N => N = 500,000 (A cheaper below).
    // Above 1M: 0.002N = 500 + 0.001N + 0.004(N - 1M) = 0.005N - 3500 => N = 1,166,666.67.
    const a = { fixed: 0, perRequest: 0.002, hinges: [] };
    const b = { fixed: 500, perRequest: 0.001, hinges: [{ at: 1_000_000, slope: 0.004 }] };
    const roots = signChanges(subtractCurves(a, b));
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(500_000, 6);
    expect(roots[1]).toBeCloseTo(3_500 / 0.003, 6);
  });

  it("reports no crossing when one option stays cheaper", () => {
    const a = addCurves({ fixed: 10, perRequest: 0.001, hinges: [] }, meteredCurve(1, 0, 0.001, 5));
    const b = { fixed: 20, perRequest: 0.003, hinges: [] };
    expect(signChanges(subtractCurves(a, b))).toEqual([]);
  });

  it("does not call a touch a crossing", () => {
    // d(N) = 1000 - 0.001N until 1M, then + 0.002 (N - 1M): touches zero at 1M and rises again.
    const d = { fixed: 1000, perRequest: -0.001, hinges: [{ at: 1_000_000, slope: 0.002 }] };
    expect(signChanges(d)).toEqual([]);
  });
});
