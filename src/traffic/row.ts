// One validated traffic row: a logged request, or `requests` identical requests when pre-aggregated.
// Token columns are per request (or, with `token_basis` total, totals over the row's requests); `input`
// includes cached tokens (cache reads and both cache writes).
import type { PricingMode } from "../cost/price.js";

/** Canonical traffic columns, in documentation order. Only `model`, `input_tokens`, `output_tokens` are required. */
export const TRAFFIC_COLUMNS = [
  "timestamp",
  "bucket_end",
  "request_id",
  "provider",
  "model",
  "region",
  "use_case",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "cache_write_1h_tokens",
  "requests",
  "token_basis",
  "service_tier",
  "context_tier",
  "kind",
  "latency_ms",
  "status",
  "requires_compliance",
  "latency_budget_ms",
  "cost_sensitivity",
  "requires_latest",
] as const;
export type TrafficColumn = (typeof TRAFFIC_COLUMNS)[number];

/** Columns holding numbers and booleans; every other canonical column is text (or the timestamp). */
export const NUMERIC_COLUMNS = [
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "cache_write_1h_tokens",
  "requests",
  "latency_ms",
  "latency_budget_ms",
] as const satisfies readonly TrafficColumn[];
export const BOOLEAN_COLUMNS = [
  "requires_compliance",
  "requires_latest",
] as const satisfies readonly TrafficColumn[];

/** Free-text fields of a row; a reader keeps only the ones asked for (see ColumnChoice in columns.ts). */
export const TEXT_FIELDS = [
  "requestId",
  "provider",
  "region",
  "useCase",
  "status",
  "costSensitivity",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** `token_basis`: the token columns are one request's figures (`per-request`, the default) or totals over
 * the row's `requests` requests (`total`, a usage report's bucket). */
export type TokenBasis = "per-request" | "total";

/** `context_tier`: the source says whether the prompt was in the model's long-context tier (Anthropic's
 * usage report `context_window`); `undefined` leaves it to the prompt size. */
export type ContextTier = "standard" | "long";

/** `kind`: what the source says the request was (OpenTelemetry's `embeddings` operation); undefined when
 * it does not say. Prices still come from the catalog's model. */
export type RequestKind = "chat" | "embedding";

/** A row as consumers see it. Optional fields may be absent or hold `undefined`: readers that hand out one
 * reused object per batch keep every field present (so its shape never changes) and say how long the
 * object stays valid; rows built one by one simply leave absent fields out. */
export interface TrafficRow {
  /** 1-based data row number (the header is row 0), for error messages and traces. */
  row: number;
  /** Milliseconds since the epoch, UTC. */
  timestamp?: number | undefined;
  /** A pre-aggregated row's span ends here (epoch ms, UTC): the observed window runs to the last one. */
  bucketEnd?: number | undefined;
  requestId?: string | undefined;
  provider?: string | undefined;
  model: string;
  region?: string | undefined;
  useCase?: string | undefined;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** 1-hour cache writes (part of `inputTokens`); `cacheWriteTokens` holds the 5-minute ones. Absent = 0. */
  cacheWrite1hTokens?: number | undefined;
  /** Weight of a pre-aggregated row (default 1); NaN when unknown (token basis total, empty `requests`). */
  requests: number;
  /** Absent = per-request. */
  tokenBasis?: TokenBasis | undefined;
  /** Absent = standard. */
  serviceTier?: PricingMode | undefined;
  /** Absent = decided by the prompt size. */
  contextTier?: ContextTier | undefined;
  kind?: RequestKind | undefined;
  latencyMs?: number | undefined;
  status?: string | undefined;
  requiresCompliance: boolean;
  latencyBudgetMs?: number | undefined;
  /** e.g. `high`, `medium`, `low` — free text, compared by routing conditions. */
  costSensitivity?: string | undefined;
  requiresLatest: boolean;
  /** The status says the request failed (traffic/status.ts); absent means it did not. */
  failed?: boolean | undefined;
  /** Every kept non-canonical column, by header name (routing reads them as `meta.<column>`). */
  meta: Record<string, string>;
}
