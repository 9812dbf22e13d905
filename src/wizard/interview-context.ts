// What the interview is given: the catalog, the default stack, and readers of traffic CSVs. The wizard's
// runner builds it (context.ts); scripted tests build their own.
import type { ModelCatalog } from "../cost/model-map.js";

/** What the interview needs to know of a traffic CSV; `lines` are printed as its summary. */
export interface TrafficOverview {
  lines: string[];
  useCases: string[];
}

export interface InterviewContext {
  catalog: ModelCatalog;
  /** The default scenario's Bedrock model map: the first suggestion for each direct model. */
  defaultModelMap: Readonly<Record<string, string>>;
  defaultBatchable: readonly string[];
  /** The infrastructure line items of the default stack, one line each, shown before they are edited. */
  infraSummary: readonly string[];
  /** Reads a traffic CSV (throws an InputError when it cannot); the interview prints the lines. */
  inspectTraffic(file: string): Promise<TrafficOverview>;
  /** Direct models the traffic of a CSV is logged against (for the model map). */
  trafficModels(file: string): Promise<string[]>;
}
