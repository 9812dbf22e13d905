// One validated traffic row: a logged request, or `requests` identical requests when pre-aggregated.
// Token columns are per request; `input` includes cached tokens (cache reads and cache writes).

/** Canonical traffic columns, in documentation order. Only `model`, `input_tokens`, `output_tokens` are required. */
export const TRAFFIC_COLUMNS = [
  "timestamp",
  "request_id",
  "provider",
  "model",
  "region",
  "use_case",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "requests",
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
  "requests",
  "latency_ms",
  "latency_budget_ms",
] as const satisfies readonly TrafficColumn[];
export const BOOLEAN_COLUMNS = [
  "requires_compliance",
  "requires_latest",
] as const satisfies readonly TrafficColumn[];

export interface TrafficRow {
  /** 1-based data row number (the header is row 0), for error messages and traces. */
  row: number;
  /** Milliseconds since the epoch, UTC. */
  timestamp?: number;
  requestId?: string;
  provider?: string;
  model: string;
  region?: string;
  useCase?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Weight of a pre-aggregated row (default 1). */
  requests: number;
  latencyMs?: number;
  status?: string;
  requiresCompliance: boolean;
  latencyBudgetMs?: number;
  /** e.g. `high`, `medium`, `low` — free text, compared by routing conditions. */
  costSensitivity?: string;
  requiresLatest: boolean;
  /** Every non-canonical column, by header name (routing reads them as `meta.<column>`). */
  meta: Record<string, string>;
}

/** A row as the replay reads it: the optional fields may also hold `undefined` instead of being absent,
 * so one row object can be reused for every row of a batch (same shape each time, nothing allocated per
 * row). Every `TrafficRow` is one. Readers that hand these out say how long the object stays valid. */
export type TrafficRowView = Omit<
  TrafficRow,
  | "timestamp"
  | "requestId"
  | "provider"
  | "region"
  | "useCase"
  | "latencyMs"
  | "status"
  | "latencyBudgetMs"
  | "costSensitivity"
> & {
  timestamp?: number | undefined;
  requestId?: string | undefined;
  provider?: string | undefined;
  region?: string | undefined;
  useCase?: string | undefined;
  latencyMs?: number | undefined;
  status?: string | undefined;
  latencyBudgetMs?: number | undefined;
  costSensitivity?: string | undefined;
};
