// Loading pricing files: the project's YAML, LiteLLM JSON (detected), errors with file, line and field.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { loadCatalog, loadPricingFile } from "../../src/io/pricing-load.js";

const fixture = (name: string) => `test/fixtures/pricing/${name}`;

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

describe("pricing YAML", () => {
  it("loads the custom-models fixture, adding models the catalog does not know", async () => {
    const catalog = await loadCatalog(["fixtures/pricing/custom-models.yaml"]);
    const premier = catalog.resolve("us.amazon.nova-premier-v1:0");
    expect(premier).toMatchObject({ scope: "geo", price: { key: "bedrock/amazon.nova-premier-v1:0" } });
    expect(premier?.price.batch).toEqual({ input: 1.25, output: 6.25 });
    const tuned = catalog.resolve("ft:gpt-4o-mini-2024-07-18:acme::support-v3")?.price;
    // batch multiplier 0.5 applies to every on-demand component: 0.3 → 0.15, 1.2 → 0.6, 0.15 → 0.075
    expect(tuned?.batch).toEqual({ input: 0.15, output: 0.6, cacheRead: 0.075 });
  });

  it("lets a later file replace a bundled entry with the same key", async () => {
    const catalog = await loadCatalog([fixture("override-gpt-4o.yaml")]);
    const gpt4o = catalog.resolve("gpt-4o")?.price;
    expect(gpt4o?.rates).toEqual({ input: 2, output: 8 });
    expect(gpt4o?.source).toBe("negotiated contract (test)");
    expect(gpt4o?.family).toBe("gpt-4o");
  });

  it.each([
    ["negative-price.yaml", 6, "models[0].output", /expected a price >= 0 \(USD per 1M tokens\)/],
    ["string-price.yaml", 5, "models[0].input", /expected (a )?number.*"1.5 USD"/],
    // At the key's own line, with the key the schema knows there.
    ["unknown-key.yaml", 7, "models[0].cache_reed", /unknown key "cache_reed"; did you mean "cache_read"\?/],
    ["duplicate-model.yaml", 10, "models[1].model", /listed twice/],
    ["batch-both.yaml", 8, "models[0].batch", /either multiplier or explicit prices/],
    ["bad-date.yaml", 8, "models[0].as_of", /real calendar date/],
  ])("reports %s with its line and field", async (name, line, field, message) => {
    const error = await inputError(loadPricingFile(fixture(name)));
    expect(error.location).toMatchObject({ file: fixture(name), line, field });
    expect(error.message).toMatch(message);
  });
});

describe("LiteLLM JSON", () => {
  it("is detected and converted per million without float noise", async () => {
    const models = await loadPricingFile(fixture("litellm-rules.json"));
    const claude = models.find((m) => m.key === "anthropic/claude-rules-test");
    expect(claude?.rates).toEqual({
      input: 3,
      output: 15,
      cacheRead: 0.3,
      cacheWrite5m: 3.75,
      cacheWrite1h: 6,
    });
    expect(claude?.longContext).toEqual({
      thresholdTokens: 200_000,
      rates: { input: 6, output: 22.5, cacheRead: 0.6, cacheWrite5m: 7.5, cacheWrite1h: 12 },
    });
    const gemini = models.find((m) => m.key === "vertex_ai-language-models/gemini-rules-test");
    expect(gemini?.longContext?.thresholdTokens).toBe(128_000);
  });

  it("maps bedrock_converse to bedrock and keeps the region path in the model id", async () => {
    const models = await loadPricingFile(fixture("litellm-rules.json"));
    const converse = models.find((m) => m.provider === "bedrock");
    expect(converse).toMatchObject({
      key: "bedrock/us-east-1/converse-rules-test",
      model: "us-east-1/converse-rules-test",
    });
  });

  it("skips entries without token prices and reports how many, by reason", async () => {
    const notices: string[] = [];
    const models = await loadPricingFile(fixture("litellm-rules.json"), { onNotice: (n) => notices.push(n) });
    expect(models.map((m) => m.key).sort()).toEqual([
      "anthropic/claude-rules-test",
      "bedrock/us-east-1/converse-rules-test",
      "openai/gpt-rules-test",
      "vertex_ai-language-models/gemini-rules-test",
    ]);
    expect(notices.join("\n")).toMatch(
      /imported 4 models; skipped 3 entries without token prices: .*1 mode embedding.*1 mode image_generation.*1 priced per second/s,
    );
  });

  it("rejects a string price, naming the file, line, model key and field", async () => {
    const error = await inputError(loadPricingFile(fixture("litellm-string-price.json")));
    expect(error.location).toMatchObject({
      file: fixture("litellm-string-price.json"),
      line: 16,
      field: "bad-model.output_cost_per_token",
    });
    expect(error.message).toMatch(/model "bad-model": expected a number, found string "0.000002"/);
  });

  it("rejects a negative price", async () => {
    const error = await inputError(loadPricingFile(fixture("litellm-negative-price.json")));
    expect(error.location).toMatchObject({ line: 7, field: "bad-model.cache_read_input_token_cost" });
    expect(error.message).toMatch(/expected a price >= 0, found -3e-7/);
  });

  it("reports invalid JSON with a line", async () => {
    const error = await inputError(loadPricingFile(fixture("litellm-broken.json")));
    expect(error.message).toMatch(/invalid JSON/);
    expect(error.location.line).toBeGreaterThanOrEqual(5);
  });

  it("loads the bundled LiteLLM sample fixture", async () => {
    const catalog = await loadCatalog(["fixtures/pricing/litellm-sample.json"]);
    // The sample's own us. row (already 1.10x) wins over the bundled in-region entry for that exact id.
    expect(catalog.resolve("us.anthropic.claude-sonnet-4-5-20250929-v1:0")?.price.rates.input).toBe(3.3);
    expect(catalog.resolve("deepseek-chat", "deepseek")?.price.rates).toMatchObject({
      input: 0.28,
      cacheRead: 0.028,
    });
    expect(catalog.resolve("gpt-4o-2024-05-13")?.price.rates).toMatchObject({ input: 5, output: 15 });
  });
});
