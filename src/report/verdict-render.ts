// The verdict as at most five lines of text: what the table, markdown and html reports open with (and `--brief`
// prints alone).
import { formatCount, formatPercent, formatUsd, formatUsdPerRequest, formatValue } from "./numbers.js";
import type { Verdict } from "./verdict-data.js";

/** At most five lines: the winner and its cost, its margin, the nearest breakeven, the biggest tip, the nearest flip. */
export function verdictLines(verdict: Verdict): string[] {
  const winner = verdict.cheapest;
  if (winner === null || verdict.monthly_cost_usd === null)
    return [
      verdict.compliance
        ? `No option is compliant with ${verdict.compliance.label}; ${verdict.compliance.cheapest_any} is cheapest overall.${incomplete(verdict)}`
        : `Cheapest: no option can be named.${incomplete(verdict)}`,
    ];
  const perRequest =
    verdict.per_request_usd === null ? "unknown" : formatUsdPerRequest(verdict.per_request_usd);
  const priced = verdict.priced_share === null ? "" : `, ${formatPercent(verdict.priced_share)} priced`;
  const lines = [
    `Cheapest: ${winner} at ${formatUsd(verdict.monthly_cost_usd)} a month, ${perRequest} a request${priced}.${violates(verdict)}${overQuota(verdict)}${incomplete(verdict)}`,
  ];
  const runnerUp = verdict.runner_up;
  lines.push(
    runnerUp
      ? `  Margin: ${formatUsd(runnerUp.margin_usd)} a month${runnerUp.margin_share === null ? "" : ` (${formatPercent(runnerUp.margin_share)})`} under the runner-up, ${runnerUp.option} (${formatUsd(runnerUp.monthly_cost_usd)}).`
      : "  Margin: no other option to compare.",
  );
  const crossing = verdict.nearest_breakeven;
  lines.push(
    crossing
      ? `  Breakeven with ${crossing.option} at ${formatCount(crossing.requests_per_month)} requests a month (now ${formatCount(verdict.monthly_requests)}).`
      : `  Breakeven: no other option crosses ${winner} at any volume.`,
  );
  const tip = verdict.biggest_tip;
  lines.push(
    tip
      ? `  Biggest tip: ${formatUsd(tip.monthly_saving_usd)} a month: ${withoutAsides(tip.title)}.`
      : "  Biggest tip: none saves a cent.",
  );
  const flip = verdict.nearest_flip;
  lines.push(
    flip && flip.flips_at !== null
      ? `  Flip: ${flip.new_cheapest ?? "no option"} if ${flip.assumption} = ${formatValue(flip.flips_at)} (now ${formatValue(flip.base)}).`
      : "  Flip: no assumption changes the winner within a tenth to ten times its value.",
  );
  return lines;
}

function violates(verdict: Verdict): string {
  const regime = verdict.compliance;
  return regime && regime.cheapest_any !== verdict.cheapest
    ? ` ${regime.cheapest_any} costs less but violates ${regime.label}.`
    : "";
}

function overQuota(verdict: Verdict): string {
  return verdict.cheapest !== null && verdict.does_not_fit.includes(verdict.cheapest)
    ? " It does not fit its quotas at the peak minute (see Capacity)."
    : "";
}

function incomplete(verdict: Verdict): string {
  return verdict.incomplete ? " Incomplete: some traffic has no price (see below)." : "";
}

/** A tip's title without its parenthesised assumptions (the tips table keeps them). */
function withoutAsides(title: string): string {
  return title.replace(/ \([^)]*\)/g, "");
}
