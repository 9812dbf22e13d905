// The projection report's `rag` block (docs/report-formats.md): each retrieval strategy per option, with
// components that add up to its monthly cost, breakeven between strategies, flips and tips.

import { HOURS_PER_MONTH } from "../cost/provisioned.js";
import type { RagComponents } from "../cost/rag.js";
import type { RagAnalysis } from "../cost/rag-compare.js";
import type { Retrieval } from "../cost/rag-schema.js";
import { costCurveData } from "./cost-curve-data.js";
import { roundUsd } from "./numbers.js";

export type RagData = ReturnType<typeof buildRagData>;

function componentsData(c: RagComponents) {
  const round = (x: number | null) => (x === null ? null : roundUsd(x));
  return {
    tokens_without_retrieval_usd: round(c.tokensWithoutRetrievalUsd),
    context_tokens_usd: round(c.contextTokensUsd),
    query_embedding_usd: round(c.queryEmbeddingUsd),
    corpus_embedding_usd: round(c.corpusEmbeddingUsd),
    rerank_usd: round(c.rerankUsd),
    store_usd: round(c.storeUsd),
    store_queries_usd: round(c.storeQueriesUsd),
    database_usd: round(c.databaseUsd),
  };
}

/** The sum of the rounded components, so that they add up to it exactly; null when one is unknown. */
function monthlyOf(components: ReturnType<typeof componentsData>): number | null {
  const values = Object.values(components);
  if (values.some((v) => v === null)) return null;
  return roundUsd(values.reduce<number>((sum, v) => sum + (v ?? 0), 0));
}

export function buildRagData(rag: RagAnalysis, retrieval: Retrieval, cacheReadsPerWrite: number) {
  const requests = rag.monthlyRequests;
  return {
    use_cases: rag.useCases,
    /** Requests a month of the retrieval use cases: the axis of per-request figures and breakeven. */
    monthly_requests: Math.round(requests),
    current: rag.current,
    strategies: rag.strategies.map(({ strategy, options }) => ({
      id: strategy.id,
      kind: strategy.kind,
      label: strategy.label ?? strategy.id,
      context_tokens_per_request:
        strategy.kind === "vector"
          ? strategy.chunks * strategy.tokens_per_chunk
          : strategy.kind === "prompt-enhancement"
            ? strategy.context_tokens
            : 0,
      options: options.map((o) => {
        const components = componentsData(o.components);
        const monthly = monthlyOf(components);
        return {
          id: o.option,
          monthly_cost_usd: monthly,
          per_request_usd: monthly === null || requests === 0 ? null : roundUsd(monthly / requests),
          components,
          /** cost(N) over requests a month of the retrieval use cases; null when a price is unknown. */
          cost_curve: o.curve === null ? null : costCurveData(o.curve),
          unknown: o.unknown,
        };
      }),
    })),
    cheapest: rag.cheapest,
    breakeven: rag.breakeven.map((pair) => ({
      option: pair.option,
      a: pair.a,
      b: pair.b,
      requests_per_month: pair.requestsPerMonth,
      crossings: pair.crossings,
      cheaper_below: pair.cheaperBelow,
      cheaper_above: pair.cheaperAbove,
    })),
    sensitivity: rag.sensitivity.map((flip) => ({
      option: flip.option,
      strategy: flip.strategy,
      assumption: flip.assumption,
      base: flip.base,
      flips_at: flip.flipsAt,
      new_cheapest: flip.newCheapest,
    })),
    tips: rag.tips.map((tip) => ({
      option: tip.option,
      strategy: tip.strategy,
      instead_of: tip.insteadOf,
      monthly_saving_usd: roundUsd(tip.monthlySavingUsd),
    })),
    skipped_options: rag.skipped,
    assumptions: [
      ...ragAssumptions(retrieval, cacheReadsPerWrite),
      ...rag.embeddingPrices.map((p) =>
        p.key === null
          ? `RAG ${p.strategy}: ${p.side} embedding model ${p.model} has no price in the catalog: its cost is unknown`
          : `RAG ${p.strategy}: ${p.side} embeds with ${p.key} at $${p.usdPerMillion} per 1M tokens, dated ${p.asOf} (${p.source})`,
      ),
    ],
  };
}

/** What the RAG figures rest on, in the report's words (every driver is the scenario's). */
function ragAssumptions(retrieval: Retrieval, cacheReadsPerWrite: number): string[] {
  const lines = Object.entries(retrieval.use_cases).map(
    ([useCase, { retrieved_context_tokens }]) =>
      `RAG: ${retrieved_context_tokens} of each logged ${useCase} prompt's input tokens are retrieved context, billed uncached; each strategy replaces them with its own context`,
  );
  lines.push(
    `RAG: the share of a strategy's context read from the prompt cache (context_cache_read_share) is billed as cache reads, with one cache write per ${cacheReadsPerWrite} reads (tips.cache_reads_per_write)`,
    "RAG: per-request figures and breakeven count requests a month of the retrieval use cases; a request's long-context band stays as logged; failed requests keep their logged tokens",
    "RAG: embedding tokens at the catalog's input price of each side's embedding model; a model without a price makes the strategy's cost unknown",
  );
  for (const strategy of retrieval.strategies) {
    if (strategy.kind === "vector") {
      const store = strategy.store;
      lines.push(
        store.kind === "stated"
          ? `RAG ${strategy.id}: store ${store.label}, $${store.usd_per_month} a month (${store.source})`
          : `RAG ${strategy.id}: ${store.kind === "knowledge-base" ? "Knowledge Base on " : ""}OpenSearch Serverless, ${store.ocus} OCUs x ${HOURS_PER_MONTH} h x $${store.usd_per_ocu_hour} + ${store.storage_gb} GB x $${store.usd_per_gb_month} a month (${store.source}); the OCU floor is shared per AWS account and KMS key: collections under one key share it`,
      );
      if (strategy.query_cache_share > 0)
        lines.push(
          `RAG ${strategy.id}: ${(strategy.query_cache_share * 100).toFixed(0)}% of queries are served from a retrieval cache (no embedding, search or rerank)`,
        );
    }
    if (strategy.kind === "prompt-enhancement")
      lines.push(
        `RAG ${strategy.id}: database $${strategy.database.usd_per_month} a month (${strategy.database.source})`,
      );
  }
  return lines;
}
