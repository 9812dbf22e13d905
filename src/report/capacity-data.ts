// The capacity section's JSON shape (options[].capacity, docs/report-formats.md): per option and per model,
// the peak against the quota, whether it fits and the increase it would need.
import type { LimitCheck, OptionCapacity, PoolCapacity } from "../cost/capacity.js";
import type { QuotaFigure } from "../cost/quota.js";
import { roundUsd } from "./numbers.js";

/** A quota figure in JSON: the number, "none" (not enforced, per the source) or null (unknown). */
function quotaJson(figure: QuotaFigure): number | "none" | null {
  return figure === "unknown" ? null : figure;
}

const round = (n: number | null) => (n === null ? null : Math.round(n));

function limitJson(check: LimitCheck) {
  return {
    peak: round(check.peak),
    p99: round(check.p99),
    quota: quotaJson(check.quota),
    source: check.source,
  };
}

function capacityRowJson(pool: PoolCapacity) {
  return {
    pool: pool.pool,
    model: pool.model,
    provider: pool.provider,
    basis: pool.basis,
    peak_rpm: round(pool.rpm.peak),
    peak_quota_tpm: round(pool.tpm.peak),
    p99_rpm: round(pool.rpm.p99),
    p99_quota_tpm: round(pool.tpm.p99),
    quota_rpm: quotaJson(pool.rpm.quota),
    quota_tpm: quotaJson(pool.tpm.quota),
    output_burndown: pool.outputBurndown === "unknown" ? null : pool.outputBurndown,
    cache_reads_count: pool.cacheReadsCount,
    fits: pool.fits,
    increase_needed: {
      rpm: round(pool.rpm.increaseNeeded),
      tpm: round(pool.tpm.increaseNeeded),
      itpm: round(pool.itpm.increaseNeeded),
      otpm: round(pool.otpm.increaseNeeded),
    },
    limits: {
      rpm: limitJson(pool.rpm),
      tpm: limitJson(pool.tpm),
      itpm: limitJson(pool.itpm),
      otpm: limitJson(pool.otpm),
    },
  };
}

export type CapacityRowJson = ReturnType<typeof capacityRowJson>;

/** The rows of one option, or [] when capacity was not computed for it. */
export function optionCapacityJson(
  capacity: readonly OptionCapacity[] | undefined,
  option: string,
): CapacityRowJson[] {
  return capacity?.find((c) => c.option === option)?.pools.map(capacityRowJson) ?? [];
}

/** options[].provisioned_sizing: null for options without provisioned units. */
export function provisionedSizingJson(capacity: readonly OptionCapacity[] | undefined, option: string) {
  const sizing = capacity?.find((c) => c.option === option)?.sizing;
  if (!sizing) return null;
  if (!sizing.sized) return { model: sizing.model, sized: false as const, reason: sizing.reason };
  return {
    model: sizing.model,
    sized: true as const,
    model_units: sizing.units,
    sized_for_input_tpm: Math.round(sizing.sizedFor.input),
    sized_for_output_tpm: Math.round(sizing.sizedFor.output),
    utilization_input: sizing.utilization.input,
    utilization_output: sizing.utilization.output,
    hours_per_month: sizing.hoursPerMonth,
    provisioned_monthly_usd: roundUsd(sizing.provisionedMonthlyUsd),
    overflow_monthly_usd: roundUsd(sizing.overflowMonthlyUsd),
    total_monthly_usd: roundUsd(sizing.totalMonthlyUsd),
    on_demand_monthly_usd: roundUsd(sizing.onDemandMonthlyUsd),
  };
}
