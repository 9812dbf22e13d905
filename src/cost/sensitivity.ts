// Sensitivity: which assumption, moved how far, changes the cheapest option. Each assumption is searched from a
// tenth to ten times its value (shares over [0, 1]) on the traffic profile already read, never the traffic file.
// Pure: the caller passes how to project options and which option is cheapest.
import { type CostCurve, evaluateCurve } from "./cost-curve.js";
import type { ModelMapper } from "./model-map.js";
import type { Scenario } from "./scenario-schema.js";
import { type Assumption, findFlip, type OptionCost, ratioDistance } from "./sensitivity-search.js";
import type { TrafficBucket, TrafficMix } from "./traffic-mix.js";

export interface SensitivityEntry {
  assumption: string;
  base: number;
  range: readonly [number, number];
  flipsAt: number | null;
  newCheapest: string | null;
  method: "exact" | "bisection";
}

export interface SensitivityModel {
  scenario: Scenario;
  mix: TrafficMix;
  monthlyRequests: number;
  /** The base scenario's mapper: which model-map entries the traffic uses. */
  mapper: ModelMapper;
  /** Every option's cost curve under a scenario and a mix. `sameTokens`: only infra or hidden cost changed, so the
   * base's token costs stand (the search then prices no bucket again). */
  curves(
    scenario: Scenario,
    mix: TrafficMix,
    sameTokens: boolean,
  ): readonly { id: string; curve: CostCurve }[];
  cheapest(costs: readonly OptionCost[]): string | null;
}

/** Every assumption's flip, nearest (by ratio to its base) first; those that never flip in range follow in order. */
export function sensitivity(model: SensitivityModel): SensitivityEntry[] {
  const entries = assumptionsOf(model).map((assumption) => {
    const flip = findFlip(assumption, model.cheapest);
    return {
      assumption: assumption.path,
      base: assumption.base,
      range: assumption.range,
      flipsAt: flip.flipsAt,
      newCheapest: flip.newCheapest,
      method: flip.method,
    };
  });
  const distance = (e: SensitivityEntry) =>
    e.flipsAt === null ? Number.POSITIVE_INFINITY : ratioDistance(e.flipsAt, e.base);
  const flipping = entries.filter((e) => e.flipsAt !== null).sort((a, b) => distance(a) - distance(b));
  return [...flipping, ...entries.filter((e) => e.flipsAt === null)];
}

function assumptionsOf(model: SensitivityModel): Assumption[] {
  return [
    ...hiddenCostAssumptions(model),
    ...infraAssumptions(model),
    ...tokenRatioAssumptions(model),
    ...shareAssumptions(model),
    ...volumeAssumptions(model),
  ];
}

/** `a.b` for a plain id, `a["gpt-4.1"]` for one a dot would split. */
function select(path: string, key: string): string {
  return /^[a-z0-9_-]+$/i.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A tenth to ten times the base, within the schema's bounds. */
function tenfold(
  base: number,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): [number, number] {
  // A negative base (a shrinking growth rate) has its tenth above its tenfold.
  const [low, high] = base < 0 ? [base * 10, base / 10] : [base / 10, base * 10];
  return [Math.max(min, low), Math.min(max, high)];
}

function costsAtVolume(curves: readonly { id: string; curve: CostCurve }[], requests: number): OptionCost[] {
  return curves.map((c) => ({ id: c.id, monthlyCostUsd: evaluateCurve(c.curve, requests) }));
}

/** Costs under a changed scenario, at today's volume. */
function costsUnder(model: SensitivityModel, scenario: Scenario, mix: TrafficMix, sameTokens: boolean) {
  return costsAtVolume(model.curves(scenario, mix, sameTokens), model.monthlyRequests);
}

const LINEAR = { breakpoints: [] } as const;

function hiddenCostAssumptions(model: SensitivityModel): Assumption[] {
  const { scenario } = model;
  return scenario.options.flatMap((option, index) => {
    const hidden = option.hidden_cost;
    if (!hidden) return [];
    const path = `${select("options", option.id)}.hidden_cost`;
    const withHidden = (change: Partial<typeof hidden>): Scenario => ({
      ...scenario,
      options: scenario.options.map((o, i) =>
        i === index ? { ...o, hidden_cost: { ...hidden, ...change } } : o,
      ),
    });
    const found: Assumption[] = [];
    // Hidden cost is linear in each of its figures: multiplier x (tokens + infra) + per month + per request x N.
    const multiplier = hidden.complexity_multiplier;
    if (multiplier !== undefined)
      found.push({
        path: `${path}.complexity_multiplier`,
        base: multiplier,
        range: tenfold(multiplier, 1),
        costsAt: (v) => costsUnder(model, withHidden({ complexity_multiplier: v }), model.mix, true),
        linear: LINEAR,
      });
    for (const key of ["per_month", "per_request"] as const) {
      const amount = hidden[key];
      if (!amount || amount.usd === 0) continue;
      found.push({
        path: `${path}.${key}.usd`,
        base: amount.usd,
        range: tenfold(amount.usd, 0),
        costsAt: (v) => costsUnder(model, withHidden({ [key]: { ...amount, usd: v } }), model.mix, true),
        linear: LINEAR,
      });
    }
    return found;
  });
}

const INFRA_DRIVERS = ["per_request", "per_1k_input_tokens", "per_1k_output_tokens", "per_month"] as const;

/** Each non-zero quantity of each line item some option pays for (Lambda GB-seconds, log bytes per token, ...). */
function infraAssumptions(model: SensitivityModel): Assumption[] {
  const { scenario } = model;
  // A policy option pays the items of each side it uses (those for kind bedrock or direct) and its own.
  const payers = new Set(
    scenario.options.flatMap((o) =>
      o.kind === "policy" ? [o.id, o.kind, "bedrock", "direct"] : [o.id, o.kind],
    ),
  );
  return scenario.infra.flatMap((item, index) => {
    if (!item.applies_to.some((target) => payers.has(target))) return [];
    // With free allowances applied, an item costs max(0, quantity - free): linear only on each side of the kink.
    const linear = scenario.free_tiers === "none" || item.free_units_per_month === 0;
    return INFRA_DRIVERS.filter((key) => item.quantity[key] !== 0).map((key) => {
      const base = item.quantity[key];
      const withQuantity = (v: number): Scenario => ({
        ...scenario,
        infra: scenario.infra.map((it, i) =>
          i === index ? { ...it, quantity: { ...it.quantity, [key]: v } } : it,
        ),
      });
      return {
        path: `${select("infra", item.id)}.quantity.${key}`,
        base,
        range: tenfold(base, 0),
        costsAt: (v: number) => costsUnder(model, withQuantity(v), model.mix, true),
        ...(linear ? { linear: LINEAR } : {}),
      };
    });
  });
}

/** The token ratio of each model-map entry the traffic uses (an entry written as a model id has ratio 1). */
function tokenRatioAssumptions(model: SensitivityModel): Assumption[] {
  const { scenario, mix } = model;
  // Provisioned units are a fixed capacity of tokens: overflow makes cost non-linear in the ratio.
  const linear = !scenario.options.some((o) => o.kind === "bedrock-provisioned");
  return (["bedrock", "direct"] as const).flatMap((side) =>
    Object.entries(scenario.model_map[side])
      .filter(([logged]) =>
        mix.buckets.some((b) => {
          const placement = model.mapper.place(b.model, b.provider, side);
          return b.model === logged && placement.kind === "priced" && placement.how === "model-map";
        }),
      )
      .map(([logged, target]) => {
        const entry = typeof target === "string" ? { model: target, token_ratio: 1 } : target;
        const withRatio = (v: number): Scenario => ({
          ...scenario,
          model_map: {
            ...scenario.model_map,
            [side]: { ...scenario.model_map[side], [logged]: { ...entry, token_ratio: v } },
          },
        });
        return {
          path: `${select(`model_map.${side}`, logged)}.token_ratio`,
          base: entry.token_ratio,
          range: tenfold(entry.token_ratio, 0, 10),
          costsAt: (v: number) => costsUnder(model, withRatio(v), mix, false),
          ...(linear ? { linear: LINEAR } : {}),
        };
      }),
  );
}

/**
 * Shares of the traffic, moved proportionally in every bucket: below the observed share each bucket keeps that
 * fraction of its own, above it each moves that fraction of the rest. Token cost is linear in both moves, so each
 * option's cost is a straight line from share 0 to the observed share and another from there to share 1.
 */
function shareAssumptions(model: SensitivityModel): Assumption[] {
  const { scenario, mix } = model;
  const found: Assumption[] = [];
  const readable = mix.buckets.reduce((sum, b) => sum + b.tokens.input - b.tokens.cacheWrite, 0);
  if (readable > 0) {
    const observed = mix.tokens.cacheRead / readable;
    const at = (cacheRead: (b: TrafficBucket) => number): TrafficMix => ({
      ...mix,
      buckets: mix.buckets.map((b) => ({ ...b, tokens: { ...b.tokens, cacheRead: cacheRead(b) } })),
    });
    found.push(
      shareAssumption("traffic.cache_read_share", observed, [
        costsUnder(
          model,
          scenario,
          at(() => 0),
          false,
        ),
        costsUnder(model, scenario, mix, true),
        costsUnder(
          model,
          scenario,
          at((b) => b.tokens.input - b.tokens.cacheWrite),
          false,
        ),
      ]),
    );
  }
  if (mix.requests > 0) {
    const batchable = new Set(scenario.batchable_use_cases);
    const inBatch = mix.buckets.reduce(
      (sum, b) => sum + (b.useCase !== undefined && batchable.has(b.useCase) ? b.requests : 0),
      0,
    );
    // Every use case batchable: one use case no log can name, listed as batchable.
    const everyUseCase = "\u0000every use case";
    found.push(
      shareAssumption("traffic.batchable_share", inBatch / mix.requests, [
        costsUnder(model, { ...scenario, batchable_use_cases: [] }, mix, false),
        costsUnder(model, scenario, mix, true),
        costsUnder(
          model,
          { ...scenario, batchable_use_cases: [everyUseCase] },
          { ...mix, buckets: mix.buckets.map((b) => ({ ...b, useCase: everyUseCase })) },
          false,
        ),
      ]),
    );
  }
  return found;
}

function shareAssumption(
  path: string,
  observed: number,
  [none, today, all]: readonly [OptionCost[], OptionCost[], OptionCost[]],
): Assumption {
  const line = (from: readonly OptionCost[], to: readonly OptionCost[], t: number) =>
    from.map((c, i) => ({
      id: c.id,
      monthlyCostUsd: c.monthlyCostUsd + t * ((to[i]?.monthlyCostUsd ?? c.monthlyCostUsd) - c.monthlyCostUsd),
    }));
  return {
    path,
    base: observed,
    range: [0, 1],
    costsAt: (v) =>
      v <= observed
        ? line(none, today, observed === 0 ? 1 : v / observed)
        : line(today, all, (v - observed) / (1 - observed)),
    linear: { breakpoints: [observed] },
  };
}

/** Monthly volume (`--monthly-requests`) and the growth rate, judged at the horizon's last month. */
function volumeAssumptions(model: SensitivityModel): Assumption[] {
  const { scenario, mix, monthlyRequests: requests } = model;
  if (!(requests > 0)) return [];
  const curves = model.curves(scenario, mix, true);
  // Each curve is linear in the volume between its hinges (free tiers, provisioned overflow).
  const hinges = curves.flatMap((c) => c.curve.hinges.map((h) => h.at));
  const found: Assumption[] = [
    {
      path: "monthly_requests",
      base: requests,
      range: tenfold(requests, 0),
      costsAt: (v) => costsAtVolume(curves, v),
      linear: { breakpoints: hinges },
    },
  ];
  const { monthly_rate: rate, horizon_months: horizon } = scenario.growth;
  if (rate !== 0) {
    // The horizon's volume, requests x (1 + rate)^horizon, increases with the rate: solve on the volume axis.
    const volume = (r: number) => requests * (1 + r) ** horizon;
    const rateAt = (v: number) => (v / requests) ** (1 / horizon) - 1;
    found.push({
      path: "growth.monthly_rate",
      base: rate,
      range: tenfold(rate, -0.99, 10),
      costsAt: (r) => costsAtVolume(curves, volume(r)),
      linear: { breakpoints: hinges.filter((h) => h > 0).map(rateAt), to: volume, from: rateAt },
    });
  }
  return found;
}
