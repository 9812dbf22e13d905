// schemas/scenario.schema.json is generated from the zod schema; this test fails when the committed file is
// stale. Regenerate with: LLMCOST_WRITE_SCHEMAS=1 npx vitest run test/cost/scenario-schema.test.ts
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { scenarioSchema } from "../../src/cost/scenario-schema.js";

const SCHEMA_FILE = new URL("../../schemas/scenario.schema.json", import.meta.url);

function generated(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input" });
  return `${JSON.stringify({ title: "llmcost scenario", ...schema }, null, 2)}\n`;
}

describe("scenario schema", () => {
  it("matches the committed JSON Schema", () => {
    if (process.env.LLMCOST_WRITE_SCHEMAS === "1") writeFileSync(SCHEMA_FILE, generated());
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(generated());
  });

  it("accepts the bundled default scenario", () => {
    const text = readFileSync(new URL("../../fixtures/scenarios/default.yaml", import.meta.url), "utf8");
    expect(scenarioSchema.safeParse(parse(text)).success).toBe(true);
  });

  it("rejects duplicate option ids and infra applied to options that do not exist", () => {
    const result = scenarioSchema.safeParse({
      version: 1,
      name: "bad",
      options: [
        { id: "a", kind: "direct" },
        { id: "a", kind: "bedrock" },
      ],
      infra: [{ id: "x", label: "x", applies_to: ["nowhere"], unit: "u", unit_price_usd: 1, quantity: {} }],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain('options.1.id: duplicate option id "a"');
    expect(messages?.some((m) => m.startsWith('infra.0.applies_to.0: "nowhere" is neither'))).toBe(true);
  });

  it("requires a provisioned block on bedrock-provisioned options", () => {
    const result = scenarioSchema.safeParse({
      version: 1,
      name: "pt",
      options: [{ id: "pt", kind: "bedrock-provisioned" }],
    });
    expect(result.error?.issues[0]?.message).toContain('needs a "provisioned" block');
  });
});

describe("scenario retrieval block", () => {
  const base = { version: 1, name: "rag", options: [{ id: "d", kind: "direct" }] };
  const vector = {
    id: "v",
    kind: "vector",
    embedding: { direct: "text-embedding-3-small", bedrock: "amazon.titan-embed-text-v1" },
    query_tokens: 50,
    corpus_tokens_per_month: 0,
    chunks: 5,
    tokens_per_chunk: 300,
    store: { kind: "stated", label: "pgvector", usd_per_month: 10, source: "test" },
  };

  it("rejects duplicate strategy ids, an unknown current strategy and a store without its price", () => {
    const result = scenarioSchema.safeParse({
      ...base,
      retrieval: {
        use_cases: { rag_qa: { retrieved_context_tokens: 100 } },
        current: "nope",
        strategies: [vector, { id: "v", kind: "none" }],
      },
    });
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(messages).toContain('retrieval.strategies.1.id: duplicate strategy id "v"');
    expect(messages.some((m) => m.startsWith('retrieval.current: "nope" is not a strategy id'))).toBe(true);
    const store = { kind: "opensearch-serverless", ocus: 2, source: "x" };
    const noPrice = scenarioSchema.safeParse({
      ...base,
      retrieval: { use_cases: { a: { retrieved_context_tokens: 0 } }, strategies: [{ ...vector, store }] },
    });
    const paths = noPrice.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("retrieval.strategies.0.store.usd_per_ocu_hour");
  });

  it("needs at least one use case", () => {
    const result = scenarioSchema.safeParse({ ...base, retrieval: { use_cases: {}, strategies: [vector] } });
    expect(result.error?.issues.map((i) => i.message)).toContain("name at least one use case");
  });
});
