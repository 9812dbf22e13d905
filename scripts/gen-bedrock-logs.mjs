#!/usr/bin/env node
// Seeded synthetic Bedrock model invocation logs for `npm run bench`: `--files` S3 objects of `--records`
// records each, gzip of JSON lines, in the S3 layout (AWSLogs/<account>/BedrockModelInvocationLogs/<region>/
// YYYY/MM/DD/HH/), one hour per object, records a few seconds apart. Records carry what real ones do
// without text logging (tokens, ids, identity, the Converse response's usage and latency).
//   node scripts/gen-bedrock-logs.mjs --files 100 --records 10000 --seed 42 --out DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "100" },
    records: { type: "string", default: "10000" },
    seed: { type: "string", default: "42" },
    out: { type: "string" },
  },
});
if (!values.out) {
  process.stderr.write("usage: gen-bedrock-logs.mjs --files N --records N --seed N --out DIR\n");
  process.exit(2);
}
const files = Number(values.files);
const perFile = Number(values.records);
let state = Number(values.seed) >>> 0 || 1;
/** xorshift32: the same logs for the same seed on every machine. */
function random() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 2 ** 32;
}
const MODELS = [
  "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
  "global.anthropic.claude-haiku-4-5-20251001-v1:0",
  "anthropic.claude-3-haiku-20240307-v1:0",
  "amazon.nova-lite-v1:0",
  "amazon.nova-pro-v1:0",
  "amazon.nova-micro-v1:0",
];
const start = Date.UTC(2026, 10, 2);
for (let f = 0; f < files; f++) {
  const hour = new Date(start + f * 3_600_000);
  const iso = hour.toISOString();
  const dir = join(
    values.out,
    "AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1",
    iso.slice(0, 4),
    iso.slice(5, 7),
    iso.slice(8, 10),
    iso.slice(11, 13),
  );
  mkdirSync(dir, { recursive: true });
  const lines = [];
  for (let r = 0; r < perFile; r++) {
    const at = new Date(hour.getTime() + Math.floor((r * 3_600_000) / perFile)).toISOString().slice(0, 19);
    const model = MODELS[Math.floor(random() * MODELS.length)];
    const uncached = 200 + Math.floor(random() * 4000);
    const cacheRead = random() < 0.3 ? Math.floor(random() * 3000) : 0;
    const cacheWrite = random() < 0.1 ? Math.floor(random() * 2000) : 0;
    const output = 20 + Math.floor(random() * 800);
    const failed = random() < 0.01;
    const record = {
      schemaType: "ModelInvocationLog",
      schemaVersion: "1.0",
      timestamp: `${at}Z`,
      accountId: "123456789012",
      identity: { arn: "arn:aws:sts::123456789012:assumed-role/search-api/lambda" },
      region: "us-east-1",
      requestId: `${f.toString(16).padStart(8, "0")}-${r.toString(16).padStart(8, "0")}-4c1a-9f00-000000000000`,
      operation: "Converse",
      modelId: model,
      ...(failed && { errorCode: "ThrottlingException" }),
      input: {
        inputContentType: "application/json",
        inputTokenCount: failed ? 0 : uncached,
        cacheReadInputTokenCount: failed ? 0 : cacheRead,
        cacheWriteInputTokenCount: failed ? 0 : cacheWrite,
      },
      output: failed
        ? { outputContentType: "application/json", outputTokenCount: 0 }
        : {
            outputContentType: "application/json",
            outputBodyJson: {
              metrics: { latencyMs: 200 + Math.floor(random() * 3000) },
              stopReason: "end_turn",
              usage: { inputTokens: uncached, outputTokens: output, totalTokens: uncached + output },
            },
            outputTokenCount: output,
          },
      inferenceRegion: "us-east-1",
      requestMetadata: { team: random() < 0.5 ? "search" : "support" },
    };
    lines.push(JSON.stringify(record));
  }
  writeFileSync(
    join(dir, `${iso.slice(0, 13).replaceAll("-", "")}00Z_${f}.json.gz`),
    gzipSync(`${lines.join("\n")}\n`),
  );
}
