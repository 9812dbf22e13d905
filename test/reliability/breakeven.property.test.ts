// Breakeven invariants over random piecewise-linear cost curves (fixed cost, a per-request price, hinges
// such as free tiers running out): at each reported crossing N the two options cost the same to the cent,
// the named cheaper option really is cheaper on each side, and "never" never crosses in a wide range.
import fc from "fast-check";
import { expect, test } from "vitest";
import { breakeven } from "../../src/cost/breakeven.js";
import { addCurves, type CostCurve, evaluateCurve } from "../../src/cost/cost-curve.js";

const curveArb: fc.Arbitrary<CostCurve> = fc.record({
  fixed: fc.double({ min: 0, max: 50_000, noNaN: true }),
  perRequest: fc.double({ min: 0, max: 0.05, noNaN: true }),
  hinges: fc
    .array(
      fc.record({
        at: fc.double({ min: 1, max: 1e8, noNaN: true }),
        slope: fc.double({ min: 0, max: 0.05, noNaN: true }),
      }),
      { maxLength: 4 },
    )
    .map((hinges) => [...hinges].sort((a, b) => a.at - b.at)),
});

const CENT = 0.01;
// Sample points from 1 to 1e12 requests a month (far past any hinge), log-spaced, plus each hinge +/- 1.
function samples(a: CostCurve, b: CostCurve): number[] {
  const points: number[] = [];
  for (let e = 0; e <= 12; e += 0.05) points.push(10 ** e);
  for (const h of [...a.hinges, ...b.hinges]) points.push(Math.max(1, h.at - 1), h.at, h.at + 1);
  return points.sort((x, y) => x - y);
}

test("at every breakeven N the two curves cost the same within a cent, and the sides are named right", () => {
  fc.assert(
    fc.property(curveArb, curveArb, (a, b) => {
      const result = breakeven({ id: "a", curve: a }, { id: "b", curve: b });
      const diff = (n: number) => evaluateCurve(a, n) - evaluateCurve(b, n);
      for (const n of result.crossings) expect(Math.abs(diff(n))).toBeLessThan(CENT);
      const first = result.requestsPerMonth;
      if (first === null) {
        // "Never": the difference keeps one sign over the whole range. Differences under a cent (touching,
        // or subnormal slopes) say nothing about which option is cheaper.
        const signs = new Set(
          samples(a, b)
            .map(diff)
            .filter((d) => Math.abs(d) >= CENT)
            .map(Math.sign),
        );
        expect(signs.size).toBeLessThanOrEqual(1);
        const [sign] = [...signs];
        if (sign !== undefined) expect(result.cheaperBelow).toBe(sign < 0 ? "a" : "b");
        return;
      }
      expect(result.crossings[0]).toBe(first);
      // Just below the first crossing the option named cheaper below is cheaper (or equal).
      const below = diff(first / 2);
      if (result.cheaperBelow === "a") expect(below).toBeLessThan(CENT);
      if (result.cheaperBelow === "b") expect(below).toBeGreaterThan(-CENT);
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test("a sign change between two sample points is always reported as a crossing between them", () => {
  fc.assert(
    fc.property(curveArb, curveArb, (a, b) => {
      const result = breakeven({ id: "a", curve: a }, { id: "b", curve: b });
      const diff = (n: number) => evaluateCurve(a, n) - evaluateCurve(b, n);
      const points = samples(a, b);
      for (let i = 1; i < points.length; i++) {
        const [x, y] = [points[i - 1] ?? 0, points[i] ?? 0];
        // Differences below a cent are rounding, not a change of the cheaper option.
        if (diff(x) < -CENT && diff(y) > CENT)
          expect(result.crossings.some((c) => c >= x && c <= y)).toBe(true);
        if (diff(x) > CENT && diff(y) < -CENT)
          expect(result.crossings.some((c) => c >= x && c <= y)).toBe(true);
      }
    }),
    { numRuns: 2000, seed: 12 },
  );
});

// Two options built from the same per-request pieces (summed in a different order, one price split in
// two, as scenario arithmetic does) differ only by a constant: their slopes are equal up to rounding, so
// they never cross. Before slopes within rounding counted as parallel, such a pair "crossed" at 8.06e22
// requests a month (a 1e-19 slope of pure rounding).
const piecesArb = fc.array(
  fc.record({
    perRequest: fc.double({ min: 0, max: 0.05, noNaN: true }),
    hinge: fc.option(
      fc.record({
        at: fc.double({ min: 1, max: 1e8, noNaN: true }),
        slope: fc.double({ min: 1e-9, max: 0.05, noNaN: true }),
      }),
      { nil: undefined },
    ),
  }),
  { minLength: 1, maxLength: 6 },
);

test("parallel pieces never cross: curves that differ by a constant say 'never' and name the cheaper one", () => {
  fc.assert(
    fc.property(
      piecesArb,
      fc.double({ min: 0, max: 50_000, noNaN: true }),
      fc.double({ min: 1, max: 50_000, noNaN: true }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      (pieces, fixedA, gap, split) => {
        const asCurves: CostCurve[] = pieces.map((p) => ({
          fixed: 0,
          perRequest: p.perRequest,
          hinges: p.hinge ? [p.hinge] : [],
        }));
        const a = addCurves({ fixed: fixedA, perRequest: 0, hinges: [] }, ...asCurves);
        // Same pieces, reversed, with the first per-request price split into two parts.
        const [first, ...rest] = asCurves;
        const splitFirst: CostCurve[] = first
          ? [
              { ...first, perRequest: first.perRequest * split },
              { fixed: 0, perRequest: first.perRequest * (1 - split), hinges: [] },
            ]
          : [];
        const b = addCurves(...[...rest].reverse(), ...splitFirst, {
          fixed: fixedA + gap,
          perRequest: 0,
          hinges: [],
        });
        const result = breakeven({ id: "a", curve: a }, { id: "b", curve: b });
        expect(result.requestsPerMonth).toBeNull();
        expect(result.crossings).toEqual([]);
        expect(result.cheaperBelow).toBe("a");
        expect(result.cheaperAbove).toBe("a");
      },
    ),
    { numRuns: 2000, seed: 13 },
  );
});
