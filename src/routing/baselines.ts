// The "every request on one target" baselines. Price is linear in tokens within a long-context band, so
// instead of pricing every request on every target (a fifth of the replay's time), exact token sums are
// kept per target and band (input above the target's long-context threshold or not) and priced once at
// the end, as the profile does for `project`. Token sums are integers, exact below 2^53.
import { type PricingContext, STANDARD, tokenCostUsd } from "../cost/request-cost.js";
import type { TrafficRow } from "../traffic/row.js";
import type { RouteTarget } from "./policy.js";

export type BaselineRow = Pick<
  TrafficRow,
  "inputTokens" | "outputTokens" | "cacheReadTokens" | "cacheWriteTokens" | "requests" | "tokenBasis"
>;

/** Per target and band: input, output, cache read, cache write token sums. */
const SUMS = 4;
const BANDS = 2;

export class SingleTargetBaselines {
  private readonly sums: Float64Array;
  private readonly contexts: PricingContext[];
  /** Per target, the prompt length above which its long-context band applies (Infinity: none), read per
   * row and target without going through the price object. */
  private readonly longAbove: Float64Array;

  constructor(private readonly targets: readonly RouteTarget[]) {
    this.sums = new Float64Array(targets.length * BANDS * SUMS);
    this.longAbove = Float64Array.from(targets, (t) =>
      t.price.longContext === undefined ? Number.POSITIVE_INFINITY : t.price.longContext.thresholdTokens,
    );
    this.contexts = targets.map((t) => (t.scope ? { mode: "standard", scope: t.scope } : STANDARD));
  }

  add(row: BaselineRow): void {
    // A row of totals counts once; its long-context band is its mean prompt.
    const total = row.tokenBasis === "total";
    const weight = total ? 1 : row.requests;
    const prompt = total ? row.inputTokens / row.requests : row.inputTokens;
    const input = row.inputTokens * weight;
    const output = row.outputTokens * weight;
    const cacheRead = row.cacheReadTokens * weight;
    const cacheWrite = row.cacheWriteTokens * weight;
    const sums = this.sums;
    const longAbove = this.longAbove;
    for (let t = 0; t < longAbove.length; t++) {
      // Same test as isLongContext (prompt above the threshold), from the precomputed thresholds.
      const long = prompt > (longAbove[t] ?? Number.POSITIVE_INFINITY);
      const at = (t * BANDS + (long ? 1 : 0)) * SUMS;
      sums[at] = (sums[at] ?? 0) + input;
      sums[at + 1] = (sums[at + 1] ?? 0) + output;
      sums[at + 2] = (sums[at + 2] ?? 0) + cacheRead;
      sums[at + 3] = (sums[at + 3] ?? 0) + cacheWrite;
    }
  }

  /** Cost of every request on target `t`, each band priced at its own rates. */
  costUsd(t: number): number {
    const target = this.targets[t];
    if (target === undefined) return 0;
    let total = 0;
    for (let band = 0; band < BANDS; band++) {
      const at = (t * BANDS + band) * SUMS;
      const tokens = {
        input: this.sums[at] ?? 0,
        output: this.sums[at + 1] ?? 0,
        cacheRead: this.sums[at + 2] ?? 0,
        cacheWrite: this.sums[at + 3] ?? 0,
      };
      if (tokens.input + tokens.output === 0) continue;
      total += tokenCostUsd(target.price, tokens, this.contexts[t] ?? STANDARD, band === 1);
    }
    return total;
  }
}
