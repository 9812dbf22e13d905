// `--answers FILE`: the strict schema and the catalog checks, each error with the file, the line and the field.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PricingCatalog } from "../../src/cost/catalog.js";
import { InputError } from "../../src/errors.js";
import { loadCatalog } from "../../src/io/pricing-load.js";
import { loadAnswers } from "../../src/wizard/answers-load.js";
import { tempFiles } from "../cli.js";

let catalog: PricingCatalog;
beforeAll(async () => {
  catalog = await loadCatalog([]);
});

const USE_CASES = `version: 1
workload:
  source: describe
  requests_per_day: 1000
  use_cases:
    - name: chat
      share_percent: 60
      model: gpt-4o
      input_tokens: 1000
      output_tokens: 100
    - name: batch
      share_percent: 40
      model: gpt-4o-mini
      input_tokens: 2000
      output_tokens: 200
      batchable: true
`;

async function failure(text: string): Promise<InputError> {
  const file = join(tempFiles({ "answers.yaml": text }), "answers.yaml");
  try {
    await loadAnswers(file, catalog);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected the answers to be refused");
}

describe("answers file", () => {
  it("accepts the bundled examples", async () => {
    for (const name of ["saas-assistant.answers.yaml", "from-traffic-csv.answers.yaml"]) {
      await expect(loadAnswers(join("fixtures/wizard", name), catalog)).resolves.toMatchObject({
        version: 1,
      });
    }
  });

  it("fills every default from `version: 1` alone", async () => {
    const file = join(tempFiles({ "a.yaml": "version: 1\n" }), "a.yaml");
    const answers = await loadAnswers(file, catalog);
    expect(answers.workload).toMatchObject({ source: "describe", requests_per_day: 20000 });
    expect(answers.growth).toEqual({ monthly_percent: 5, horizon_months: 12 });
  });

  it("refuses a negative volume with the line and the field", async () => {
    const error = await failure(USE_CASES.replace("requests_per_day: 1000", "requests_per_day: -1000"));
    expect(error.location).toMatchObject({ line: 4, field: "workload.requests_per_day" });
    expect(error.message).toMatch(
      /^must be at least 1 request per day: a zero or negative volume cannot be projected/,
    );
  });

  it("refuses unknown keys (a typo must not silently change a result)", async () => {
    const error = await failure(USE_CASES.replace("      batchable: true", "      batchabel: true"));
    // At the key's own line (16), with the key the schema knows there.
    expect(error.location).toMatchObject({ line: 16, field: "workload.use_cases[1].batchabel" });
    expect(error.message).toMatch(/unknown key "batchabel"; did you mean "batchable"\?/);
  });

  it("refuses shares that do not add up to 100%", async () => {
    const error = await failure(USE_CASES.replace("share_percent: 40", "share_percent: 30"));
    expect(error.location).toMatchObject({ line: 6, field: "workload.use_cases" });
    expect(error.message).toBe("the shares add up to 90%; expected 100%");
  });

  it("refuses a model the catalog does not price, and a Bedrock model as today's direct model", async () => {
    const unknown = await failure(USE_CASES.replace("model: gpt-4o-mini", "model: gpt-99"));
    expect(unknown.location).toMatchObject({ line: 13, field: "workload.use_cases[1].model" });
    expect(unknown.message).toMatch(/no price for model "gpt-99"/);
    const bedrock = await failure(
      USE_CASES.replace("model: gpt-4o\n", "model: anthropic.claude-sonnet-4-5-20250929-v1:0\n"),
    );
    expect(bedrock.message).toMatch(/is a Bedrock model/);
  });

  it("refuses a model map target that is not a Bedrock model", async () => {
    const error = await failure(`${USE_CASES}candidates:\n  bedrock_model_map:\n    gpt-4o: gpt-4o-mini\n`);
    expect(error.location).toMatchObject({ line: 19, field: "candidates.bedrock_model_map.gpt-4o" });
    expect(error.message).toMatch(/no Bedrock price for model "gpt-4o-mini"/);
  });

  it("refuses a share that rounds to no request in a month", async () => {
    const error = await failure(
      USE_CASES.replace("requests_per_day: 1000", "requests_per_day: 1")
        .replace("share_percent: 60", "share_percent: 99")
        .replace("share_percent: 40", "share_percent: 1"),
    );
    // 1 request a day x 30.4375 days x 1% = 0.30 requests: rounds to 0.
    expect(error.location).toMatchObject({ field: "workload.use_cases[1].share_percent" });
  });
});
