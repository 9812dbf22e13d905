// Issue 15: a plan that does not fit the providers' quotas is named in the verdict. Through the binary.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runCli, tempFiles } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";

describe("the verdict names a plan that does not fit its quotas", () => {
  it("the cheapest option over quota: the first line says so, JSON lists it", () => {
    // The default stack with its direct option alone: the bundled Anthropic tier-1 ITPM for Claude Sonnet 4.5
    // is 30,000 and the week's busiest minute sends it 389,554 input tokens, so the direct plan does not fit.
    const scenario = parse(readFileSync("fixtures/scenarios/default.yaml", "utf8"));
    scenario.options = scenario.options.filter((o: { id: string }) => o.id === "direct");
    const dir = tempFiles({ "direct-only.yaml": stringify(scenario) });
    const args = ["project", "-t", WEEK, "-s", join(dir, "direct-only.yaml"), "--as-of", "2026-12-01"];
    const json = runCli([...args, "-f", "json", "-q"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.verdict.cheapest).toBe("direct");
    expect(report.verdict.does_not_fit).toEqual(["direct"]);
    const table = runCli([...args, "--brief", "-q"]);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(
      /^Cheapest: direct at .* It does not fit its quotas at the peak minute \(see Capacity\)\.$/,
    );
  });

  it("a cheapest option that fits is not flagged; the others over quota are listed", () => {
    const json = runCli(["project", "-t", WEEK, "--as-of", "2026-12-01", "-f", "json", "-q"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    // bedrock-batch wins; its Bedrock quotas are unknown (never taken as a fit or a miss). Both direct plans
    // exceed the Anthropic and OpenAI tier-1 limits at the busiest minute.
    expect(report.verdict.cheapest).toBe("bedrock-batch");
    expect(report.verdict.does_not_fit).toEqual(["direct", "direct-batch"]);
    const brief = runCli(["project", "-t", WEEK, "--as-of", "2026-12-01", "--brief", "-q"]);
    expect(brief.stdout).not.toContain("does not fit");
  });
});
