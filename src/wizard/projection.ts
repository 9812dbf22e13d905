// The projection the wizard shows: the same pipeline as `llmcost project` on the files the wizard writes,
// so rerunning that command reproduces it.

import type { PricingCatalog } from "../cost/catalog.js";
import { projectProfile } from "../pipeline/project.js";
import type { ProjectionReport } from "../report/projection-data.js";
import type { WizardPlan } from "./plan.js";

export function projectPlan(plan: WizardPlan, catalog: PricingCatalog): ProjectionReport {
  return projectProfile({
    profile: plan.profile,
    loaded: plan.scenario,
    catalog,
    trafficFile: plan.trafficFile,
  }).report;
}
