// One traffic row for tests: a single request of 1,000 tokens in and 100 out on gpt-4o, row 1, no
// timestamp, provider or metadata, unless overridden. Tests spell out what they vary.
import type { TrafficRow } from "../../src/traffic/row.js";

export function trafficRow(overrides: Partial<TrafficRow> = {}): TrafficRow {
  return {
    row: 1,
    model: "gpt-4o",
    inputTokens: 1000,
    outputTokens: 100,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    requests: 1,
    requiresCompliance: false,
    requiresLatest: false,
    meta: {},
    ...overrides,
  };
}
