// The verdict, the answer before the detail: which option, what it costs, by how much it wins, and what would
// change that. A pure function of report data (snake_case, as the JSON prints it), so any part of the report can
// feed it another line.
import { roundUsd } from "./numbers.js";

interface VerdictOption {
  id: string;
  monthly_cost_usd: number;
  per_request_usd: number | null;
  /** Share of the observed requests the option prices. */
  priced_share: number;
}

interface VerdictBreakeven {
  a: string;
  b: string;
  crossings: readonly number[];
}

interface VerdictTip {
  id: string;
  option: string;
  title: string;
  monthly_saving_usd: number;
}

interface VerdictFlip {
  assumption: string;
  base: number;
  flips_at: number | null;
  new_cheapest: string | null;
}

export interface VerdictInput {
  /** The option the report names cheapest; null when none may be named. */
  cheapest: string | null;
  /** Monthly requests the costs are for. */
  requests: number;
  /** The options that may be named cheapest (the runner-up is the cheapest of the others). */
  options: readonly VerdictOption[];
  /** The run's compliance regime and the cheapest option violations or not; null without a regime. */
  compliance: { label: string; cheapest_any: string } | null;
  breakeven: readonly VerdictBreakeven[];
  tips: readonly VerdictTip[];
  /** Nearest flip first (as the report lists them). */
  sensitivity: readonly VerdictFlip[];
  incomplete: boolean;
  reasons: readonly string[];
  /** Options whose plan does not fit its quotas at the peak minute (capacity sections). */
  doesNotFit?: readonly string[];
}

/** |ln(a / b)|; infinite when either is 0. */
function ratioApart(a: number, b: number): number {
  const ratio = a / b;
  return ratio > 0 && Number.isFinite(ratio) ? Math.abs(Math.log(ratio)) : Number.POSITIVE_INFINITY;
}

export function buildVerdict(input: VerdictInput) {
  const winner = input.options.find((o) => o.id === input.cheapest);
  const runnerUp = [...input.options]
    .filter((o) => o.id !== winner?.id)
    .sort((a, b) => a.monthly_cost_usd - b.monthly_cost_usd)[0];
  const crossings = input.breakeven.flatMap((pair) =>
    pair.a === winner?.id || pair.b === winner?.id
      ? pair.crossings.map((at) => ({ option: pair.a === winner?.id ? pair.b : pair.a, at }))
      : [],
  );
  const nearestCrossing = crossings.sort(
    (x, y) => ratioApart(x.at, input.requests) - ratioApart(y.at, input.requests),
  )[0];
  const biggestTip = [...input.tips].sort((a, b) => b.monthly_saving_usd - a.monthly_saving_usd)[0];
  const nearestFlip = input.sensitivity.find((entry) => entry.flips_at !== null);
  return {
    cheapest: winner?.id ?? null,
    incomplete: input.incomplete,
    reasons: [...input.reasons],
    /** The regime, and the cheapest option when violations are allowed (differs from `cheapest` when that one violates). */
    compliance: input.compliance
      ? {
          label: input.compliance.label,
          cheapest_any: input.compliance.cheapest_any,
        }
      : null,
    /** Options whose plan does not fit its known quotas at the peak minute (issue 15). */
    does_not_fit: [...(input.doesNotFit ?? [])],
    monthly_requests: input.requests,
    monthly_cost_usd: winner?.monthly_cost_usd ?? null,
    per_request_usd: winner?.per_request_usd ?? null,
    /** Share of the observed requests the cheapest option prices (1: all of them). */
    priced_share: winner?.priced_share ?? null,
    runner_up:
      winner && runnerUp
        ? {
            option: runnerUp.id,
            monthly_cost_usd: runnerUp.monthly_cost_usd,
            margin_usd: roundUsd(runnerUp.monthly_cost_usd - winner.monthly_cost_usd),
            /** The margin as a share of the runner-up's cost: what choosing the cheapest saves. */
            margin_share:
              runnerUp.monthly_cost_usd > 0
                ? (runnerUp.monthly_cost_usd - winner.monthly_cost_usd) / runnerUp.monthly_cost_usd
                : null,
          }
        : null,
    nearest_breakeven: nearestCrossing
      ? { option: nearestCrossing.option, requests_per_month: nearestCrossing.at }
      : null,
    biggest_tip: biggestTip
      ? {
          id: biggestTip.id,
          option: biggestTip.option,
          title: biggestTip.title,
          monthly_saving_usd: biggestTip.monthly_saving_usd,
        }
      : null,
    nearest_flip: nearestFlip
      ? {
          assumption: nearestFlip.assumption,
          base: nearestFlip.base,
          flips_at: nearestFlip.flips_at,
          new_cheapest: nearestFlip.new_cheapest,
        }
      : null,
  };
}

export type Verdict = ReturnType<typeof buildVerdict>;
