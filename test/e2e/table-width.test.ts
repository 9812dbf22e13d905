// Terminal tables stay within 120 columns where wrapping a cell can do it (issue 14): route's Compliance table
// listed its example violations on one line, about 230 columns wide.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempFiles } from "../cli.js";

describe("route's compliance table", () => {
  it("wraps the example violations within 120 columns", () => {
    // The seed policy with compliance not enforced and its compliance rule sent to a target without the label:
    // every compliance-required request is a violation.
    const seed = readFileSync(join(ROOT, "fixtures/policies/seed-hybrid.yaml"), "utf8");
    const policy = seed
      .replace("  label: hipaa", "  label: hipaa\n  enforce: false")
      .replace(
        "    when: { requires_compliance: true }\n    route: { target: bedrock-sonnet }",
        "    when: { requires_compliance: true }\n    route: { target: openai-gpt5 }",
      );
    expect(policy).not.toBe(seed);
    const dir = tempFiles({ "policy.yaml": policy });
    const result = runCli([
      "route",
      "--dry-run",
      "--policy",
      join(dir, "policy.yaml"),
      "--traffic",
      "fixtures/traffic/saas-assistant-week.csv",
    ]);
    expect(result.code).toBe(0);
    const section = result.stdout.slice(
      result.stdout.indexOf("Compliance"),
      result.stdout.indexOf("Baselines"),
    );
    expect(section).toContain("example violations");
    expect(section).toMatch(/violations\s+│\s+728 │/);
    const widths = section
      .split("\n")
      .filter((line) => /^[┌│└]/.test(line))
      .map((line) => line.length);
    expect(Math.max(...widths)).toBe(120);
  });
});
