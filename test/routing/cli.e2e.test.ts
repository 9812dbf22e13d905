// End to end: stdout, stderr and exit codes, through the built binary (the JSON summary, byte-identical reruns)
// and in-process through main (everything else).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, runInProcess } from "../cli.js";

const TRAFFIC = "fixtures/traffic/saas-assistant-week.csv";
const SEED = "fixtures/policies/seed-hybrid.yaml";
const DRILL = "fixtures/policies/failover-drill.yaml";

/** The built binary, as a user runs it (test/cli.ts pins the environment). */
function binary(...args: string[]) {
  return runCli(args);
}

/** The same CLI in-process (main from src/cli.ts): the rest of the cases, without a process each. */
function llmcost(...args: string[]) {
  return runInProcess(args);
}

describe("llmcost route --dry-run", () => {
  test("seed-hybrid: JSON summary on stdout, nothing on stderr, exit 0", async () => {
    const run = binary(
      "route",
      "--dry-run",
      "-t",
      TRAFFIC,
      "-P",
      SEED,
      "--format",
      "json",
      // The policy's latest-model rule routes to gpt-5, the latest of its line from its release (2025-08-07)
      // to gpt-5.1's; no target's price changes between the traffic week and this date.
      "--as-of",
      "2025-09-01",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.schema_version).toBe(2);
    expect(report.totals.requests).toBe(4000);
    // The fixture has 728 compliance-required requests; all go to Bedrock by the first rule.
    expect(report.rules.find((r: { rule: string }) => r.rule === "compliance").requests).toBe(728);
    expect(report.compliance.violations).toBe(0);
    const shares = report.targets.reduce((sum: number, t: { share: number }) => sum + t.share, 0);
    expect(shares).toBeCloseTo(1, 9);
  });

  test("without --dry-run: usage error, exit 2", async () => {
    const run = await llmcost("route", "-t", TRAFFIC, "-P", SEED);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/route needs --dry-run/);
  });

  test("--fail-on compliance exits 1 when a compliance-required request lands on an unlabelled target", async () => {
    const policy = "test/fixtures/routing/violating.yaml";
    const run = await llmcost(
      "route",
      "--dry-run",
      "-t",
      TRAFFIC,
      "-P",
      policy,
      "-f",
      "json",
      "--fail-on",
      "compliance",
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).compliance.violations).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/compliance-required requests were routed to targets without the label/);
    expect((await llmcost("route", "--dry-run", "-t", TRAFFIC, "-P", policy, "-f", "json")).code).toBe(0);
  });

  test("two runs are byte-identical, summary and decisions file alike", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llmcost-route-"));
    const outputs = [1, 2].map((n) => {
      const file = join(dir, `decisions-${n}.jsonl`);
      const run = binary(
        "route",
        "--dry-run",
        "-t",
        TRAFFIC,
        "-P",
        DRILL,
        "-f",
        "json",
        "--seed",
        "7",
        "--decisions",
        file,
      );
      expect(run.code).toBe(0);
      return { stdout: run.stdout, decisions: readFileSync(file, "utf8") };
    });
    expect(outputs[1]).toEqual(outputs[0]);
    const lines = outputs[0]?.decisions.trim().split("\n") ?? [];
    expect(lines).toHaveLength(4000);
    const report = JSON.parse(outputs[0]?.stdout ?? "{}");
    expect(report.breaker.openings).toBeGreaterThan(0);
    expect(report.fallbacks.length).toBeGreaterThan(0);
  });

  test("--decisions as CSV has a header and one line per request", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "llmcost-route-")), "decisions.csv");
    expect(
      (await llmcost("route", "--dry-run", "-t", TRAFFIC, "-P", SEED, "-f", "json", "--decisions", file))
        .code,
    ).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "request_id,timestamp,rule,reason_code,target,provider,model,reasoning,confidence,cost_usd,logged_cost_usd,cost_impact_usd,fallback_path,compliance_violation",
    );
    expect(lines).toHaveLength(4001);
  });

  test("--explain prints one request's trace", async () => {
    const run = await llmcost(
      "route",
      "--dry-run",
      "-t",
      TRAFFIC,
      "-P",
      SEED,
      "-f",
      "json",
      "--explain",
      "req-7-1",
    );
    expect(run.code).toBe(0);
    const { explain } = JSON.parse(run.stdout);
    // req-7-1 requires compliance (row 2 of the fixture): the first rule matches.
    expect(explain.rules[0]).toMatchObject({ rule: "compliance", matched: true });
    expect(explain.decision).toMatchObject({ target: "bedrock-sonnet", reason_code: "compliance" });
    const missing = await llmcost("route", "--dry-run", "-t", TRAFFIC, "-P", SEED, "--explain", "nope");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no request with id "nope"/);
  });

  test("--diff shows requests whose route changed", async () => {
    const run = await llmcost(
      "route",
      "--dry-run",
      "-t",
      TRAFFIC,
      "-P",
      SEED,
      "--diff",
      "fixtures/policies/per-use-case.yaml",
      "-f",
      "json",
    );
    expect(run.code).toBe(0);
    const { diff } = JSON.parse(run.stdout);
    expect(diff.changed_requests).toBeGreaterThan(0);
    expect(diff.use_cases.map((u: { use_case: string }) => u.use_case).sort()).toEqual([
      "chat",
      "classification",
      "rag_qa",
      "summarize",
    ]);
  });

  test("table and markdown render; CSV cells are formula-safe", async () => {
    expect((await llmcost("route", "--dry-run", "-t", TRAFFIC, "-P", SEED, "-f", "table")).stdout).toMatch(
      /Share per target/,
    );
    expect((await llmcost("route", "--dry-run", "-t", TRAFFIC, "-P", SEED, "-f", "markdown")).stdout).toMatch(
      /### Hits per rule/,
    );
    const csv = (await llmcost("route", "--dry-run", "-t", TRAFFIC, "-P", SEED, "-f", "csv")).stdout;
    expect(csv.split("\n")[0]).toBe("section,item,column,value");
    // Money is a raw number (a negative difference too, unquoted: a number is not a formula).
    expect(csv).toMatch(/^Baselines,everything on bedrock-sonnet,replayed - baseline \(window\),-\d+\.\d+$/m);
  });

  test("bad input: policy problems and unsorted traffic name file, line/row and field; exit 2", async () => {
    const bad = await llmcost(
      "route",
      "--dry-run",
      "-t",
      TRAFFIC,
      "-P",
      "test/fixtures/routing/unsorted.csv",
    );
    expect(bad.code).toBe(2);
    const unsorted = await llmcost(
      "route",
      "--dry-run",
      "-t",
      "test/fixtures/routing/unsorted.csv",
      "-P",
      SEED,
    );
    expect(unsorted.code).toBe(2);
    expect(unsorted.stderr).toMatch(
      /unsorted\.csv row 3, field "timestamp": traffic is not in timestamp order/,
    );
  });
});
