// Issue 10: traffic on image, audio, video and per-query rerank models is unpriced with a reason of its kind,
// never $0; a rerank model with a per-token price in a source (LiteLLM's Voyage rows) is priced.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

const TRAFFIC = [
  "timestamp,request_id,provider,model,input_tokens,output_tokens",
  "2026-08-01T00:00:00Z,a,bedrock,cohere.rerank-v3-5:0,1000,0",
  "2026-08-01T00:00:01Z,b,openai,dall-e-3,100,0",
  "2026-08-01T00:00:02Z,c,bedrock,us.twelvelabs.pegasus-1-2-v1:0,100,100",
  "2026-08-01T00:00:03Z,d,openai,tts-1,100,0",
  "2026-08-01T00:00:04Z,e,anthropic,claude-haiku-4-5,1000000,0",
  "",
].join("\n");
const POLICY =
  "version: 1\ntargets:\n  haiku: { provider: anthropic, model: claude-haiku-4-5 }\ndefault:\n  route: { target: haiku }\n";

describe("models of kinds llmcost does not price", () => {
  it("route: unpriced with the kind's reason, left out of the as-logged baseline", () => {
    const dir = tempFiles({ "t.csv": TRAFFIC, "p.yaml": POLICY });
    const args = ["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml")];
    const result = runCli([...args, "--as-of", "2026-08-15", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // Only the Haiku 4.5 row is priced as logged: 1M input tokens x $1 = $1.
    expect(report.totals.logged_cost_usd).toBe(1);
    expect(report.totals.logged_unpriced_requests).toBe(4);
    const reasons = Object.fromEntries(
      report.unpriced_logged_models.map((m: { model: string; reason: string }) => [m.model, m.reason]),
    );
    expect(reasons).toEqual({
      "bedrock/cohere.rerank-v3-5:0":
        "bedrock/cohere.rerank-v3-5:0 is a rerank model, priced per query ($2 per 1,000 queries); llmcost prices tokens",
      "openai/dall-e-3": "openai/dall-e-3 is an image model, priced per image; llmcost prices tokens",
      "bedrock/us.twelvelabs.pegasus-1-2-v1:0":
        "bedrock/twelvelabs.pegasus-1-2-v1:0 is a video model, priced per second of input video, plus output tokens; llmcost prices tokens",
      "openai/tts-1":
        "openai/tts-1 is an audio (speech) model, priced per character or second of audio; llmcost prices tokens",
    });
    expect(result.stderr).toContain("logged model bedrock/cohere.rerank-v3-5:0 has no price (");
  });

  it("project: each is unpriced traffic with its reason, not $0", () => {
    const dir = tempFiles({ "t.csv": TRAFFIC });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "--as-of", "2026-08-15", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const reasons = report.unpriced.map((u: { model: string; reason: string }) => `${u.model}: ${u.reason}`);
    expect(reasons).toContain(
      "cohere.rerank-v3-5:0: bedrock/cohere.rerank-v3-5:0 is a rerank model, priced per query ($2 per 1,000 queries); llmcost prices tokens",
    );
    expect(reasons).toContain(
      "dall-e-3: openai/dall-e-3 is an image model, priced per image; llmcost prices tokens",
    );
    expect(reasons).toHaveLength(4);
  });

  it("a rerank model with a per-token price in LiteLLM is priced on its input tokens", () => {
    const dir = tempFiles({
      "t.csv":
        "timestamp,request_id,provider,model,input_tokens,output_tokens\n2026-08-01T00:00:00Z,a,voyage,rerank-2,2000000,0\n",
      "p.yaml": POLICY,
      // LiteLLM's entry, copied from the 2026-08 snapshot: $0.05 per 1M tokens.
      "litellm.json": JSON.stringify({
        "voyage/rerank-2": {
          input_cost_per_token: 5e-8,
          litellm_provider: "voyage",
          max_input_tokens: 16000,
          max_output_tokens: 16000,
          max_tokens: 16000,
          mode: "rerank",
          output_cost_per_token: 0,
        },
      }),
    });
    const args = ["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml")];
    const result = runCli([
      ...args,
      "--pricing",
      join(dir, "litellm.json"),
      "--as-of",
      "2026-08-15",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // 2M tokens x $0.05 per 1M = $0.10.
    expect(report.totals.logged_cost_usd).toBeCloseTo(0.1, 9);
    expect(report.unpriced_logged_models).toEqual([]);
  });
});
