// A TrafficRow as a line of llmcost's canonical CSV, the inverse of the CSV reader: every canonical column,
// then the metadata columns, so that reading the line back gives the same row (`llmcost convert`). Absent
// values are empty cells, which the reader takes as their defaults; times are ISO 8601 UTC with
// milliseconds. Pure; papaparse quotes cells.
import Papa from "papaparse";
import { canonicalColumnOf } from "./columns.js";
import { TRAFFIC_COLUMNS, type TrafficColumn, type TrafficRow } from "./row.js";

/** A metadata key as its column name: one that reads as a canonical column (a name or an alias such as
 * `feature`) gets a `meta.` prefix, which the reader strips. */
function metaColumnName(key: string): string {
  return canonicalColumnOf(key) === undefined && key.trim() === key ? key : `meta.${key}`;
}

export function canonicalHeader(metaKeys: readonly string[]): string {
  return line([...TRAFFIC_COLUMNS, ...metaKeys.map(metaColumnName)]);
}

export function canonicalLine(row: TrafficRow, metaKeys: readonly string[]): string {
  const cells = TRAFFIC_COLUMNS.map((column) => cellOf(row, column));
  for (const key of metaKeys) cells.push(Object.hasOwn(row.meta, key) ? (row.meta[key] ?? "") : "");
  return line(cells);
}

function line(cells: string[]): string {
  return `${Papa.unparse([cells], { header: false, newline: "\n" })}\n`;
}

const time = (ms: number | undefined): string => (ms === undefined ? "" : new Date(ms).toISOString());
const count = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? "" : String(n));
const text = (value: string | undefined): string => value ?? "";

function cellOf(row: TrafficRow, column: TrafficColumn): string {
  switch (column) {
    case "timestamp":
      return time(row.timestamp);
    case "bucket_end":
      return time(row.bucketEnd);
    case "request_id":
      return text(row.requestId);
    case "provider":
      return text(row.provider);
    case "model":
      return row.model;
    case "region":
      return text(row.region);
    case "use_case":
      return text(row.useCase);
    case "input_tokens":
      return String(row.inputTokens);
    case "output_tokens":
      return String(row.outputTokens);
    case "cache_read_tokens":
      return String(row.cacheReadTokens);
    case "cache_write_tokens":
      return String(row.cacheWriteTokens);
    case "cache_write_1h_tokens":
      return String(row.cacheWrite1hTokens ?? 0);
    case "requests":
      return count(row.requests);
    case "token_basis":
      return row.tokenBasis === "total" ? "total" : "per_request";
    case "service_tier":
      return row.serviceTier ?? "standard";
    case "context_tier":
      return text(row.contextTier);
    case "kind":
      return text(row.kind);
    case "latency_ms":
      return count(row.latencyMs);
    case "status":
      return text(row.status);
    case "requires_compliance":
      return row.requiresCompliance ? "true" : "false";
    case "latency_budget_ms":
      return count(row.latencyBudgetMs);
    case "cost_sensitivity":
      return text(row.costSensitivity);
    case "requires_latest":
      return row.requiresLatest ? "true" : "false";
  }
}
