// One row's validated values in a record the reader reuses for every row: the profile adds it straight
// into its buckets and the route readers copy it straight into batch columns, with no TrafficRow object
// per row in between (see docs/performance.md, "The reader's hot path"). Every field is always present,
// so the record keeps one shape; absent numbers are NaN (a number field that never holds undefined stays
// an unboxed double) and absent texts undefined.

import type { PricingMode } from "../cost/price.js";
import { nameRecord } from "../own-key.js";
import type { KeptColumns } from "./columns.js";
import { type ContextTier, type RequestKind, TEXT_FIELDS, type TokenBasis, type TrafficRow } from "./row.js";

export class RowValues {
  row = 0;
  model = "";
  inputTokens = 0;
  outputTokens = 0;
  cacheReadTokens = 0;
  /** 5-minute cache writes. */
  cacheWriteTokens = 0;
  /** 1-hour cache writes. */
  cacheWrite1hTokens = 0;
  /** NaN when unknown: a row of token totals whose source has no request count. */
  requests = 1;
  tokenBasis: TokenBasis = "per-request";
  serviceTier: PricingMode = "standard";
  /** Undefined: decided by the prompt size. */
  contextTier: ContextTier | undefined = undefined;
  kind: RequestKind | undefined = undefined;
  requiresCompliance = false;
  requiresLatest = false;
  /** The status says the request failed (traffic/status.ts). */
  failed = false;
  /** The status is a value llmcost does not know (billed like a success, reported). */
  unknownStatus = false;
  /** Epoch milliseconds; NaN when the cell is empty or the column absent. */
  timestamp = Number.NaN;
  /** End of a pre-aggregated row's span (epoch ms); NaN when absent. */
  bucketEnd = Number.NaN;
  latencyMs = Number.NaN;
  latencyBudgetMs = Number.NaN;
  /** Texts the reader was not asked to keep stay undefined. */
  requestId: string | undefined = undefined;
  provider: string | undefined = undefined;
  region: string | undefined = undefined;
  useCase: string | undefined = undefined;
  status: string | undefined = undefined;
  costSensitivity: string | undefined = undefined;
  /** Interned values' numbers (see Interner.id), -1 when absent or passed through: model, provider,
   * region, use case, status, cost sensitivity. */
  readonly textIds = new Int32Array(6).fill(-1);
  /** Names of the kept metadata columns. */
  readonly metaNames: readonly string[];
  /** Cells of the kept metadata columns, in the order of `metaNames`, as found (not trimmed). */
  readonly meta: string[];

  constructor(kept: KeptColumns) {
    this.metaNames = kept.meta.map((column) => column.name);
    this.meta = this.metaNames.map(() => "");
  }

  /** A fresh TrafficRow, absent fields left out, keys always in the same order. */
  toTrafficRow(): TrafficRow {
    const { metaNames } = this;
    const traffic: TrafficRow = {
      row: this.row,
      model: this.model,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      cacheReadTokens: this.cacheReadTokens,
      cacheWriteTokens: this.cacheWriteTokens,
      requests: this.requests,
      requiresCompliance: this.requiresCompliance,
      requiresLatest: this.requiresLatest,
      meta: metaNames.length === 0 ? NO_META : nameRecord<string>(),
    };
    if (this.cacheWrite1hTokens !== 0) traffic.cacheWrite1hTokens = this.cacheWrite1hTokens;
    if (this.tokenBasis !== "per-request") traffic.tokenBasis = this.tokenBasis;
    if (this.serviceTier !== "standard") traffic.serviceTier = this.serviceTier;
    if (this.contextTier !== undefined) traffic.contextTier = this.contextTier;
    if (this.kind !== undefined) traffic.kind = this.kind;
    if (this.failed) traffic.failed = true;
    if (!Number.isNaN(this.timestamp)) traffic.timestamp = this.timestamp;
    if (!Number.isNaN(this.bucketEnd)) traffic.bucketEnd = this.bucketEnd;
    if (!Number.isNaN(this.latencyMs)) traffic.latencyMs = this.latencyMs;
    if (!Number.isNaN(this.latencyBudgetMs)) traffic.latencyBudgetMs = this.latencyBudgetMs;
    // TEXT_FIELDS order is the key order of the rows.
    for (const key of TEXT_FIELDS) {
      const value = this[key];
      if (value !== undefined) traffic[key] = value;
    }
    for (let m = 0; m < metaNames.length; m++) traffic.meta[metaNames[m] ?? ""] = this.meta[m] ?? "";
    return traffic;
  }
}

const NO_META: Record<string, string> = Object.freeze(nameRecord<string>());
