// Breakeven between two options: the monthly request volumes where their cost curves cross, solved exactly.
import {
  type CostCurve,
  evaluateCurve,
  RELATIVE_SLOPE_TOLERANCE,
  signChanges,
  slopeMagnitude,
  subtractCurves,
} from "./cost-curve.js";

export interface Breakeven {
  a: string;
  b: string;
  /** First crossing in requests a month; null when the curves never cross (for any N > 0). */
  requestsPerMonth: number | null;
  /** Every crossing, ascending (usually zero or one). */
  crossings: number[];
  /** Cheaper option below the first crossing (or everywhere, when there is none); null when they cost the same. */
  cheaperBelow: string | null;
  /** Cheaper option above the first crossing (the same as below when there is none). */
  cheaperAbove: string | null;
}

export function breakeven(
  a: { id: string; curve: CostCurve },
  b: { id: string; curve: CostCurve },
): Breakeven {
  const difference = subtractCurves(a.curve, b.curve);
  const tolerance = RELATIVE_SLOPE_TOLERANCE * (slopeMagnitude(a.curve) + slopeMagnitude(b.curve));
  const crossings = signChanges(difference, tolerance);
  const first = crossings[0];
  const cheaperAt = (requests: number): string | null => {
    const d = evaluateCurve(difference, requests);
    // Within rounding of the costs themselves, the two cost the same.
    const scale = Math.abs(evaluateCurve(a.curve, requests)) + Math.abs(evaluateCurve(b.curve, requests));
    return Math.abs(d) <= RELATIVE_SLOPE_TOLERANCE * scale ? null : d < 0 ? a.id : b.id;
  };
  if (first === undefined) {
    // No crossing: the sign is the same for every N > 0; probe one point per piece to be safe.
    const cheaper = cheaperAt((difference.hinges.at(-1)?.at ?? 0) + 1);
    return {
      a: a.id,
      b: b.id,
      requestsPerMonth: null,
      crossings,
      cheaperBelow: cheaper,
      cheaperAbove: cheaper,
    };
  }
  const next = crossings[1];
  return {
    a: a.id,
    b: b.id,
    requestsPerMonth: first,
    crossings,
    cheaperBelow: cheaperAt(first / 2),
    cheaperAbove: cheaperAt(next === undefined ? first * 2 : (first + next) / 2),
  };
}

interface GrowthMonth {
  month: number;
  requests: number;
  costs: Record<string, number>;
  /** The cheapest eligible option (without compliance violations); null when none is eligible. */
  cheapest: string | null;
}

export interface GrowthProjection {
  months: GrowthMonth[];
  /** First month whose cheapest option differs from month 0's, or null. */
  flipMonth: number | null;
}

/** Month 0 is today's volume; month m is `requests x (1 + rate)^m`. Only options in `eligible` (those
 * without compliance violations; a violating share of traffic stays violating at any volume) can be the
 * month's cheapest. */
export function projectGrowth(
  options: readonly { id: string; curve: CostCurve }[],
  requests: number,
  monthlyRate: number,
  horizonMonths: number,
  eligible: ReadonlySet<string> = new Set(options.map((o) => o.id)),
): GrowthProjection {
  const months: GrowthMonth[] = [];
  for (let month = 0; month <= horizonMonths; month++) {
    const volume = requests * (1 + monthlyRate) ** month;
    const costs: Record<string, number> = {};
    let cheapest: string | null = null;
    for (const option of options) {
      const cost = evaluateCurve(option.curve, volume);
      costs[option.id] = cost;
      if (
        eligible.has(option.id) &&
        (cheapest === null || cost < (costs[cheapest] ?? Number.POSITIVE_INFINITY))
      )
        cheapest = option.id;
    }
    months.push({ month, requests: volume, costs, cheapest });
  }
  const first = months[0]?.cheapest;
  const flip = months.find((m) => m.cheapest !== first);
  return { months, flipMonth: flip ? flip.month : null };
}
