// The slice of a traffic profile the cost code reads: buckets of requests that share a model, a use case and
// a prompt band, with exact token sums. (src/traffic/profile.ts builds these from a CSV.)
import type { PricingMode } from "./price.js";
import type { TokenCounts } from "./request-cost.js";

export interface TrafficBucket {
  provider?: string;
  model: string;
  region?: string;
  useCase?: string;
  requiresCompliance: boolean;
  requiresLatest: boolean;
  /** These requests failed: they are billed by the tokens their log says were consumed (often none). */
  failed?: boolean;
  /** Largest long-context threshold the per-request prompt strictly exceeds (0 when none, or unknown);
   * for rows of token totals, the mean prompt per request. */
  promptAbove: number;
  /** The service tier the log says these requests used; absent = standard. */
  serviceTier?: PricingMode;
  /** The log says whether the prompts were in the long-context tier (`context_tier`); absent = decided
   * by `promptAbove`. */
  longContext?: boolean;
  /** Rows of token totals without a request count: `requests` counts none of theirs. */
  requestsUnknown?: boolean;
  requests: number;
  tokens: TokenCounts;
  /** The values of the metadata keys the profile keeps apart (`--group-by meta.<key>`); absent when none is
   * asked for. An absent or empty cell is "". */
  meta?: Readonly<Record<string, string>>;
  /** Plausibility witnesses the profile keeps (src/pipeline/plausibility.ts): the largest prompt of one
   * request (a total row's mean) and its row; requests without a token that did not fail, and the first
   * such row. */
  largestPrompt?: { tokens: number; row: number };
  zeroTokens?: { requests: number; row: number };
}

export interface TrafficMix {
  requests: number;
  tokens: TokenCounts;
  buckets: readonly TrafficBucket[];
}

export function addTokens(into: TokenCounts, tokens: TokenCounts): void {
  into.input += tokens.input;
  into.output += tokens.output;
  into.cacheRead += tokens.cacheRead;
  into.cacheWrite += tokens.cacheWrite;
  const oneHour = tokens.cacheWrite1h ?? 0;
  if (oneHour !== 0 || into.cacheWrite1h !== undefined)
    into.cacheWrite1h = (into.cacheWrite1h ?? 0) + oneHour;
}

export function emptyTokens(): TokenCounts {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };
}
