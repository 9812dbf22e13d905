// The summary the wizard prints after reading a traffic CSV, so the architect sees what the numbers rest on.
import { formatCount } from "../report/numbers.js";
import type { TrafficProfile } from "../traffic/profile.js";
import type { TrafficOverview } from "./interview-context.js";

export function trafficOverview(file: string, profile: TrafficProfile): TrafficOverview {
  const { window, tokens } = profile;
  const span =
    window.start !== undefined && window.end !== undefined && window.days > 0
      ? `over ${window.days.toFixed(2)} days (${new Date(window.start).toISOString()} to ${new Date(window.end).toISOString()})`
      : "without a time span (taken as one month)";
  const requestsByModel = new Map<string, number>();
  const useCases = new Set<string>();
  for (const bucket of profile.buckets) {
    requestsByModel.set(bucket.model, (requestsByModel.get(bucket.model) ?? 0) + bucket.requests);
    if (bucket.useCase !== undefined) useCases.add(bucket.useCase);
  }
  const models = [...requestsByModel]
    .sort((a, b) => b[1] - a[1])
    .map(([model, requests]) => `${model} ${formatCount(requests)}`);
  const perRequest = (n: number) => (profile.requests === 0 ? 0 : Math.round(n / profile.requests));
  return {
    lines: [
      `Read ${file}: ${formatCount(profile.rows)} rows, ${formatCount(profile.requests)} requests ${span}`,
      `  models (requests): ${models.join(", ")}`,
      `  use cases: ${useCases.size ? [...useCases].sort().join(", ") : "(no use_case column)"}`,
      `  average tokens per request: ${formatCount(perRequest(tokens.input))} input (${formatCount(perRequest(tokens.cacheRead))} cache read), ${formatCount(perRequest(tokens.output))} output`,
    ],
    useCases: [...useCases].sort(),
  };
}
