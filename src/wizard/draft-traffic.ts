// A described workload as traffic: one pre-aggregated row per use case holding a month of its requests.
// The same rows feed the projection the wizard shows and the CSV it writes, and the CSV has no timestamps,
// so `llmcost project` takes it as one month and reproduces the shown numbers exactly.
import { DAYS_PER_MONTH } from "../traffic/profile.js";
import type { TrafficRow } from "../traffic/row.js";
import type { DescribedWorkload } from "./answers-schema.js";

const DRAFT_TRAFFIC_COLUMNS = [
  "provider",
  "model",
  "region",
  "use_case",
  "requests",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "requires_compliance",
  "latency_budget_ms",
] as const;

/** A use case whose share of the month rounds to no request at all. */
export class EmptyUseCaseProblem {
  constructor(
    readonly index: number,
    readonly message: string,
  ) {}
}

/**
 * Rows of a month: requests = round(requests per day x 30.4375 x share); cache reads = round(input x cached
 * share). Token columns are per request and whole, as the traffic reader requires.
 */
export function draftTrafficRows(
  workload: DescribedWorkload,
  region: string,
  providerOf: (model: string) => string,
): TrafficRow[] | EmptyUseCaseProblem {
  const rows: TrafficRow[] = [];
  for (const [index, useCase] of workload.use_cases.entries()) {
    const requests = Math.round(workload.requests_per_day * DAYS_PER_MONTH * (useCase.share_percent / 100));
    if (requests < 1) {
      return new EmptyUseCaseProblem(
        index,
        `use case "${useCase.name}" gets ${useCase.share_percent}% of ${workload.requests_per_day} requests a day: less than one request a month`,
      );
    }
    rows.push({
      row: index + 1,
      provider: providerOf(useCase.model),
      model: useCase.model,
      region,
      useCase: useCase.name,
      inputTokens: useCase.input_tokens,
      outputTokens: useCase.output_tokens,
      cacheReadTokens: Math.round(useCase.input_tokens * (useCase.cached_percent / 100)),
      cacheWriteTokens: 0,
      requests,
      requiresCompliance: useCase.requires_compliance,
      requiresLatest: false,
      latencyBudgetMs: useCase.latency_budget_ms,
      meta: {},
    });
  }
  return rows;
}

/** The rows as a traffic CSV. Values are ids and whole numbers the wizard validated: nothing to quote. */
export function trafficCsv(rows: readonly TrafficRow[]): string {
  const lines = rows.map((row) =>
    [
      row.provider ?? "",
      row.model,
      row.region ?? "",
      row.useCase ?? "",
      row.requests,
      row.inputTokens,
      row.outputTokens,
      row.cacheReadTokens,
      row.requiresCompliance,
      row.latencyBudgetMs ?? "",
    ].join(","),
  );
  return `${[DRAFT_TRAFFIC_COLUMNS.join(","), ...lines].join("\n")}\n`;
}
