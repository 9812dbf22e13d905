// Capacity: does each option's peak per-minute demand fit its providers' quotas? Per option, the logged
// traffic is placed on the option's models (as the cost code places it), summed per quota pool and per UTC
// minute, and the busiest minute (and the 99th percentile of minutes with traffic) is compared with the
// pool's quota. Pure; the minute series come from the traffic profile.
import { forEachMinute, type ModelMinutes } from "../traffic/minute-demand.js";
import { type ModelMapper, sideOf } from "./model-map.js";
import type { ModelPrice } from "./price.js";
import { MINUTES_PER_MONTH } from "./provisioned.js";
import { type PtSizing, sizeProvisioned } from "./pt-sizing.js";
import {
  type BundledQuota,
  bundledQuota,
  type PoolQuota,
  type QuotaFigure,
  quotaInput,
  quotaTokens,
  type StatedQuota,
  unknownQuota,
  withStated,
} from "./quota.js";
import type { DeploymentOption } from "./scenario-schema.js";

/** A scenario's stated quota for one pool. */
interface ScenarioQuota extends StatedQuota {
  provider: string;
  model: string;
  inference_profile?: string | undefined;
}

export interface CapacityInput {
  options: readonly DeploymentOption[];
  demand: readonly ModelMinutes[];
  mapper: ModelMapper;
  bundled: readonly BundledQuota[];
  stated: readonly ScenarioQuota[];
  /** Names the stated quotas' file in sources. */
  statedSource: string;
  /** Multiplies observed per-minute peaks: N / (observed x 30.4375 / window days) with --monthly-requests, else 1. */
  peakScale: number;
  /** Pre-aggregated traffic has no per-minute shape: peaks are the month's average minute (observed x
   * monthScale / minutes in a month) x peakFactor; null: not stated, so peaks are unknown. */
  bucketed: { monthScale: number; peakFactor: number | null } | undefined;
  /** Observed traffic -> a month (provisioned-throughput sizing). */
  monthScale: number;
}

/** One limit of a pool: the peak, the quota, and the increase it would need. */
export interface LimitCheck {
  peak: number | null;
  p99: number | null;
  quota: QuotaFigure;
  source: string;
  /** Peak above a numeric quota; 0 when it fits; null when the quota is not numeric or the peak unknown. */
  increaseNeeded: number | null;
}

export interface PoolCapacity {
  /** provider/model, plus @profile for Bedrock. */
  pool: string;
  provider: string;
  model: string;
  rpm: LimitCheck;
  /** Quota tokens: input (+ cache reads where they count) + output x burndown. */
  tpm: LimitCheck;
  itpm: LimitCheck;
  otpm: LimitCheck;
  outputBurndown: number | "unknown";
  cacheReadsCount: boolean;
  /** True when every limit the provider enforces is known and the peak fits; null when one is unknown. */
  fits: boolean | null;
  basis: "observed" | "peak_factor" | "unknown";
}

export interface OptionCapacity {
  option: string;
  pools: PoolCapacity[];
  /** Bedrock provisioned options: the model units the peak needs (docs/capacity.md). */
  sizing?: PtSizing & { model: string };
}

interface PoolMinute {
  requests: number;
  input: number;
  output: number;
  cacheRead: number;
}

/** A pool's minutes, dense over the traffic's window (4 numbers a minute, no object per minute). */
class PoolMinutes {
  private readonly data: Float64Array;

  constructor(
    private readonly start: number,
    private readonly span: number,
  ) {
    this.data = new Float64Array(span * 4);
  }

  add(minute: number, requests: number, input: number, output: number, cacheRead: number): void {
    const at = (minute - this.start) * 4;
    const data = this.data;
    data[at] = (data[at] ?? 0) + requests;
    data[at + 1] = (data[at + 1] ?? 0) + input;
    data[at + 2] = (data[at + 2] ?? 0) + output;
    data[at + 3] = (data[at + 3] ?? 0) + cacheRead;
  }

  /** How many minutes have traffic. */
  withTraffic(): number {
    const data = this.data;
    let count = 0;
    for (let at = 0; at < this.span * 4; at += 4)
      if ((data[at] ?? 0) !== 0 || (data[at + 1] ?? 0) !== 0 || (data[at + 2] ?? 0) !== 0) count++;
    return count;
  }

  /** The minutes with traffic, in time order. */
  *values(): Generator<PoolMinute> {
    const data = this.data;
    for (let m = 0; m < this.span; m++) {
      const at = m * 4;
      const requests = data[at] ?? 0;
      const input = data[at + 1] ?? 0;
      const output = data[at + 2] ?? 0;
      if (requests === 0 && input === 0 && output === 0) continue;
      yield { requests, input, output, cacheRead: data[at + 3] ?? 0 };
    }
  }
}

/** First minute and number of minutes the demand spans. */
function windowOf(demand: readonly ModelMinutes[]): { start: number; span: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const series of demand) {
    const m = series.minutes;
    if (m.length === 0) continue;
    first = Math.min(first, m[0] ?? first);
    last = Math.max(last, m[m.length - 5] ?? last);
  }
  return Number.isFinite(first) ? { start: first, span: last - first + 1 } : { start: 0, span: 0 };
}

export function capacityOf(input: CapacityInput): OptionCapacity[] {
  // Options on one side with one profile place traffic alike (direct and direct-batch, say): their pools,
  // minutes and checks are computed once. A pool's name carries its provider, model and profile.
  const placed = new Map<string, Pools>();
  const checks = new Map<string, PoolCapacity>();
  return input.options.map((option) => {
    // A policy option's traffic is split by its routing policy: route --dry-run with quotas checks it.
    if (option.kind === "policy") return { option: option.id, pools: [] };
    const placement = `${sideOf(option.kind)}|${option.inference_profile ?? "global"}`;
    let pools = placed.get(placement);
    if (!pools) {
      pools = poolMinutes(option, input);
      placed.set(placement, pools);
    }
    const sizing = option.provisioned ? sizePool(option, pools, input) : undefined;
    const checked = [...pools]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, pool]) => {
        let check = checks.get(name);
        if (!check) {
          check = checkPool(name, pool.price, option, pool.minutes, input);
          checks.set(name, check);
        }
        return check;
      });
    return { option: option.id, pools: checked, ...(sizing && { sizing }) };
  });
}

type Pools = Map<string, { price: ModelPrice; minutes: PoolMinutes }>;

/** The provisioned model's units for its peak (or p99) minute, from the scenario's per-unit limits. */
function sizePool(
  option: DeploymentOption,
  pools: Pools,
  input: CapacityInput,
): (PtSizing & { model: string }) | undefined {
  const settings = option.provisioned;
  if (!settings) return undefined;
  const pool = [...pools.values()].find(
    (p) => p.price.model === settings.model || p.price.aliases.includes(settings.model),
  );
  const hourly = pool?.price.provisioned?.perUnitHour[settings.commitment];
  if (!pool || hourly === undefined) return undefined;
  if (input.bucketed)
    return {
      model: pool.price.model,
      sized: false,
      reason: "pre-aggregated traffic has no per-minute shape",
    };
  const minutes = [...pool.minutes.values()].map((m) => ({
    input: m.input * input.peakScale,
    output: m.output * input.peakScale,
  }));
  const sizing = sizeProvisioned({
    minutes,
    unitInputTpm: settings.unit_input_tpm,
    unitOutputTpm: settings.unit_output_tpm,
    percentile: settings.size_for === "p99" ? 0.99 : 1,
    hourlyUsd: hourly,
    hoursPerMonth: settings.hours_per_month,
    monthScale: input.monthScale / input.peakScale,
    onDemand: { input: pool.price.rates.input, output: pool.price.rates.output },
  });
  return { model: pool.price.model, ...sizing };
}

function poolMinutes(option: DeploymentOption, input: CapacityInput): Pools {
  const side = sideOf(option.kind);
  const pools: Pools = new Map();
  const window = windowOf(input.demand);
  for (const series of input.demand) {
    const placement = input.mapper.place(series.model, series.provider, side);
    if (placement.kind !== "priced") continue;
    const price = placement.price;
    const ratio = placement.tokenRatio;
    const key = poolName(price, option);
    let pool = pools.get(key);
    if (!pool) {
      pool = { price, minutes: new PoolMinutes(window.start, window.span) };
      pools.set(key, pool);
    }
    const minutes = pool.minutes;
    forEachMinute(series, (minute, requests, inputTokens, output, cacheRead) =>
      minutes.add(minute, requests, inputTokens * ratio, output * ratio, cacheRead * ratio),
    );
  }
  return pools;
}

function poolName(price: ModelPrice, option: DeploymentOption): string {
  const base = `${price.provider}/${price.model}`;
  return price.provider === "bedrock" ? `${base}@${option.inference_profile ?? "global"}` : base;
}

function quotaFor(price: ModelPrice, option: DeploymentOption, input: CapacityInput): PoolQuota {
  const base = input.bundled.length > 0 ? bundledQuota(price, input.bundled) : unknownQuota();
  const profile = option.inference_profile ?? "global";
  const stated = input.stated.find(
    (q) =>
      q.provider === price.provider &&
      (q.model === price.model || price.aliases.includes(q.model)) &&
      (q.inference_profile === undefined || price.provider !== "bedrock" || q.inference_profile === profile),
  );
  return stated ? withStated(base, stated, input.statedSource) : base;
}

function checkPool(
  name: string,
  price: ModelPrice,
  option: DeploymentOption,
  minutes: PoolMinutes,
  input: CapacityInput,
): PoolCapacity {
  const quota = quotaFor(price, option, input);
  // Typed arrays sized to the minutes with traffic: a window of a million minutes must not cost a growing
  // array of boxed numbers per limit.
  const count = minutes.withTraffic();
  const series = {
    rpm: new Float64Array(count),
    tpm: new Float64Array(count),
    itpm: new Float64Array(count),
    otpm: new Float64Array(count),
  };
  let total = { requests: 0, tpm: 0, itpm: 0, otpm: 0 };
  let i = 0;
  for (const m of minutes.values()) {
    const counted = quotaInput(m.input, m.cacheRead, quota);
    const tokens = quotaTokens({ requests: m.requests, input: counted, output: m.output }, quota);
    series.rpm[i] = m.requests;
    series.tpm[i] = tokens;
    series.itpm[i] = counted;
    series.otpm[i] = m.output;
    i++;
    total = {
      requests: total.requests + m.requests,
      tpm: total.tpm + tokens,
      itpm: total.itpm + counted,
      otpm: total.otpm + m.output,
    };
  }
  const basis: PoolCapacity["basis"] = !input.bucketed
    ? "observed"
    : input.bucketed.peakFactor !== null
      ? "peak_factor"
      : "unknown";
  const peakOf = (key: keyof typeof series, sum: number): { peak: number | null; p99: number | null } => {
    if (basis === "unknown" || !input.bucketed) {
      if (basis === "unknown") return { peak: null, p99: null };
      const values = series[key];
      if (values.some(Number.isNaN)) return { peak: null, p99: null };
      return {
        peak: values.reduce((max, v) => Math.max(max, v), 0) * input.peakScale,
        p99: values.length ? percentile(values, 0.99) * input.peakScale : 0,
      };
    }
    const average = (sum * input.bucketed.monthScale) / MINUTES_PER_MONTH;
    const peak = Number.isNaN(average) ? null : average * (input.bucketed.peakFactor ?? 0);
    return { peak, p99: peak };
  };
  const check = (key: keyof typeof series, sum: number): LimitCheck => {
    const { peak, p99 } = peakOf(key, sum);
    const figure = quota[key];
    return {
      peak,
      p99,
      quota: figure.value,
      source: figure.source,
      increaseNeeded:
        typeof figure.value === "number" && peak !== null ? Math.max(0, peak - figure.value) : null,
    };
  };
  const rpm = check("rpm", total.requests);
  const tpm = check("tpm", total.tpm);
  const itpm = check("itpm", total.itpm);
  const otpm = check("otpm", total.otpm);
  return {
    pool: name,
    provider: price.provider,
    model: price.model,
    rpm,
    tpm,
    itpm,
    otpm,
    outputBurndown: quota.outputBurndown.value,
    cacheReadsCount: quota.cacheReadsCount,
    fits: fitsQuota(rpm, tpm, itpm, otpm),
    basis,
  };
}

/**
 * Does the plan fit: false when any numeric limit is exceeded; null when a limit the provider enforces is
 * unknown (rpm unless "none"; the token side needs tpm, or both itpm and otpm); true otherwise.
 */
function fitsQuota(rpm: LimitCheck, tpm: LimitCheck, itpm: LimitCheck, otpm: LimitCheck): boolean | null {
  const all = [rpm, tpm, itpm, otpm];
  if (all.some((c) => c.increaseNeeded !== null && c.increaseNeeded > 0)) return false;
  const known = (c: LimitCheck) => typeof c.quota === "number" && c.peak !== null;
  const rpmOk = rpm.quota === "none" || known(rpm);
  const tokensOk =
    tpm.quota === "none" ||
    known(tpm) ||
    ((itpm.quota === "none" || known(itpm)) && (otpm.quota === "none" || known(otpm)));
  return rpmOk && tokensOk ? true : null;
}

/** Options whose plan does not fit some quota (the verdict names them). */
export function optionsThatDoNotFit(capacity: readonly OptionCapacity[]): string[] {
  return capacity.filter((o) => o.pools.some((p) => p.fits === false)).map((o) => o.option);
}

/** Nearest-rank percentile of the values (minutes with traffic). */
function percentile(values: Float64Array, p: number): number {
  // A typed array sorts numerically without a comparator: 10x faster on a month of minutes.
  const sorted = values.slice().sort();
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? 0;
}
