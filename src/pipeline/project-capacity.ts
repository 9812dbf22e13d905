// Capacity for `project`: the profile's per-minute demand against the bundled and stated quotas, and the
// assumptions the section rests on (how peaks are scaled, what a pre-aggregated file cannot say).

import { capacityOf, type OptionCapacity, optionsThatDoNotFit } from "../cost/capacity.js";
import type { PricingCatalog } from "../cost/catalog.js";
import { ModelMapper } from "../cost/model-map.js";
import { BUNDLED_QUOTAS } from "../cost/quota-catalog.js";
import type { LoadedScenario } from "../io/scenario-load.js";
import { DAYS_PER_MONTH, type TrafficProfile } from "../traffic/profile.js";

export function projectCapacity(
  profile: TrafficProfile,
  loaded: LoadedScenario,
  catalog: PricingCatalog,
  monthScale: number,
  monthlyRequests: number | undefined,
): { capacity: OptionCapacity[]; assumptions: string[] } {
  const scenario = loaded.scenario;
  const bucketed = profile.weightedRows || profile.bucketEnds;
  const peakFactor = scenario.capacity?.peak_factor ?? null;
  const days = profile.window.days;
  // Observed minutes are real peaks: scaled only when --monthly-requests rescales the volume.
  const peakScale =
    monthlyRequests !== undefined && days > 0 && profile.requests > 0
      ? monthlyRequests / ((profile.requests * DAYS_PER_MONTH) / days)
      : 1;
  const capacity = capacityOf({
    options: scenario.options,
    demand: profile.minuteDemand ?? [],
    mapper: new ModelMapper(catalog, scenario.model_map),
    bundled: BUNDLED_QUOTAS,
    stated: scenario.quotas,
    statedSource: loaded.isDefault ? "scenario (bundled default)" : loaded.file,
    peakScale,
    bucketed: bucketed ? { monthScale, peakFactor } : undefined,
    monthScale,
  });
  const assumptions = [
    bucketed
      ? peakFactor !== null
        ? `Capacity: pre-aggregated traffic has no per-minute shape; the peak minute is the month's average minute x ${peakFactor} (capacity.peak_factor).`
        : "Capacity: pre-aggregated traffic has no per-minute shape, so peaks are unknown; state capacity.peak_factor in the scenario to size against quotas."
      : peakScale === 1
        ? "Capacity: peaks are the observed busiest UTC minute per quota pool (and the 99th percentile of minutes with traffic), not scaled."
        : `Capacity: observed per-minute peaks are scaled x${peakScale.toFixed(4)} for --monthly-requests (N / (observed requests x ${DAYS_PER_MONTH} / window days)).`,
    "Capacity: quota tokens are input + output x output_burndown (cache reads left out where the provider leaves them out); Bedrock reserves input + max_tokens when a request starts, so counting the actual output tokens is a simplification that understates the reservation.",
  ];
  const overQuota = optionsThatDoNotFit(capacity);
  if (overQuota.length > 0)
    assumptions.push(
      `Capacity: the plan for ${overQuota.join(", ")} does not fit its quotas at the peak minute (see the capacity sections for the increase needed).`,
    );
  return { capacity, assumptions };
}
