// Breakeven through the binary: the issue-13 repro (parallel cost curves) must say "never".
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

// Titan Express at $0.20 / $0.60 per 1M tokens: with it, bedrock and bedrock-pt (one Titan unit whose
// overflow is billed on demand) differ by a constant above the overflow point: parallel, never crossing.
const CHEAP_TITAN = `version: 1
models:
  - provider: bedrock
    model: amazon.titan-text-express-v1
    input: 0.2
    output: 0.6
    source: test override
    as_of: 2026-08-01
`;

describe("breakeven of parallel cost curves", () => {
  it("says never for bedrock vs bedrock-pt with cheap Titan (was 8.06e22 requests a month)", () => {
    const dir = tempFiles({ "titan.yaml": CHEAP_TITAN });
    const args = [
      "project",
      "-t",
      "fixtures/traffic/preaggregated-month.csv",
      "-s",
      "fixtures/scenarios/provisioned-titan.yaml",
      "-p",
      join(dir, "titan.yaml"),
    ];
    const json = runCli([...args, "-f", "json"]);
    expect(json.code).toBe(0);
    const pair = JSON.parse(json.stdout).breakeven.find(
      (b: { a: string; b: string }) => b.a === "bedrock" && b.b === "bedrock-pt",
    );
    expect(pair).toMatchObject({ requests_per_month: null, crossings: [], cheaper_below: "bedrock" });
    const table = runCli(args);
    expect(table.stdout).toMatch(/bedrock vs bedrock-pt\s*│\s*never\s*│ bedrock/);
  });
});
