// schemas/pricing.schema.json is generated from the zod schema; this test fails when the committed file is
// stale. Regenerate with: LLMCOST_WRITE_SCHEMAS=1 npx vitest run test/pricing/schema.test.ts
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pricingFileSchema } from "../../src/io/pricing-schema.js";

const SCHEMA_FILE = new URL("../../schemas/pricing.schema.json", import.meta.url);

function generated(): string {
  const schema = z.toJSONSchema(pricingFileSchema, { io: "input" });
  return `${JSON.stringify({ title: "llmcost pricing table", ...schema }, null, 2)}\n`;
}

describe("schemas/pricing.schema.json", () => {
  it("matches the zod schema", () => {
    if (process.env.LLMCOST_WRITE_SCHEMAS === "1") writeFileSync(SCHEMA_FILE, generated());
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(generated());
  });

  it("forbids unknown keys, so editors flag typos", () => {
    const schema = JSON.parse(generated());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.models.items.additionalProperties).toBe(false);
  });
});
