// The scenario's `retrieval:` block: how the model gets its context (vector RAG, prompt enhancement, none),
// for which use cases, and every driver of each strategy's cost. Part of the scenario zod schema.
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "expected a lower-case id (letters, digits, . _ -)");
const nonNegative = z.number().nonnegative();
const fraction = z.number().min(0).max(1);
const source = z.string().min(1).describe("where the price comes from (a URL and date), or the reasoning");

/** The embedding model each side calls (Anthropic has no embeddings API: the direct side names another). */
const embeddingModels = z
  .strictObject({
    direct: z.string().min(1).describe("embedding model the direct side calls, e.g. text-embedding-3-small"),
    bedrock: z.string().min(1).describe("embedding model on Bedrock, e.g. amazon.titan-embed-text-v1"),
  })
  .describe("embedding model per side, priced from the catalog (a model without a price is unknown)");

/** OpenSearch Serverless (or a Bedrock Knowledge Base on it): OCU-hours all month plus managed storage. */
const ocuStore = {
  ocus: z
    .number()
    .positive()
    .describe("OCUs billed all month: the floor (indexing + search) or more; state which minimum applies"),
  usd_per_ocu_hour: nonNegative,
  storage_gb: nonNegative.default(0),
  usd_per_gb_month: nonNegative.default(0),
  usd_per_1k_queries: nonNegative.default(0),
  source,
};

const storeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("opensearch-serverless"), ...ocuStore }),
  z.strictObject({ kind: z.literal("knowledge-base"), ...ocuStore }),
  z.strictObject({
    kind: z.literal("stated"),
    label: z.string().min(1).describe("what the store is, e.g. RDS Postgres + pgvector"),
    usd_per_month: nonNegative,
    usd_per_1k_queries: nonNegative.default(0),
    source,
  }),
]);
export type VectorStore = z.infer<typeof storeSchema>;

const rerankerSchema = z.union([
  z.strictObject({
    model: z.string().min(1).describe("a rerank model the catalog prices per 1,000 queries"),
  }),
  z.strictObject({ usd_per_1k_queries: nonNegative, source }),
]);

/** Share of the context billed from the prompt cache: a stable block can be cached, per-query chunks rarely. */
const contextCacheShare = fraction
  .default(0)
  .describe(
    "share of the added context tokens read from the prompt cache (cache writes: 1 per cache_reads_per_write reads)",
  );

const vectorStrategy = z.strictObject({
  id,
  kind: z.literal("vector"),
  label: z.string().optional(),
  embedding: embeddingModels,
  query_tokens: nonNegative.describe("tokens embedded per query"),
  corpus_tokens_per_month: nonNegative.describe("corpus tokens (re)embedded a month at ingestion"),
  chunks: nonNegative.describe("chunks retrieved per query and added to the prompt"),
  tokens_per_chunk: nonNegative,
  context_cache_read_share: contextCacheShare,
  query_cache_share: fraction
    .default(0)
    .describe("share of queries whose retrieval is served from a cache (no embedding, search or rerank)"),
  reranker: rerankerSchema.optional(),
  store: storeSchema,
});

const promptEnhancementStrategy = z.strictObject({
  id,
  kind: z.literal("prompt-enhancement"),
  label: z.string().optional(),
  context_tokens: nonNegative.describe("context tokens a database lookup adds per request"),
  context_cache_read_share: contextCacheShare,
  database: z.strictObject({ usd_per_month: nonNegative, source }),
});

const noneStrategy = z.strictObject({ id, kind: z.literal("none"), label: z.string().optional() });

const strategySchema = z.discriminatedUnion("kind", [
  vectorStrategy,
  promptEnhancementStrategy,
  noneStrategy,
]);
export type RetrievalStrategy = z.infer<typeof strategySchema>;

export const retrievalSchema = z
  .strictObject({
    /** Use cases the strategies apply to, and how many of each one's LOGGED prompt tokens are already
     * retrieved context (each strategy replaces that amount with its own). */
    use_cases: z
      .record(
        z.string().min(1),
        z.strictObject({
          retrieved_context_tokens: nonNegative.describe(
            "of the logged prompt tokens per request, how many are retrieved context (billed uncached)",
          ),
        }),
      )
      .refine((cases) => Object.keys(cases).length > 0, "name at least one use case"),
    /** The strategy the logged traffic uses: tips price the others against it. */
    current: id.optional().describe("the strategy the logged traffic uses (default: the first)"),
    strategies: z.array(strategySchema).min(1),
  })
  .superRefine((retrieval, context) => {
    const ids = new Set<string>();
    retrieval.strategies.forEach((strategy, index) => {
      if (ids.has(strategy.id)) {
        context.addIssue({
          code: "custom",
          path: ["strategies", index, "id"],
          message: `duplicate strategy id "${strategy.id}"`,
        });
      }
      ids.add(strategy.id);
    });
    if (retrieval.current !== undefined && !ids.has(retrieval.current)) {
      context.addIssue({
        code: "custom",
        path: ["current"],
        message: `"${retrieval.current}" is not a strategy id (${[...ids].join(", ")})`,
      });
    }
  });
export type Retrieval = z.infer<typeof retrievalSchema>;
