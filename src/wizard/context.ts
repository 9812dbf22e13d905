// The wizard's view of its inputs for the interview: the catalog, the default stack, and traffic CSVs read
// once each (the interview reads a CSV to summarise it; the projection reuses that profile).

import type { PricingCatalog } from "../cost/catalog.js";
import { modelMapIds } from "../cost/model-map.js";
import type { LoadedScenario } from "../io/scenario-load.js";
import { longContextThresholds } from "../pipeline/project.js";
import { formatUnitPrice } from "../report/numbers.js";
import type { TrafficProfile } from "../traffic/profile.js";
import { profileSources } from "../traffic/profile-traffic.js";
import { openTrafficInputs } from "../traffic/read-sources.js";
import type { InterviewContext } from "./interview-context.js";
import { directModelsIn } from "./plan.js";
import { trafficOverview } from "./traffic-overview.js";

export interface WizardContext extends InterviewContext {
  catalog: PricingCatalog;
  readProfile(file: string): Promise<TrafficProfile>;
}

export function interviewContext(catalog: PricingCatalog, base: LoadedScenario): WizardContext {
  const { scenario } = base;
  const profiles = new Map<string, TrafficProfile>();
  const readProfile = async (file: string): Promise<TrafficProfile> => {
    const known = profiles.get(file);
    if (known) return known;
    const { profile } = await profileSources(await openTrafficInputs([file]), {
      longContextThresholds: longContextThresholds(catalog),
      modelMap: new Map(),
    });
    profiles.set(file, profile);
    return profile;
  };
  return {
    catalog,
    readProfile,
    defaultModelMap: modelMapIds(scenario.model_map.bedrock),
    defaultBatchable: scenario.batchable_use_cases,
    infraSummary: scenario.infra.map(
      (item) =>
        `${item.label}: ${formatUnitPrice(item.unit_price_usd)} per ${item.unit} (${item.applies_to.filter((t) => t !== "bedrock-provisioned").join(", ")})`,
    ),
    inspectTraffic: async (file) => trafficOverview(file, await readProfile(file)),
    trafficModels: async (file) => [...directModelsIn(catalog, (await readProfile(file)).buckets).keys()],
  };
}
