// Bedrock model invocation logs onto canonical rows: token normalisation (inputTokenCount excludes cache
// tokens), profile ids and ARNs, failed requests, 1-hour cache writes, metadata. Expected numbers are
// worked by hand from the fixture records listed in fixtures/logs/README.md.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { bedrockInvocationLogs as format } from "../../../src/traffic/formats/bedrock-invocation-logs.js";
import type { ImportedRow } from "../../../src/traffic/formats/log-format.js";
import { runFormat, totals } from "./run-format.js";

const dir = "fixtures/logs/bedrock/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/02";
const hour10 = `${dir}/10/20261102T1000Z_7f3a1c2e9b4d5e6f.json.gz`;
const hour11 = `${dir}/11/20261102T1100Z_1a2b3c4d5e6f7a8b.json.gz`;
const cloudwatch = "fixtures/logs/bedrock/cloudwatch/filter-log-events.json";
const appProfile = "fixtures/logs/bedrock-application-profile/invocations.jsonl";
const SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

function one(record: object, modelMap = new Map<string, string>()): ImportedRow {
  const rows: ImportedRow[] = [];
  format.toRows(record, { file: "t.jsonl", line: 7 }, (row) => rows.push(row), { modelMap, skip: () => {} });
  expect(rows).toHaveLength(1);
  return rows[0] as ImportedRow;
}

const base = {
  schemaType: "ModelInvocationLog",
  schemaVersion: "1.0",
  timestamp: "2026-11-02T10:00:05Z",
  region: "us-east-1",
  modelId: SONNET,
  input: { inputTokenCount: 10 },
  output: { outputTokenCount: 2 },
};

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("bedrock-invocation-logs", () => {
  it("detects S3 records, CloudWatch exports and events, and nothing else", () => {
    expect(format.detect(base)).toBe(true);
    expect(format.detect({ events: [{ message: JSON.stringify(base) }] })).toBe(true);
    expect(format.detect({ timestamp: 1, message: JSON.stringify(base) })).toBe(true);
    expect(format.detect({ object: "page", data: [] })).toBe(false);
    expect(format.detect({ model: "gpt-4o", input_tokens: "1" })).toBe(false);
  });

  it("reads the fixture: 16 requests, input including cache tokens, 3 failed", () => {
    const { rows, skipped } = runFormat(format, [hour10, hour11, cloudwatch]);
    expect(skipped.size).toBe(0);
    // input = inputTokenCount + cacheRead + cacheWrite per record:
    //   1200 + (200+3000) + (150+4000) + (800+1000+500) + 2000 + 0 + 500 + 3000        (hour 10: 16,350)
    //   + 1000 + 600 + 100 + (50+3000)                                                (hour 11: 4,750)
    //   + 400 + (100+2000) + 5000 + 900                                               (CloudWatch: 8,400)
    //   = 29,500
    // output = 300+250+400+120+500+0+100+200 + 100+60+0+80 + 40+60+0+90 = 2,300
    // cache read = 3000 + 1000 + 2000 = 6,000
    // 1-hour writes = 4000 (cacheDetails) + 200 (cacheDetails) + 2000 (Anthropic cache_creation) = 6,200
    // 5-minute writes = 500-200 + 3000-2000 = 1,300
    expect(totals(rows)).toEqual({
      rows: 16,
      requests: 16,
      input: 29_500,
      output: 2_300,
      cacheRead: 6_000,
      cacheWrite5m: 1_300,
      cacheWrite1h: 6_200,
    });
    expect(rows.map((row) => row.status).filter(Boolean)).toEqual([
      "ThrottlingException",
      "ValidationException",
      "ModelTimeoutException",
    ]);
    expect(rows.every((row) => row.tokenBasis === "per-request" && row.provider === "bedrock")).toBe(true);
  });

  it("keeps profile ids, takes the id out of inference-profile and foundation-model ARNs", () => {
    const { rows } = runFormat(format, [hour10]);
    expect(rows.map((row) => row.model)).toEqual([
      SONNET,
      SONNET,
      SONNET,
      "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      "anthropic.claude-3-haiku-20240307-v1:0",
      SONNET,
      SONNET, // arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-...
      "amazon.nova-lite-v1:0", // arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0
    ]);
  });

  it("maps the first record field by field", () => {
    const [row] = runFormat(format, [hour10]).rows;
    expect(row).toEqual({
      timestamp: Date.UTC(2026, 10, 2, 10, 0, 5),
      requestId: "0b1e9a52-0001-4c1a-9f00-000000000001",
      provider: "bedrock",
      model: SONNET,
      region: "us-east-1",
      inputTokens: 1200,
      outputTokens: 300,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      requests: 1,
      tokenBasis: "per-request",
      latencyMs: 2100,
      meta: {
        inference_region: "us-east-2",
        operation: "Converse",
        account_id: "123456789012",
        identity_arn: "arn:aws:sts::123456789012:assumed-role/search-api/lambda",
        team: "search",
        feature: "qa",
      },
    });
  });

  it("a failed request with no usage logged counts zero tokens and keeps its error code as status", () => {
    const row = one({ ...base, input: {}, output: undefined, errorCode: "ThrottlingException" });
    expect(row).toMatchObject({
      inputTokens: 0,
      outputTokens: 0,
      status: "ThrottlingException",
      requests: 1,
    });
  });

  it("an application inference profile ARN is a located error until --model-map maps it", () => {
    const error = errorOf(() => runFormat(format, [appProfile]));
    expect(error.location).toEqual({ file: appProfile, line: 1, field: "modelId" });
    expect(error.message).toContain("application inference profile");
    expect(error.message).toContain(
      "--model-map arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6=<model id>",
    );
    const mapped = runFormat(
      format,
      [appProfile],
      new Map([
        ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6", SONNET],
      ]),
    );
    // 700 + 300 input, 70 + 30 output
    expect(totals(mapped.rows)).toMatchObject({ requests: 2, input: 1000, output: 100 });
    expect(mapped.rows.every((row) => row.model === SONNET)).toBe(true);
  });

  it("CloudWatch events are unwrapped; a message that is not JSON is located at the event", () => {
    const { rows } = runFormat(format, [cloudwatch]);
    expect(rows[0]).toMatchObject({ region: "us-west-2", model: SONNET, inputTokens: 400, latencyMs: 600 });
    const error = errorOf(() => one({ timestamp: 1, message: "{not json" }));
    expect(error.location).toEqual({ file: "t.jsonl", line: 7, field: "message" });
  });

  it("names the field and what was expected", () => {
    const bad = errorOf(() => one({ ...base, input: { inputTokenCount: "many" } }));
    expect(bad.location.field).toBe("input.inputTokenCount");
    expect(bad.message).toBe('expected a whole number of 0 or more, found "many"');
    const time = errorOf(() => one({ ...base, timestamp: "yesterday" }));
    expect(time.location.field).toBe("timestamp");
    const inEvent = errorOf(() => one({ message: JSON.stringify({ ...base, modelId: 7 }) }));
    expect(inEvent.location.field).toBe("message.modelId");
  });

  it("requestMetadata keys that are canonical column names are prefixed, not taken for the column", () => {
    const row = one({ ...base, requestMetadata: { region: "emea", tenant: "acme" } });
    expect(row.meta).toMatchObject({ request_region: "emea", tenant: "acme" });
    expect(row.region).toBe("us-east-1");
  });
});
