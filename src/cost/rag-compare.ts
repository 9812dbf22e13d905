// The RAG decision: each strategy's cost per option, where strategies break even, the chunk count or
// context size at which the cheaper one flips, and what switching saves today. Pure: no I/O.
import { type Breakeven, breakeven } from "./breakeven.js";
import { type ModelCatalog, ModelMapper, type Side } from "./model-map.js";
import { contextTokensOf, priceStrategies, type RagPricer, type RagStrategyCost, ragPricer } from "./rag.js";
import type { Retrieval, RetrievalStrategy } from "./rag-schema.js";
import type { Scenario } from "./scenario-schema.js";
import type { TrafficMix } from "./traffic-mix.js";

/** Where a strategy's cost driver would have to be for the cheaper retrieval strategy to change. */
interface RagFlip {
  option: string;
  strategy: string;
  /** `chunks` (vector) or `context_tokens` (prompt enhancement). */
  assumption: "chunks" | "context_tokens";
  base: number;
  /** The value at which the costs meet; null when no value of it flips the cheaper strategy. */
  flipsAt: number | null;
  /** The strategy that is cheapest past the flip. */
  newCheapest: string | null;
}

interface RagTip {
  option: string;
  strategy: string;
  insteadOf: string;
  monthlySavingUsd: number;
}

export interface RagAnalysis {
  useCases: string[];
  /** Requests a month of the retrieval use cases: the axis of breakeven and per-request figures. */
  monthlyRequests: number;
  /** The strategy the logged traffic uses. */
  current: string;
  strategies: RagStrategyCost[];
  /** Between retrieval strategies (not the `none` baseline), per option. */
  breakeven: (Breakeven & { option: string })[];
  /** Cheapest retrieval strategy per option at today's volume (null when none is priced). */
  cheapest: { option: string; strategy: string | null }[];
  sensitivity: RagFlip[];
  tips: RagTip[];
  /** Options not priced here (policy options), with the reason. */
  skipped: { option: string; reason: string }[];
  /** The catalog price of each embedding model a vector strategy names, with its source and date. */
  embeddingPrices: EmbeddingPrice[];
}

interface EmbeddingPrice {
  strategy: string;
  side: Side;
  model: string;
  /** The catalog entry, or null when the catalog does not price the model (its cost is unknown). */
  key: string | null;
  usdPerMillion: number | null;
  source: string | null;
  asOf: string | null;
}

export interface RagAnalysisInput {
  scenario: Scenario;
  retrieval: Retrieval;
  mix: TrafficMix;
  /** Monthly requests / observed requests (the whole mix scales alike). */
  scale: number;
  catalog: ModelCatalog;
}

/** Strategies that give the model context: the `none` baseline is shown, never a contender. */
function contenders(strategies: readonly RagStrategyCost[]): RagStrategyCost[] {
  return strategies.filter((s) => s.strategy.kind !== "none");
}

export function analyzeRetrieval(input: RagAnalysisInput): RagAnalysis {
  const pricer = ragPricer({ ...input, mapper: new ModelMapper(input.catalog, input.scenario.model_map) });
  const strategies = priceStrategies(pricer, input.retrieval);
  const rivals = contenders(strategies);
  const current = input.retrieval.current ?? rivals[0]?.strategy.id ?? strategies[0]?.strategy.id ?? "";
  const cheapest = pricer.options.map((option) => ({
    option: option.id,
    strategy: cheapestAt(rivals, option.id)?.id ?? null,
  }));
  return {
    useCases: Object.keys(input.retrieval.use_cases),
    monthlyRequests: pricer.monthlyRequests,
    current,
    strategies,
    breakeven: pricer.options.flatMap((option) => pairs(rivals, option.id)),
    cheapest,
    sensitivity: pricer.options.flatMap((option) => flips(pricer, rivals, option.id)),
    tips: pricer.options.flatMap((option) => tipFor(rivals, option.id, current)),
    skipped: input.scenario.options
      .filter((o) => o.kind === "policy")
      .map((o) => ({
        option: o.id,
        reason: "a policy option's traffic is split by its replay; retrieval strategies are priced per side",
      })),
    embeddingPrices: embeddingPricesOf(input.retrieval, input.catalog),
  };
}

function embeddingPricesOf(retrieval: Retrieval, catalog: ModelCatalog): EmbeddingPrice[] {
  return retrieval.strategies.flatMap((strategy) => {
    if (strategy.kind !== "vector") return [];
    return (["direct", "bedrock"] as const).map((side) => {
      const model = strategy.embedding[side];
      const price = catalog.resolve(model)?.price;
      return {
        strategy: strategy.id,
        side,
        model,
        key: price?.key ?? null,
        usdPerMillion: price?.rates.input ?? null,
        source: price?.source ?? null,
        asOf: price?.asOf ?? null,
      };
    });
  });
}

function costOn(strategy: RagStrategyCost, option: string) {
  return strategy.options.find((o) => o.option === option);
}

function cheapestAt(
  strategies: readonly RagStrategyCost[],
  option: string,
  except?: string,
): { id: string; monthly: number } | null {
  let best: { id: string; monthly: number } | null = null;
  for (const s of strategies) {
    const monthly = costOn(s, option)?.monthlyCostUsd;
    if (s.strategy.id === except || monthly === null || monthly === undefined) continue;
    if (best === null || monthly < best.monthly) best = { id: s.strategy.id, monthly };
  }
  return best;
}

function pairs(strategies: readonly RagStrategyCost[], option: string): (Breakeven & { option: string })[] {
  const priced = strategies.flatMap((s) => {
    const curve = costOn(s, option)?.curve;
    return curve ? [{ id: s.strategy.id, curve }] : [];
  });
  const result: (Breakeven & { option: string })[] = [];
  for (let i = 0; i < priced.length; i++) {
    for (let j = i + 1; j < priced.length; j++) {
      const [a, b] = [priced[i], priced[j]];
      if (a && b) result.push({ option, ...breakeven(a, b) });
    }
  }
  return result;
}

/** The unit a strategy's context is counted in, and how many context tokens one unit is. */
function contextUnit(
  strategy: RetrievalStrategy,
): { assumption: RagFlip["assumption"]; base: number; tokens: number } | null {
  if (strategy.kind === "vector")
    return { assumption: "chunks", base: strategy.chunks, tokens: strategy.tokens_per_chunk };
  if (strategy.kind === "prompt-enhancement")
    return { assumption: "context_tokens", base: strategy.context_tokens, tokens: 1 };
  return null;
}

/**
 * Each strategy's monthly cost is linear in its context (a + b x): solve for the x at which it meets the
 * cheapest other strategy (when it is the cheapest) or the cheapest one (when it is not). Other strategies
 * keep their costs.
 */
function flips(pricer: RagPricer, strategies: readonly RagStrategyCost[], optionId: string): RagFlip[] {
  const option = pricer.options.find((o) => o.id === optionId);
  const best = cheapestAt(strategies, optionId);
  if (!option || best === null || strategies.length < 2) return [];
  return strategies.flatMap((s) => {
    const unit = contextUnit(s.strategy);
    const monthly = costOn(s, optionId)?.monthlyCostUsd;
    if (unit === null || monthly === null || monthly === undefined) return [];
    const atZero = pricer.price(s.strategy, option, 0).monthlyCostUsd;
    const atOne = pricer.price(s.strategy, option, unit.tokens).monthlyCostUsd;
    if (atZero === null || atOne === null) return [];
    const slope = atOne - atZero;
    const isCheapest = best.id === s.strategy.id;
    const rival = isCheapest ? cheapestAt(strategies, optionId, s.strategy.id) : best;
    if (rival === null) return [];
    const flipsAt = slope > 0 ? (rival.monthly - atZero) / slope : null;
    const valid = flipsAt !== null && flipsAt >= 0;
    return [
      {
        option: optionId,
        strategy: s.strategy.id,
        assumption: unit.assumption,
        base: contextTokensOf(s.strategy) / unit.tokens,
        flipsAt: valid ? flipsAt : null,
        newCheapest: valid ? (isCheapest ? rival.id : s.strategy.id) : null,
      },
    ];
  });
}

function tipFor(strategies: readonly RagStrategyCost[], option: string, current: string): RagTip[] {
  const best = cheapestAt(strategies, option);
  const now = strategies.find((s) => s.strategy.id === current);
  const nowCost = now ? costOn(now, option)?.monthlyCostUsd : null;
  if (best === null || nowCost === null || nowCost === undefined || best.id === current) return [];
  const saving = nowCost - best.monthly;
  return saving > 0 ? [{ option, strategy: best.id, insteadOf: current, monthlySavingUsd: saving }] : [];
}
