// The projection the wizard shows: the same pipeline as `llmcost project` on the files the wizard writes,
// so rerunning that command reproduces it.

import { projectProfile } from "../commands/project-report.js";
import type { PricingCatalog } from "../cost/catalog.js";
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
