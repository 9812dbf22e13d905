// The slice of a traffic profile the cost code reads: buckets of requests that share a model, a use case and
// a prompt band, with exact token sums. (src/traffic/profile.ts builds these from a CSV.)
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
  /** Largest long-context threshold the per-request prompt strictly exceeds (0 when none). */
  promptAbove: number;
  requests: number;
  tokens: TokenCounts;
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
}

export function emptyTokens(): TokenCounts {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
}
