// Showback: each option's monthly cost split among groups of the traffic (team, feature, model...). Token
// cost goes to the group that spent it; metered infrastructure follows what meters it (requests, tokens);
// fixed monthly items, provisioned units and hidden cost follow each group's share of token cost. Cents are
// then split by the largest-remainder rule, so the groups add up to each option's total to the cent. Pure.
import type { Analysis } from "./analyzer.js";
import type { OptionBreakdown, OptionProjection } from "./option-projection.js";
import type { TrafficBucket, TrafficMix } from "./traffic-mix.js";

/** What `--group-by` takes: a bucket field, or `meta.<key>` (a non-canonical column, a format's key). */
export const GROUP_FIELDS = ["model", "provider", "region", "use_case"] as const;
export type GroupKey = (typeof GROUP_FIELDS)[number] | `meta.${string}`;

export interface ShowbackGroup {
  /** One value per group key, in `--group-by` order; null when the traffic does not say. */
  values: (string | null)[];
  /** Monthly requests (the analysis's counts). */
  requests: number;
  /** Option id -> the group's exact monthly cost (USD). */
  costUsd: Record<string, number>;
  /** Option id -> whole cents; per option they add up to the option's total rounded to the cent. */
  cents: Record<string, number>;
  /** Options under which some of the group's traffic has no price (its token cost is then not all in). */
  incompleteOptions: string[];
}

/** The meta key of a `meta.<key>` group key, undefined for a bucket field. */
export function metaKeyOf(key: GroupKey): string | undefined {
  return key.startsWith("meta.") ? key.slice(5) : undefined;
}

function groupValue(bucket: TrafficBucket, key: GroupKey): string | null {
  const meta = metaKeyOf(key);
  if (meta !== undefined) return bucket.meta?.[meta] || null;
  if (key === "model") return bucket.model;
  if (key === "provider") return bucket.provider ?? null;
  if (key === "region") return bucket.region ?? null;
  return bucket.useCase ?? null;
}

interface GroupTally {
  values: (string | null)[];
  buckets: number[];
  requests: number;
  input: number;
  output: number;
}

/** Every group of `mix` under `keys`, each option's total split among them; busiest (cost under the
 * cheapest option) first, then by values. */
export function showback(analysis: Analysis, mix: TrafficMix, keys: readonly GroupKey[]): ShowbackGroup[] {
  const tallies = new Map<string, GroupTally>();
  for (const [index, bucket] of mix.buckets.entries()) {
    const values = keys.map((key) => groupValue(bucket, key));
    const id = JSON.stringify(values);
    let tally = tallies.get(id);
    if (tally === undefined) {
      tally = { values, buckets: [], requests: 0, input: 0, output: 0 };
      tallies.set(id, tally);
    }
    tally.buckets.push(index);
    tally.requests += bucket.requests;
    tally.input += bucket.tokens.input;
    tally.output += bucket.tokens.output;
  }
  const groups = [...tallies.values()];
  const results: ShowbackGroup[] = groups.map((g) => ({
    values: g.values,
    requests: g.requests * analysis.scale,
    costUsd: {},
    cents: {},
    incompleteOptions: [],
  }));
  for (const { projection, atVolume } of analysis.options) {
    // A policy option's replay is not kept per bucket, so it cannot be split by group (stated by the report).
    if (projection.option.kind === "policy") continue;
    const id = projection.option.id;
    const amounts = allocateOption(projection, atVolume, groups, analysis.scale);
    const cents = largestRemainderCents(
      amounts,
      Math.round(atVolume.monthlyCostUsd * 100),
      groups.map((g) => g.values),
    );
    for (const [i, result] of results.entries()) {
      result.costUsd[id] = amounts[i] ?? 0;
      result.cents[id] = cents[i] ?? 0;
    }
    const unplaced = new Set(projection.tokens.unplaced.map((u) => `${u.provider ?? ""}\u0000${u.model}`));
    for (const [i, group] of groups.entries()) {
      const some = group.buckets.some((b) => {
        const bucket = mix.buckets[b];
        return bucket !== undefined && unplaced.has(`${bucket.provider ?? ""}\u0000${bucket.model}`);
      });
      if (some) results[i]?.incompleteOptions.push(id);
    }
  }
  const cheapest = analysis.cheapest ?? analysis.cheapestAny;
  return results.sort(
    (a, b) => (b.costUsd[cheapest] ?? 0) - (a.costUsd[cheapest] ?? 0) || compareValues(a.values, b.values),
  );
}

/** Each group's exact share of one option's monthly cost (the amounts add up to the option's total). */
function allocateOption(
  projection: OptionProjection,
  atVolume: OptionBreakdown,
  groups: readonly GroupTally[],
  scale: number,
): number[] {
  const costs = projection.tokens.bucketCosts;
  const unitsModel = projection.provisioned?.modelKey;
  const onUnits = (index: number) =>
    unitsModel !== undefined && projection.tokens.bucketModels[index] === unitsModel;
  // On-demand token cost of each group (the basis of shares), and the part of it on provisioned units.
  const tokenCost = groups.map((g) => g.buckets.reduce((sum, b) => sum + (costs[b] ?? 0), 0));
  const unitsCost = groups.map((g) =>
    g.buckets.reduce((sum, b) => sum + (onUnits(b) ? (costs[b] ?? 0) : 0), 0),
  );
  const byRequests = shares(groups.map((g) => g.requests));
  const byTokenCost = sum(tokenCost) > 0 ? shares(tokenCost) : byRequests;
  // The units' overflow to on-demand prices: the option's token cost beyond the other models' own.
  const offUnits = tokenCost.map((cost, i) => (cost - (unitsCost[i] ?? 0)) * scale);
  const overflow = atVolume.tokenCostUsd - sum(offUnits);
  const overflowShares = sum(unitsCost) > 0 ? shares(unitsCost) : byTokenCost;
  const amounts = groups.map(
    (_, i) =>
      (offUnits[i] ?? 0) +
      overflow * (overflowShares[i] ?? 0) +
      (atVolume.provisionedCostUsd + atVolume.hiddenCostUsd) * (byTokenCost[i] ?? 0),
  );
  for (const [n, line] of atVolume.infra.entries()) {
    const item = projection.infra[n]?.item;
    if (item === undefined) continue;
    const q = item.quantity;
    // Metered quantity of each group (observed; the month's scale cancels in the shares).
    const metered = groups.map(
      (g) =>
        q.per_request * g.requests +
        (q.per_1k_input_tokens * g.input + q.per_1k_output_tokens * g.output) / 1000,
    );
    const variable = sum(metered) * scale;
    const whole = q.per_month + variable;
    // A free allowance lowers the fixed and the metered part alike.
    const fixed = whole === 0 ? line.monthlyCostUsd : (line.monthlyCostUsd * q.per_month) / whole;
    const meteredShares = sum(metered) > 0 ? shares(metered) : byRequests;
    for (let i = 0; i < amounts.length; i++) {
      amounts[i] =
        (amounts[i] ?? 0) +
        fixed * (byTokenCost[i] ?? 0) +
        (line.monthlyCostUsd - fixed) * (meteredShares[i] ?? 0);
    }
  }
  return amounts;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Each value's share of the total; equal shares when the total is 0. */
function shares(values: readonly number[]): number[] {
  const total = sum(values);
  return values.map((v) => (total === 0 ? 1 / values.length : v / total));
}

/** Remainders closer than this (in cents) are a tie: the float arithmetic of equal shares may differ by it. */
const TIE_CENTS = 1e-6;

/**
 * Whole cents for each amount that add up to `totalCents`: every amount's cents rounded down, then the
 * cents left over one each to the largest remainders; ties go to the group whose values sort first.
 * @internal exported for its unit test
 */
export function largestRemainderCents(
  amounts: readonly number[],
  totalCents: number,
  values: readonly (readonly (string | null)[])[],
): number[] {
  const exact = amounts.map((usd) => usd * 100);
  const cents = exact.map((c) => Math.floor(c + TIE_CENTS));
  let left = totalCents - sum(cents);
  const order = exact
    .map((c, i) => ({ i, remainder: c - Math.floor(c + TIE_CENTS) }))
    .sort(
      (a, b) =>
        (Math.abs(a.remainder - b.remainder) <= TIE_CENTS ? 0 : b.remainder - a.remainder) ||
        compareValues(values[a.i] ?? [], values[b.i] ?? []),
    );
  // Leftover cents go down the order (more than one round only if the amounts were far off the total);
  // a negative leftover (the total rounded down) takes cents back from the smallest remainders.
  for (let k = 0; left > 0 && order.length > 0; k++, left--) {
    const at = order[k % order.length]?.i ?? 0;
    cents[at] = (cents[at] ?? 0) + 1;
  }
  for (let k = order.length - 1; left < 0 && order.length > 0; k--, left++) {
    const at = order[((k % order.length) + order.length) % order.length]?.i ?? 0;
    cents[at] = (cents[at] ?? 0) - 1;
  }
  return cents;
}

/** Code-unit order of the values, null (not said) last. */
function compareValues(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
