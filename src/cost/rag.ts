// Each retrieval strategy priced under each deployment option, for the traffic of the retrieval use cases:
// the logged prompts with their retrieved context swapped for the strategy's, embedding and rerank calls,
// the vector store and the database. Every figure is a cost curve over requests a month. Pure: no I/O.
import { type CostCurve, evaluateCurve } from "./cost-curve.js";
import { type ModelCatalog, type ModelMapper, sideOf } from "./model-map.js";
import { costOptionTokens } from "./option-cost.js";
import { HOURS_PER_MONTH } from "./provisioned.js";
import type { Retrieval, RetrievalStrategy, VectorStore } from "./rag-schema.js";
import { ScenarioProblem } from "./scenario-problem.js";
import type { DeploymentOption, Scenario } from "./scenario-schema.js";
import { addTokens, emptyTokens, type TrafficBucket, type TrafficMix } from "./traffic-mix.js";

/** Monthly USD by cost driver; null when a price is unknown (never $0). They add up to the monthly cost. */
export interface RagComponents {
  /** The requests' tokens with the logged retrieved context taken out (what "none" costs). */
  tokensWithoutRetrievalUsd: number | null;
  /** The strategy's added context tokens, cache reads and writes included. */
  contextTokensUsd: number | null;
  queryEmbeddingUsd: number | null;
  corpusEmbeddingUsd: number | null;
  rerankUsd: number | null;
  /** Fixed store cost: OCU-hours + storage, or the stated monthly price. */
  storeUsd: number;
  storeQueriesUsd: number;
  databaseUsd: number;
}

interface RagOptionCost {
  option: string;
  components: RagComponents;
  /** Null when some component is unknown. */
  curve: CostCurve | null;
  monthlyCostUsd: number | null;
  perRequestUsd: number | null;
  /** Why the cost is unknown (missing prices, unplaced models). */
  unknown: string[];
}

export interface RagStrategyCost {
  strategy: RetrievalStrategy;
  options: RagOptionCost[];
}

/** Prices strategies on options for the retrieval use cases' traffic (token costs at the option's prices). */
export interface RagPricer {
  /** Requests a month of the retrieval use cases at today's volume. */
  monthlyRequests: number;
  options: readonly DeploymentOption[];
  /** Token cost per retrieval request when each carries `contextTokens` of context instead of the logged
   * retrieved context, `cacheShare` of it from the prompt cache. */
  tokenCost(option: DeploymentOption, contextTokens: number, cacheShare: number): TokenCostResult;
  price(strategy: RetrievalStrategy, option: DeploymentOption, contextOverride?: number): RagOptionCost;
}

type TokenCostResult = { perRequestUsd: number } | { unknown: string[] };

export interface RagInput {
  scenario: Scenario;
  retrieval: Retrieval;
  mix: TrafficMix;
  /** Monthly requests / observed requests. */
  scale: number;
  mapper: ModelMapper;
  catalog: ModelCatalog;
}

/** The traffic of the retrieval use cases, each bucket checked to hold its stated retrieved context. */
function retrievalMix(retrieval: Retrieval, mix: TrafficMix): TrafficMix {
  const buckets = mix.buckets.filter((b) => b.useCase !== undefined && b.useCase in retrieval.use_cases);
  for (const useCase of Object.keys(retrieval.use_cases)) {
    if (!buckets.some((b) => b.useCase === useCase)) {
      throw new ScenarioProblem(
        ["retrieval", "use_cases", useCase],
        `no logged request has use case "${useCase}"`,
      );
    }
  }
  for (const bucket of buckets) {
    if (bucket.failed) continue;
    const retrieved = retrievedTokens(retrieval, bucket);
    const uncached =
      (bucket.tokens.input - bucket.tokens.cacheRead - bucket.tokens.cacheWrite) / bucket.requests;
    if (bucket.requests > 0 && uncached < retrieved) {
      throw new ScenarioProblem(
        ["retrieval", "use_cases", bucket.useCase ?? "", "retrieved_context_tokens"],
        `${retrieved} retrieved context tokens per request exceed the ${Math.floor(uncached)} uncached input tokens per request logged for use case "${bucket.useCase}" on ${bucket.model}`,
      );
    }
  }
  const tokens = emptyTokens();
  for (const bucket of buckets) addTokens(tokens, bucket.tokens);
  return { requests: buckets.reduce((sum, b) => sum + b.requests, 0), tokens, buckets };
}

function retrievedTokens(retrieval: Retrieval, bucket: TrafficBucket): number {
  return (bucket.useCase && retrieval.use_cases[bucket.useCase]?.retrieved_context_tokens) || 0;
}

/**
 * The retrieval requests with the logged retrieved context (billed uncached) replaced by `context` tokens
 * a request, `cacheShare` of them from the prompt cache: `readsPerWrite` reads for each write.
 */
function withContext(
  retrieval: Retrieval,
  mix: TrafficMix,
  context: number,
  cacheShare: number,
  readsPerWrite: number,
): TrafficMix {
  const cached = context * cacheShare;
  const write = cached / (readsPerWrite + 1);
  const buckets = mix.buckets.map((bucket) => {
    // A failed request is billed by the tokens its log says were consumed, whatever the strategy.
    if (bucket.failed) return bucket;
    const n = bucket.requests;
    const t = bucket.tokens;
    return {
      ...bucket,
      tokens: {
        input: t.input + n * (context - retrievedTokens(retrieval, bucket)),
        output: t.output,
        cacheRead: t.cacheRead + n * (cached - write),
        cacheWrite: t.cacheWrite + n * write,
      },
    };
  });
  return { ...mix, buckets };
}

export function ragPricer(input: RagInput): RagPricer {
  const { scenario, retrieval, mapper, catalog } = input;
  const mix = retrievalMix(retrieval, input.mix);
  const monthlyRequests = mix.requests * input.scale;
  const options = scenario.options.filter((o) => o.kind !== "policy");
  const readsPerWrite = scenario.tips.cache_reads_per_write;
  const tokenCost = (option: DeploymentOption, context: number, cacheShare: number): TokenCostResult => {
    const cost = costOptionTokens(
      option,
      scenario,
      withContext(retrieval, mix, context, cacheShare, readsPerWrite),
      mapper,
    );
    if (cost.unplaced.length > 0) return { unknown: cost.unplaced.map((u) => `${u.model}: ${u.reason}`) };
    return { perRequestUsd: mix.requests === 0 ? 0 : cost.costUsd / mix.requests };
  };
  const pricer: RagPricer = {
    monthlyRequests,
    options,
    tokenCost,
    price: (strategy, option, contextOverride) =>
      priceStrategy(strategy, option, pricer, catalog, contextOverride),
  };
  return pricer;
}

/** Context tokens a strategy adds per request: chunks x tokens per chunk, the enhancement block, or none. */
export function contextTokensOf(strategy: RetrievalStrategy): number {
  if (strategy.kind === "vector") return strategy.chunks * strategy.tokens_per_chunk;
  if (strategy.kind === "prompt-enhancement") return strategy.context_tokens;
  return 0;
}

function priceStrategy(
  strategy: RetrievalStrategy,
  option: DeploymentOption,
  pricer: RagPricer,
  catalog: ModelCatalog,
  contextOverride?: number,
): RagOptionCost {
  const unknown: string[] = [];
  const perRequest = (result: TokenCostResult): number | null => {
    if ("unknown" in result) {
      unknown.push(...result.unknown.filter((u) => !unknown.includes(u)));
      return null;
    }
    return result.perRequestUsd;
  };
  const cacheShare = strategy.kind === "none" ? 0 : strategy.context_cache_read_share;
  const base = perRequest(pricer.tokenCost(option, 0, 0));
  const withContext = perRequest(
    pricer.tokenCost(option, contextOverride ?? contextTokensOf(strategy), cacheShare),
  );
  const context = base === null || withContext === null ? null : withContext - base;
  const drivers = strategyDrivers(strategy, option, catalog, unknown);
  const n = pricer.monthlyRequests;
  const components: RagComponents = {
    tokensWithoutRetrievalUsd: base === null ? null : base * n,
    contextTokensUsd: context === null ? null : context * n,
    queryEmbeddingUsd: drivers.queryEmbedding === null ? null : drivers.queryEmbedding * n,
    corpusEmbeddingUsd: drivers.corpusEmbedding,
    rerankUsd: drivers.rerank === null ? null : drivers.rerank * n,
    storeUsd: drivers.storeFixed,
    storeQueriesUsd: drivers.storeQueries * n,
    databaseUsd: drivers.database,
  };
  const perRequestParts = [base, context, drivers.queryEmbedding, drivers.rerank];
  const known = (x: number | null): x is number => x !== null;
  const curve =
    perRequestParts.every(known) && known(drivers.corpusEmbedding)
      ? {
          fixed: drivers.corpusEmbedding + drivers.storeFixed + drivers.database,
          perRequest: perRequestParts.reduce((sum, x) => sum + x, 0) + drivers.storeQueries,
          hinges: [],
        }
      : null;
  const monthly = curve === null ? null : evaluateCurve(curve, n);
  return {
    option: option.id,
    components,
    curve,
    monthlyCostUsd: monthly,
    perRequestUsd: monthly === null || n === 0 ? null : monthly / n,
    unknown,
  };
}

interface Drivers {
  /** USD per request (after the query cache); null when unknown. */
  queryEmbedding: number | null;
  rerank: number | null;
  storeQueries: number;
  /** USD a month. */
  corpusEmbedding: number | null;
  storeFixed: number;
  database: number;
}

function strategyDrivers(
  strategy: RetrievalStrategy,
  option: DeploymentOption,
  catalog: ModelCatalog,
  unknown: string[],
): Drivers {
  if (strategy.kind === "none") {
    return { queryEmbedding: 0, rerank: 0, storeQueries: 0, corpusEmbedding: 0, storeFixed: 0, database: 0 };
  }
  if (strategy.kind === "prompt-enhancement") {
    return {
      queryEmbedding: 0,
      rerank: 0,
      storeQueries: 0,
      corpusEmbedding: 0,
      storeFixed: 0,
      database: strategy.database.usd_per_month,
    };
  }
  const searched = 1 - strategy.query_cache_share;
  const embeddingPerToken = embeddingPrice(strategy.embedding[sideOf(option.kind)], catalog, unknown);
  return {
    queryEmbedding: embeddingPerToken === null ? null : searched * strategy.query_tokens * embeddingPerToken,
    corpusEmbedding: embeddingPerToken === null ? null : strategy.corpus_tokens_per_month * embeddingPerToken,
    rerank: rerankPerQuery(strategy, catalog, unknown, searched),
    storeQueries: (searched * strategy.store.usd_per_1k_queries) / 1000,
    storeFixed: storeMonthlyUsd(strategy.store),
    database: 0,
  };
}

/** OCU-hours all month plus managed storage, or the stated monthly price. */
function storeMonthlyUsd(store: VectorStore): number {
  if (store.kind === "stated") return store.usd_per_month;
  return store.ocus * HOURS_PER_MONTH * store.usd_per_ocu_hour + store.storage_gb * store.usd_per_gb_month;
}

/** USD per embedded token at the catalog's input price; null (unknown) when the catalog has none. */
function embeddingPrice(model: string, catalog: ModelCatalog, unknown: string[]): number | null {
  const resolved = catalog.resolve(model);
  if (!resolved) {
    const reason = catalog.unpricedReason?.(model) ?? "not in the pricing catalog";
    unknown.push(`embedding model ${model}: ${reason}`);
    return null;
  }
  return resolved.price.rates.input / 1e6;
}

function rerankPerQuery(
  strategy: Extract<RetrievalStrategy, { kind: "vector" }>,
  catalog: ModelCatalog,
  unknown: string[],
  searched: number,
): number | null {
  const reranker = strategy.reranker;
  if (reranker === undefined) return 0;
  if ("usd_per_1k_queries" in reranker) return (searched * reranker.usd_per_1k_queries) / 1000;
  const per1k = catalog.resolve(reranker.model)?.price.per1kQueries;
  if (per1k === undefined) {
    unknown.push(`rerank model ${reranker.model}: no per-query price in the catalog`);
    return null;
  }
  return (searched * per1k) / 1000;
}

/** Every strategy under every option that is not a policy (a policy's traffic is split by its replay). */
export function priceStrategies(pricer: RagPricer, retrieval: Retrieval): RagStrategyCost[] {
  return retrieval.strategies.map((strategy) => ({
    strategy,
    options: pricer.options.map((option) => pricer.price(strategy, option)),
  }));
}
