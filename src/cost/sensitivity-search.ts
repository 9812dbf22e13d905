// The search behind the sensitivity table: for one assumption, the value nearest its base at which the cheapest
// option changes. Where every option's cost is linear in the value (between known breakpoints) the crossings
// are solved exactly; elsewhere the range is sampled and each change of winner bisected. Pure.

/** An option's monthly cost at some value of an assumption. */
export interface OptionCost {
  id: string;
  monthlyCostUsd: number;
}

/** One assumption the search varies, with every option's monthly cost at any value of it. */
export interface Assumption {
  /** The scenario path of the value (option and infra ids as list selectors), or a command-line flag's name. */
  path: string;
  base: number;
  /** The values searched: a tenth to ten times the base; [0, 1] for a share. */
  range: readonly [number, number];
  costsAt(value: number): readonly OptionCost[];
  /**
   * When known: every option's cost is linear in `to(value)` between consecutive breakpoints (the range's ends
   * included), so crossings are solved exactly. `to` must be increasing (the identity when absent); `from` is its
   * inverse. Without it the search bisects.
   */
  linear?: {
    breakpoints: readonly number[];
    to?: (value: number) => number;
    from?: (axis: number) => number;
  };
}

export interface Flip {
  /** The value nearest the base, by ratio, at which the cheapest option changes; null when none in range. */
  flipsAt: number | null;
  /** The cheapest option just past `flipsAt`. */
  newCheapest: string | null;
  method: "exact" | "bisection";
}

/** A bisected flip is known to within this fraction of its value. */
/** @internal the tests check a bisected flip against it */
export const BISECTION_RELATIVE_TOLERANCE = 1e-9;
/** Values sampled across the range before bisecting: a flip and a flip back between two samples are missed. */
const BISECTION_SAMPLES = 64;

type Cheapest = (costs: readonly OptionCost[]) => string | null;

export function findFlip(assumption: Assumption, cheapest: Cheapest): Flip {
  const [low, high] = assumption.range;
  if (!(high > low)) return { flipsAt: null, newCheapest: null, method: "exact" };
  const baseWinner = cheapest(assumption.costsAt(assumption.base));
  const candidates = assumption.linear
    ? exactFlips(assumption, cheapest, baseWinner)
    : bisectedFlips(assumption, cheapest, baseWinner);
  const nearest = [...candidates].sort(
    (a, b) => ratioDistance(a.at, assumption.base) - ratioDistance(b.at, assumption.base),
  )[0];
  return {
    flipsAt: nearest?.at ?? null,
    newCheapest: nearest?.winner ?? null,
    method: assumption.linear ? "exact" : "bisection",
  };
}

/** |ln(value / base)|: how far a value is from the base by ratio (a flip from 0 or across 0 is infinitely far). */
export function ratioDistance(value: number, base: number): number {
  const ratio = value / base;
  return ratio > 0 && Number.isFinite(ratio) ? Math.abs(Math.log(ratio)) : Number.POSITIVE_INFINITY;
}

interface Candidate {
  at: number;
  winner: string | null;
}

interface Segment {
  from: number;
  to: number;
  winner: string | null;
}

/** The first change of winner above the base and the first below it, on an axis where costs are piecewise linear. */
function exactFlips(assumption: Assumption, cheapest: Cheapest, baseWinner: string | null): Candidate[] {
  const linear = assumption.linear;
  if (!linear) return [];
  const to = linear.to ?? ((v: number) => v);
  const from = linear.from ?? ((u: number) => u);
  const [low, high] = assumption.range;
  const points = [
    ...new Set([low, high, ...linear.breakpoints.filter((b) => b > low && b < high)].map(to)),
  ].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [u0, u1] = [points[i] ?? 0, points[i + 1] ?? 0];
    const c0 = assumption.costsAt(from(u0));
    const c1 = assumption.costsAt(from(u1));
    const at = (u: number) => interpolate(c0, c1, (u - u0) / (u1 - u0));
    const cuts = [u0, ...crossings(c0, c1).map((t) => u0 + t * (u1 - u0)), u1].sort((a, b) => a - b);
    for (let j = 0; j + 1 < cuts.length; j++) {
      const [a, b] = [cuts[j] ?? 0, cuts[j + 1] ?? 0];
      if (b > a) segments.push({ from: a, to: b, winner: cheapest(at((a + b) / 2)) });
    }
  }
  const base = to(assumption.base);
  const flips: Candidate[] = [];
  const above = segments.find((s) => s.from >= base && s.winner !== baseWinner);
  if (above) flips.push({ at: from(above.from), winner: above.winner });
  const below = segments.findLast((s) => s.to <= base && s.winner !== baseWinner);
  if (below) flips.push({ at: from(below.to), winner: below.winner });
  return flips;
}

/** Each option's cost a fraction `t` of the way from `c0` to `c1`. */
function interpolate(c0: readonly OptionCost[], c1: readonly OptionCost[], t: number): OptionCost[] {
  return c0.map((cost, i) => ({
    id: cost.id,
    monthlyCostUsd:
      cost.monthlyCostUsd + t * ((c1[i]?.monthlyCostUsd ?? cost.monthlyCostUsd) - cost.monthlyCostUsd),
  }));
}

/** Where two options' straight cost lines cross strictly inside the piece, as fractions of it. */
function crossings(c0: readonly OptionCost[], c1: readonly OptionCost[]): number[] {
  const ts: number[] = [];
  for (let i = 0; i < c0.length; i++) {
    for (let j = i + 1; j < c0.length; j++) {
      const d0 = (c0[i]?.monthlyCostUsd ?? 0) - (c0[j]?.monthlyCostUsd ?? 0);
      const d1 = (c1[i]?.monthlyCostUsd ?? 0) - (c1[j]?.monthlyCostUsd ?? 0);
      if (d0 * d1 < 0) ts.push(d0 / (d0 - d1));
    }
  }
  return ts;
}

/** Samples the range, then bisects the first change of winner above and below the base. */
function bisectedFlips(assumption: Assumption, cheapest: Cheapest, baseWinner: string | null): Candidate[] {
  const [low, high] = assumption.range;
  const winnerAt = (v: number) => cheapest(assumption.costsAt(v));
  const samples = sampleRange(low, high);
  const flips: Candidate[] = [];
  const upward = [assumption.base, ...samples.filter((v) => v > assumption.base)];
  const downward = [assumption.base, ...samples.filter((v) => v < assumption.base).reverse()];
  for (const path of [upward, downward]) {
    for (let i = 1; i < path.length; i++) {
      const winner = winnerAt(path[i] ?? 0);
      if (winner === baseWinner) continue;
      flips.push(bisect(path[i - 1] ?? 0, path[i] ?? 0, winnerAt, baseWinner));
      break;
    }
  }
  return flips;
}

function sampleRange(low: number, high: number): number[] {
  const step = (i: number) => i / (BISECTION_SAMPLES - 1);
  return Array.from({ length: BISECTION_SAMPLES }, (_, i) =>
    low > 0 ? low * (high / low) ** step(i) : low + (high - low) * step(i),
  );
}

/** `same` has the base's winner, `other` does not: narrow the bracket until it is within the tolerance. */
function bisect(
  same: number,
  other: number,
  winnerAt: (v: number) => string | null,
  baseWinner: string | null,
): Candidate {
  let [a, b] = [same, other];
  let winner = winnerAt(b);
  for (let i = 0; i < 200; i++) {
    if (Math.abs(b - a) <= BISECTION_RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) break;
    const middle = (a + b) / 2;
    const w = winnerAt(middle);
    if (w === baseWinner) a = middle;
    else [b, winner] = [middle, w];
  }
  return { at: (a + b) / 2, winner };
}
