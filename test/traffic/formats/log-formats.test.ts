// The formats together: each fixture's first record is recognised by its own format and by no other (so
// LOG_FORMATS' order never decides between two), canonical CSV rows by none, and every model the fixtures
// log resolves in the bundled catalog.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unofferedProfile } from "../../../src/cost/profiles.js";
import { loadCatalog } from "../../../src/io/pricing-load.js";
import { LOG_FORMATS } from "../../../src/traffic/formats/index.js";
import type { LogFormat } from "../../../src/traffic/formats/log-format.js";
import { recordsOf, runFormat } from "./run-format.js";

const bedrockDir =
  "fixtures/logs/bedrock/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/02";
const FIXTURES: Record<string, string[]> = {
  "bedrock-invocation-logs": [
    `${bedrockDir}/10/20261102T1000Z_7f3a1c2e9b4d5e6f.json.gz`,
    `${bedrockDir}/11/20261102T1100Z_1a2b3c4d5e6f7a8b.json.gz`,
    "fixtures/logs/bedrock/cloudwatch/filter-log-events.json",
  ],
  "openai-usage-completions": [
    "fixtures/logs/openai-usage/daily/page-1.json",
    "fixtures/logs/openai-usage/daily/page-2.json",
    "fixtures/logs/openai-usage/hourly-buckets.jsonl",
  ],
  "anthropic-usage-report": [
    "fixtures/logs/anthropic-usage/page-1.json",
    "fixtures/logs/anthropic-usage/page-2.json",
  ],
  "litellm-spend-logs": [
    "fixtures/logs/litellm-spend/spend-logs.json",
    "fixtures/logs/litellm-spend/LiteLLM_SpendLogs.csv",
  ],
  "otel-genai-spans": [
    "fixtures/logs/otel-genai/traces.jsonl",
    "fixtures/logs/otel-genai/legacy-attributes.json",
  ],
};

function format(name: string): LogFormat {
  const found = LOG_FORMATS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no format ${name}`);
  return found;
}

/** What a reader hands `detect`: the parsed document of a JSON file, the first line's record or CSV row. */
function firstRecord(file: string): unknown {
  const bytes = readFileSync(file);
  const content = (bytes[0] === 0x1f ? gunzipSync(bytes) : bytes).toString("utf8");
  try {
    return JSON.parse(content);
  } catch {
    const any = LOG_FORMATS[0] as LogFormat;
    return recordsOf(any, file)[0]?.record;
  }
}

describe("LOG_FORMATS", () => {
  it("has the five formats, each with a name, a label and stated limits", () => {
    expect(LOG_FORMATS.map((f) => f.name)).toEqual(Object.keys(FIXTURES));
    for (const f of LOG_FORMATS) expect(f.limits.length).toBeGreaterThan(0);
  });

  for (const [name, files] of Object.entries(FIXTURES)) {
    it(`${name}: its fixtures are recognised by it alone`, () => {
      for (const file of files) {
        const record = firstRecord(file);
        expect(
          LOG_FORMATS.filter((f) => f.detect(record)).map((f) => f.name),
          file,
        ).toEqual([name]);
      }
    });
  }

  it("canonical CSV rows are no log format's", () => {
    const row = {
      timestamp: "2026-11-01T00:00:00Z",
      request_id: "r1",
      model: "gpt-4o",
      input_tokens: "10",
      output_tokens: "2",
      status: "ok",
    };
    expect(LOG_FORMATS.filter((f) => f.detect(row))).toEqual([]);
  });

  it("every model in the fixtures resolves in the bundled catalog, through a profile AWS offers", async () => {
    const catalog = await loadCatalog([], { asOf: "2026-12-01" });
    const unresolved: string[] = [];
    for (const [name, files] of Object.entries(FIXTURES)) {
      for (const row of runFormat(format(name), files).rows) {
        const resolved = catalog.resolve(row.model, row.provider);
        if (!resolved) unresolved.push(`${name}: ${row.provider}/${row.model}`);
        else if (unofferedProfile(resolved.price, row.model))
          unresolved.push(`${name}: ${row.model} (profile not offered)`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it("--model-map maps a logged model id in every format", () => {
    const maps: Record<string, [string, string]> = {
      "bedrock-invocation-logs": ["amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0"],
      "openai-usage-completions": ["gpt-4o-2024-08-06", "gpt-4.1"],
      "anthropic-usage-report": ["claude-opus-4-5-20251101", "claude-sonnet-4-5-20250929"],
      "litellm-spend-logs": ["gpt-4o-mini", "gpt-4.1-mini"],
      "otel-genai-spans": ["o4-mini", "o3"],
    };
    for (const [name, [from, to]] of Object.entries(maps)) {
      const files = FIXTURES[name] ?? [];
      const before = runFormat(format(name), files).rows.filter((row) => row.model === from).length;
      const after = runFormat(format(name), files, new Map([[from, to]])).rows;
      expect(before, name).toBeGreaterThan(0);
      expect(
        after.filter((row) => row.model === from),
        name,
      ).toEqual([]);
    }
  });
});
