// The RAG decision through the binary (issue 19): each retrieval strategy's monthly cost per option, the
// breakeven between strategies, the flip in context size and the tip, all worked out by hand below.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectLocatedError, runCli, runInProcess, tempFiles } from "../cli.js";

// Chat and embedding models we price ourselves. Bedrock's chat model has no cache prices: cached tokens
// bill as input there.
const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    input: 2
    output: 8
    cache_read: 0.5
    cache_write_5m: 2.5
    source: test
    as_of: 2026-11-01
  - provider: bedrock
    model: acme.acme-large-v1:0
    family: acme-large
    input: 1
    output: 4
    source: test
    as_of: 2026-11-01
  - provider: acme
    model: acme-embed
    kind: embedding
    input: 0.1
    source: test
    as_of: 2026-11-01
  - provider: bedrock
    model: acme.embed-v1:0
    kind: embedding
    input: 0.2
    source: test
    as_of: 2026-11-01
  - provider: acme
    model: acme-rerank
    kind: rerank
    input: 0
    per_1k_queries: 1
    source: test
    as_of: 2026-11-01
`;

// One rag request (5,000 input of which 1,000 cache reads, 100 output) and one chat request; with
// --monthly-requests 2000 the scale is 1,000: 1,000 rag requests a month.
const TRAFFIC = `timestamp,provider,model,use_case,input_tokens,output_tokens,cache_read_tokens
2026-01-01T00:00:00Z,acme,acme-large,rag,5000,100,1000
2026-01-02T00:00:00Z,acme,acme-large,chat,1000,100,0
`;

const scenario = (directEmbedding = "acme-embed", retrieved = 3000) => `version: 1
name: rag by hand
options:
  - id: direct
    kind: direct
  - id: bedrock
    kind: bedrock
tips: { cache_reads_per_write: 4 }
retrieval:
  use_cases:
    rag: { retrieved_context_tokens: ${retrieved} }
  strategies:
    - id: none
      kind: none
    - id: vec
      kind: vector
      embedding: { direct: ${directEmbedding}, bedrock: acme.embed-v1:0 }
      query_tokens: 100
      corpus_tokens_per_month: 1000000
      chunks: 4
      tokens_per_chunk: 250
      query_cache_share: 0.5
      reranker: { usd_per_1k_queries: 2, source: test }
      store:
        kind: opensearch-serverless
        ocus: 1
        usd_per_ocu_hour: 0.2
        storage_gb: 10
        usd_per_gb_month: 0.1
        source: test
    - id: pe
      kind: prompt-enhancement
      context_tokens: 6000
      context_cache_read_share: 0.5
      database: { usd_per_month: 30, source: test }
`;

function files(scenarioText: string): string[] {
  const dir = tempFiles({ "p.yaml": PRICING, "t.csv": TRAFFIC, "s.yaml": scenarioText });
  return [
    "project",
    "-t",
    join(dir, "t.csv"),
    "-s",
    join(dir, "s.yaml"),
    "-p",
    join(dir, "p.yaml"),
    "--monthly-requests",
    "2000",
  ];
}

type Json = Record<string, never> & { [key: string]: unknown };
interface RagOption {
  id: string;
  monthly_cost_usd: number | null;
  per_request_usd: number | null;
  components: Record<string, number | null>;
  unknown: string[];
}
interface RagStrategy {
  id: string;
  kind: string;
  options: RagOption[];
}

function costOf(rag: { strategies: RagStrategy[] }, strategy: string, option: string): RagOption {
  const found = rag.strategies.find((s) => s.id === strategy)?.options.find((o) => o.id === option);
  if (!found) throw new Error(`no ${strategy} on ${option}`);
  return found;
}

describe("RAG strategies priced (scenario retrieval:)", () => {
  it("prices each strategy per option, by hand, through the binary", () => {
    const result = runCli([...files(scenario()), "-f", "json"]);
    expect(result.code).toBe(0);
    const rag = JSON.parse(result.stdout).rag;
    expect(rag.monthly_requests).toBe(1000);
    expect(rag.current).toBe("vec"); // the first strategy that is not the none baseline
    // Every embedding price the figures use is stated with its source and date.
    expect(rag.assumptions).toContain(
      "RAG vec: direct embeds with acme/acme-embed at $0.1 per 1M tokens, dated 2026-11-01 (test)",
    );

    // Direct, per rag request, the 3,000 retrieved tokens taken out of the uncached 4,000:
    //   none: 1,000 uncached x $2 + 1,000 cache read x $0.5 + 100 out x $8 = 3,300 / 1e6 = $0.0033 -> $3.30
    //   vec:  + 1,000 context (4 x 250, uncached) x $2 = $0.002 -> $2.00
    //         query embedding 50% x 100 tokens x $0.1/1M x 1,000 = $0.005; corpus 1M x $0.1/1M = $0.10
    //         rerank 50% x $2 / 1,000 x 1,000 = $1.00; store 1 OCU x 730.5 h x $0.2 + 10 GB x $0.1 = $147.10
    //         total 3.30 + 2.00 + 0.005 + 0.10 + 1.00 + 147.10 = $153.505
    //   pe:   6,000 context, half cached: 3,000 uncached x $2 + 3,000 x 4/5 read x $0.5 + 3,000 x 1/5 write
    //         x $2.5 = 6,000 + 1,200 + 1,500 = 8,700 / 1e6 -> $8.70; + $30 database = 3.30 + 8.70 + 30 = $42.00
    expect(costOf(rag, "none", "direct").monthly_cost_usd).toBeCloseTo(3.3, 6);
    const vec = costOf(rag, "vec", "direct");
    expect(vec.components).toEqual({
      tokens_without_retrieval_usd: expect.closeTo(3.3, 6),
      context_tokens_usd: expect.closeTo(2, 6),
      query_embedding_usd: expect.closeTo(0.005, 6),
      corpus_embedding_usd: expect.closeTo(0.1, 6),
      rerank_usd: expect.closeTo(1, 6),
      store_usd: expect.closeTo(147.1, 6),
      store_queries_usd: 0,
      database_usd: 0,
    });
    expect(vec.monthly_cost_usd).toBeCloseTo(153.505, 6);
    expect(vec.per_request_usd).toBeCloseTo(0.153505, 6);
    expect(costOf(rag, "pe", "direct").monthly_cost_usd).toBeCloseTo(42, 6);

    // Bedrock (no cache prices: all input at $1): none (2,000 x $1 + 100 x $4) / 1e6 -> $2.40;
    //   vec 2.40 + 1.00 context + 0.01 query (50% x 100 x $0.2/1M x 1,000) + 0.20 corpus + 1.00 + 147.10 = $151.71
    //   pe  2.40 + 6.00 context + 30 = $38.40
    expect(costOf(rag, "none", "bedrock").monthly_cost_usd).toBeCloseTo(2.4, 6);
    expect(costOf(rag, "vec", "bedrock").monthly_cost_usd).toBeCloseTo(151.71, 6);
    expect(costOf(rag, "pe", "bedrock").monthly_cost_usd).toBeCloseTo(38.4, 6);

    // Components add up to the monthly cost, exactly (both are rounded to the micro-dollar).
    for (const strategy of rag.strategies as RagStrategy[]) {
      for (const option of strategy.options) {
        const parts = Object.values(option.components).reduce<number>((s, v) => s + (v ?? 0), 0);
        expect(Math.round(parts * 1e6)).toBe(Math.round((option.monthly_cost_usd ?? 0) * 1e6));
      }
    }

    // Breakeven vec vs pe. Direct: vec = 147.20 + 0.006305 N; pe = 30 + 0.012 N
    //   => N = 117.2 / 0.005695 = 20,579.46 rag requests a month. Bedrock: vec = 147.30 + 0.00441 N;
    //   pe = 30 + 0.0084 N => N = 117.3 / 0.00399 = 29,398.50.
    const pair = (option: string) =>
      rag.breakeven.find((b: { option: string }) => b.option === option) as Json;
    expect(rag.breakeven).toHaveLength(2); // none is the baseline, not a contender
    expect(pair("direct")).toMatchObject({ a: "vec", b: "pe", cheaper_below: "pe", cheaper_above: "vec" });
    expect(pair("direct").requests_per_month).toBeCloseTo(117.2 / 0.005695, 4);
    expect(pair("bedrock").requests_per_month).toBeCloseTo(117.3 / 0.00399, 4);

    // Tip: pe instead of vec on direct saves 153.505 - 42 = $111.505 a month.
    expect(rag.tips).toContainEqual({
      option: "direct",
      strategy: "pe",
      instead_of: "vec",
      monthly_saving_usd: expect.closeTo(111.505, 6),
    });

    // Flip on direct: pe costs 33.30 + 0.00145 x (1,000 requests x (0.5 x 2 + 0.5 x (0.8 x 0.5 + 0.2 x 2.5))
    //   / 1e6 per token) x tokens; it meets vec's $153.505 at (153.505 - 33.30) / 0.00145 = 82,900 tokens.
    //   vec at 0 chunks still costs 151.505 > 42: no chunk count makes it cheapest.
    expect(rag.sensitivity).toContainEqual({
      option: "direct",
      strategy: "pe",
      assumption: "context_tokens",
      base: 6000,
      flips_at: expect.closeTo(82900, 4),
      new_cheapest: "vec",
    });
    expect(rag.sensitivity).toContainEqual({
      option: "direct",
      strategy: "vec",
      assumption: "chunks",
      base: 4,
      flips_at: null,
      new_cheapest: null,
    });
  });

  it("past the breakeven, names the context size at which each strategy flips", async () => {
    // 200,000 requests a month: 100,000 rag requests, beyond the direct breakeven (20,579).
    const args = files(scenario()).map((arg) => (arg === "2000" ? "200000" : arg));
    const rag = JSON.parse((await runInProcess([...args, "-f", "json"])).stdout).rag;
    // Direct: vec = 147.20 + 0.006305 x 100,000 = $777.70; pe = 30 + 0.012 x 100,000 = $1,230.
    expect(costOf(rag, "vec", "direct").monthly_cost_usd).toBeCloseTo(777.7, 6);
    expect(costOf(rag, "pe", "direct").monthly_cost_usd).toBeCloseTo(1230, 6);
    expect(rag.cheapest).toContainEqual({ option: "direct", strategy: "vec" });
    expect(rag.tips.filter((t: { option: string }) => t.option === "direct")).toEqual([]); // vec is current
    // vec (cheapest): each chunk is 250 tokens x $2/1M x 100,000 = $50; without chunks 777.70 - 200 = 577.70;
    //   it reaches pe's 1,230 at (1,230 - 577.70) / 50 = 13.046 chunks.
    // pe (dearer): 360 + 0.145 x tokens (1.45/1M x 100,000); it drops to 777.70 at 417.70 / 0.145 = 2,880.69.
    const direct = rag.sensitivity.filter((f: { option: string }) => f.option === "direct");
    expect(direct).toEqual([
      {
        option: "direct",
        strategy: "vec",
        assumption: "chunks",
        base: 4,
        flips_at: expect.closeTo(652.3 / 50, 6),
        new_cheapest: "pe",
      },
      {
        option: "direct",
        strategy: "pe",
        assumption: "context_tokens",
        base: 6000,
        flips_at: expect.closeTo(417.7 / 0.145, 4),
        new_cheapest: "pe",
      },
    ]);
  });

  it("shows the section in the table and markdown, and line items in the CSV", async () => {
    const table = await runInProcess(files(scenario()));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("RAG strategies for rag (1,000 requests a month)");
    expect(table.stdout).toMatch(/vec \(current\)\s*│ direct\s*│.*│\s*\$153\.51 │\s*\$0\.1535 │/);
    expect(table.stdout).toMatch(/direct\s*│ vec vs pe\s*│\s*20,579 │ pe\s*│ vec/);
    expect(table.stdout).toContain("tip: on direct, pe instead of vec saves $111.51 a month");
    expect(table.stdout).toContain("the OCU floor is shared per AWS account and KMS key");
    const markdown = await runInProcess([...files(scenario()), "-f", "markdown"]);
    expect(markdown.stdout).toContain("## RAG breakeven");
    const csv = await runInProcess([...files(scenario()), "-f", "csv"]);
    expect(csv.stdout).toContain("direct,rag,vec.store,,1000,requests,147.1");
    expect(csv.stdout).toContain("direct,rag,vec.total,,1000,requests,153.505");
  });

  it("draws each strategy's cost against volume in the HTML report", async () => {
    const html = await runInProcess([...files(scenario()), "-f", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('id="chart-rag-curves"');
    expect(html.stdout).toContain("vec = pe on direct at 20,579");
    // The data table: at 1,000 requests vec on direct costs $153.51 (the hand-worked total above).
    expect(html.stdout).toMatch(/1,000<\/t[dh]>[\s\S]*?\$153\.51/);
  });

  it("prices a strategy whose embedding model has no price as unknown, never $0", async () => {
    const result = await runInProcess([...files(scenario("no-such-embedder")), "-f", "json"]);
    expect(result.code).toBe(0);
    const rag = JSON.parse(result.stdout).rag;
    const vec = costOf(rag, "vec", "direct");
    expect(vec.monthly_cost_usd).toBeNull();
    expect(vec.per_request_usd).toBeNull();
    expect(vec.components.query_embedding_usd).toBeNull();
    expect(vec.unknown).toEqual(["embedding model no-such-embedder: not in the pricing catalog"]);
    expect(rag.assumptions).toContain(
      "RAG vec: direct embedding model no-such-embedder has no price in the catalog: its cost is unknown",
    );
    // Bedrock names a priced model: still known there; no breakeven on direct without vec's curve.
    expect(costOf(rag, "vec", "bedrock").monthly_cost_usd).toBeCloseTo(151.71, 6);
    expect(rag.breakeven.map((b: { option: string }) => b.option)).toEqual(["bedrock"]);
    const table = await runInProcess(files(scenario("no-such-embedder")));
    expect(table.stdout).toMatch(/vec \(current\)\s*│ direct\s*│.*│\s*unknown │\s*unknown │/);
  });

  it("rejects more retrieved context than the logged uncached input, at its line", async () => {
    // The rag row has 5,000 - 1,000 cached = 4,000 uncached input tokens.
    const args = files(scenario("acme-embed", 4500));
    const result = await runInProcess(args);
    expectLocatedError(
      result,
      { file: args[4] ?? "", line: 11, field: "retrieval.use_cases.rag.retrieved_context_tokens" },
      /4500 retrieved context tokens per request exceed the 4000 uncached input tokens/,
    );
  });

  it("prices a stated store with a per-query fee and a catalog reranker", async () => {
    const stated = scenario()
      .replace("reranker: { usd_per_1k_queries: 2, source: test }", "reranker: { model: acme-rerank }")
      .replace(
        /store:\n(\s+)kind: opensearch-serverless[\s\S]*?source: test/,
        "store:\n$1kind: stated\n$1label: pgvector\n$1usd_per_month: 100\n$1usd_per_1k_queries: 0.5\n$1source: test",
      );
    const result = await runInProcess([...files(stated), "-f", "json"]);
    expect(result.code).toBe(0);
    // Direct: 3.30 + 2.00 context + 0.005 query + 0.10 corpus + rerank 50% x $1 / 1,000 x 1,000 = 0.50
    //   + store $100 + store queries 50% x $0.5 / 1,000 x 1,000 = 0.25  =>  $106.155
    const vec = costOf(JSON.parse(result.stdout).rag, "vec", "direct");
    expect(vec.components).toMatchObject({ rerank_usd: 0.5, store_usd: 100, store_queries_usd: 0.25 });
    expect(vec.monthly_cost_usd).toBeCloseTo(106.155, 6);
  });

  it("prices a Knowledge Base store like its OpenSearch Serverless OCUs", async () => {
    const kb = scenario().replace("kind: opensearch-serverless", "kind: knowledge-base");
    const result = await runInProcess([...files(kb), "-f", "json"]);
    const rag = JSON.parse(result.stdout).rag;
    expect(costOf(rag, "vec", "direct").components.store_usd).toBeCloseTo(147.1, 6); // 730.5 x 0.2 + 10 x 0.1
    expect(rag.assumptions.some((a: string) => a.includes("Knowledge Base on OpenSearch Serverless"))).toBe(
      true,
    );
  });

  it("names the policy option it does not price, on the bundled fixture", async () => {
    const result = await runInProcess([
      "project",
      "-t",
      "fixtures/traffic/saas-assistant-week.csv",
      "-s",
      "fixtures/scenarios/rag-strategies.yaml",
      "--policy",
      "fixtures/policies/seed-hybrid.yaml",
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    const rag = JSON.parse(result.stdout).rag;
    expect(rag.skipped_options).toEqual([
      {
        option: "policy",
        reason: "a policy option's traffic is split by its replay; retrieval strategies are priced per side",
      },
    ]);
    expect(rag.strategies[0].options.map((o: { id: string }) => o.id)).toEqual(["direct", "bedrock"]);
  });

  it("has no rag key without a retrieval block", async () => {
    const noRetrieval = scenario().split("retrieval:")[0] ?? "";
    const result = await runInProcess([...files(noRetrieval), "-f", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("rag");
  });
});
