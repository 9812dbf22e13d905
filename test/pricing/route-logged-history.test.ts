// Issue 10: route's "as logged" baseline prices each request at the price in effect at its own timestamp;
// the replayed cost stays at --as-of. Claude Sonnet 5 (released 2026-06-30) costs $2/$10 per 1M tokens until
// 2026-08-31 and $3/$15 from 2026-09-01; the policy sends everything to Claude Haiku 4.5 ($1/$5).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

const TRAFFIC = [
  "timestamp,request_id,provider,model,input_tokens,output_tokens",
  // Before Sonnet 5's release: its first known price ($2/$10) is used, and the report says so.
  "2026-06-01T12:00:00Z,early,anthropic,claude-sonnet-5,1000000,100000",
  "2026-08-31T23:59:59Z,before,anthropic,claude-sonnet-5,1000000,100000",
  "2026-09-01T00:00:00Z,after,anthropic,claude-sonnet-5,1000000,100000",
].join("\n");
const POLICY = [
  "version: 1",
  "targets:",
  "  haiku: { provider: anthropic, model: claude-haiku-4-5 }",
  "default:",
  "  route: { target: haiku }",
].join("\n");

function route(asOf: string) {
  const dir = tempFiles({ "traffic.csv": `${TRAFFIC}\n`, "policy.yaml": `${POLICY}\n` });
  const result = runCli([
    "route",
    "--dry-run",
    "-t",
    join(dir, "traffic.csv"),
    "-P",
    join(dir, "policy.yaml"),
    "--as-of",
    asOf,
    "--format",
    "json",
  ]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("route --dry-run: the as-logged baseline at each request's own price", () => {
  it("prices rows on both sides of a price change at their own price, the replay at --as-of", () => {
    const report = route("2026-10-01");
    // Logged: early 1M x $2 + 0.1M x $10 = $3; before the change the same $3; after 1M x $3 + 0.1M x $15 = $4.50.
    expect(report.totals.logged_cost_usd).toBeCloseTo(3 + 3 + 4.5, 9);
    // Replayed on Haiku 4.5 at --as-of: 3 x (1M x $1 + 0.1M x $5) = 3 x $1.50 = $4.50.
    expect(report.totals.replayed_cost_usd).toBeCloseTo(4.5, 9);
    expect(report.totals.cost_impact_usd).toBeCloseTo(4.5 - 10.5, 9);
    expect(report.logged_before_release).toEqual([
      { model: "anthropic/claude-sonnet-5", released: "2026-06-30", requests: 1 },
    ]);
    expect(report.assumptions).toContain(
      "Requests logged before their model's release are priced as logged at its first known price: anthropic/claude-sonnet-5 (released 2026-06-30, 1 requests).",
    );
  });

  it("does not move the logged cost with --as-of", () => {
    // An --as-of before the change still prices the row after it at $3/$15.
    const report = route("2026-08-15");
    expect(report.totals.logged_cost_usd).toBeCloseTo(10.5, 9);
    expect(report.totals.replayed_cost_usd).toBeCloseTo(4.5, 9);
  });
});
