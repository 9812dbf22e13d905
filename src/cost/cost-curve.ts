// An option's monthly cost as a function of monthly requests N, for a fixed traffic mix:
//   cost(N) = fixed + perRequest x N + sum of slope_i x max(0, N - at_i)
// Free tiers and provisioned-throughput overflow are the hinges. Such curves add, scale and can be
// compared exactly: their difference is linear between the union of their hinge points.

interface Hinge {
  /** Requests a month above which `slope` starts to apply. */
  at: number;
  slope: number;
}

export interface CostCurve {
  fixed: number;
  perRequest: number;
  hinges: Hinge[];
}

export function evaluateCurve(curve: CostCurve, requests: number): number {
  let cost = curve.fixed + curve.perRequest * requests;
  for (const hinge of curve.hinges) if (requests > hinge.at) cost += hinge.slope * (requests - hinge.at);
  return cost;
}

/**
 * `price x max(0, base + rate x N - free)`: a metered quantity with a free allowance, as a curve.
 * A quantity that never reaches the allowance costs nothing; one always above it is linear.
 */
export function meteredCurve(price: number, base: number, rate: number, free: number): CostCurve {
  if (rate === 0) return { fixed: price * Math.max(0, base - free), perRequest: 0, hinges: [] };
  const at = (free - base) / rate;
  if (at <= 0) return { fixed: price * (base - free), perRequest: price * rate, hinges: [] };
  return { fixed: 0, perRequest: 0, hinges: [{ at, slope: price * rate }] };
}

export function addCurves(...curves: CostCurve[]): CostCurve {
  return {
    fixed: curves.reduce((sum, c) => sum + c.fixed, 0),
    perRequest: curves.reduce((sum, c) => sum + c.perRequest, 0),
    hinges: curves.flatMap((c) => c.hinges).sort((a, b) => a.at - b.at),
  };
}

export function scaleCurve(curve: CostCurve, factor: number): CostCurve {
  return {
    fixed: curve.fixed * factor,
    perRequest: curve.perRequest * factor,
    hinges: curve.hinges.map((h) => ({ at: h.at, slope: h.slope * factor })),
  };
}

export function subtractCurves(a: CostCurve, b: CostCurve): CostCurve {
  return addCurves(a, scaleCurve(b, -1));
}

/**
 * The size of a curve's slopes: |perRequest| plus every |hinge slope|. The rounding error of any slope
 * summed from these terms is a tiny fraction of it, which is what `slopeTolerance` below is measured against.
 */
export function slopeMagnitude(curve: CostCurve): number {
  return curve.hinges.reduce((sum, h) => sum + Math.abs(h.slope), Math.abs(curve.perRequest));
}

/**
 * Relative size below which a difference of slopes is rounding, not money: doubles carry 16 significant
 * digits, and a curve's slope is a sum of at most a few thousand terms, so rounding stays below 1e-12 of
 * their magnitude. Two pieces whose slopes differ by less are parallel: they never cross. (Without this,
 * two curves that differ only by a constant crossed at 8e22 requests a month: a 1e-19 rounding slope.)
 */
export const RELATIVE_SLOPE_TOLERANCE = 1e-12;

/**
 * Every N > 0 where the curve changes sign, solved exactly on each linear piece (including past the last
 * hinge). A piece whose slope is within `slopeTolerance` of zero is flat: it has no root.
 */
export function signChanges(curve: CostCurve, slopeTolerance = 0): number[] {
  const points = [0, ...new Set(curve.hinges.map((h) => h.at).filter((at) => at > 0))].sort((x, y) => x - y);
  const roots: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1];
    const valueAtStart = evaluateCurve(curve, start);
    // Slope of the piece just after `start`.
    const slope =
      curve.perRequest + curve.hinges.reduce((sum, h) => (h.at <= start ? sum + h.slope : sum), 0);
    if (Math.abs(slope) <= slopeTolerance) continue;
    const root = start - valueAtStart / slope;
    const inPiece = root > start && (end === undefined || root <= end);
    if (!inPiece) continue;
    // A touch without a change of sign is not a crossing.
    const before = evaluateCurve(curve, (start + root) / 2);
    const after = evaluateCurve(curve, pointAfter(root, points));
    if (Math.sign(before) !== Math.sign(after) && roots.at(-1) !== root) roots.push(root);
  }
  return roots;
}

/** A point strictly inside the piece that follows `x` (between x and the next hinge point, or past the last). */
function pointAfter(x: number, points: number[]): number {
  const next = points.find((p) => p > x);
  return next === undefined ? x + Math.max(1, x) : (x + next) / 2;
}
