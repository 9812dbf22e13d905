// Which option the report names as cheapest: the one function every verdict, tip, growth month and sensitivity
// search asks, so a rule about which options may win (compliance) is written once.

/** An option's monthly cost at some volume or set of assumptions. */
export interface OptionCost {
  id: string;
  monthlyCostUsd: number;
}

/** The lowest monthly cost (the first listed wins a tie); null when there is no option. */
export function cheapestOption(costs: readonly OptionCost[]): string | null {
  let best: OptionCost | undefined;
  for (const cost of costs) if (!best || cost.monthlyCostUsd < best.monthlyCostUsd) best = cost;
  return best?.id ?? null;
}
