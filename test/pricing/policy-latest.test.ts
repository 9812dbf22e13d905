// Issue 10: a policy target's `latest` follows the catalog's derived `latest` at --as-of unless the policy
// states it; a latest_model rule never routes to a target that is not the latest (it is left out, with a
// warning at its line; --strict makes that an error). Claude Sonnet 4.5 (2025-09-29) is the latest Sonnet
// until Sonnet 4.6 (2026-02-17); Sonnet 5 (2026-06-30) is the latest from then on.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectLocatedError, runCli, tempFiles } from "../cli.js";

const TRAFFIC = [
  "timestamp,request_id,provider,model,input_tokens,output_tokens,requires_latest",
  "2026-08-01T00:00:00Z,a,anthropic,claude-sonnet-5,100,10,true",
  "2026-08-01T00:00:01Z,b,anthropic,claude-sonnet-5,100,10,true",
  "2026-08-01T00:00:02Z,c,anthropic,claude-sonnet-5,100,10,false",
].join("\n");

function policy(oldLatest?: boolean): string {
  return [
    "version: 1",
    "targets:",
    "  old:",
    "    provider: anthropic",
    "    model: claude-sonnet-4-5",
    ...(oldLatest === undefined ? [] : [`    latest: ${oldLatest}`]),
    "  new:",
    "    provider: anthropic",
    "    model: claude-sonnet-5",
    "rules:",
    "  - name: latest",
    "    when: { requires_latest: true }",
    "    route: { cheapest: [old, new] }",
    "default:",
    "  route: { target: old }",
    "",
  ].join("\n");
}

function route(policyText: string, asOf: string, ...extra: string[]) {
  const dir = tempFiles({ "t.csv": `${TRAFFIC}\n`, "p.yaml": policyText });
  const file = join(dir, "p.yaml");
  const args = ["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", file, "--as-of", asOf];
  return { file, result: runCli([...args, "--format", "json", ...extra]) };
}

const requestsOn = (report: { targets: { target: string; requests: number }[] }, name: string) =>
  report.targets.find((t) => t.target === name)?.requests ?? 0;

describe("policy latest", () => {
  it("follows the catalog at --as-of: the old Sonnet is left out of the latest rule, with a warning", () => {
    const { file, result } = route(policy(), "2026-08-15");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // Both requires_latest requests land on "new", the third (default route) on "old".
    expect(requestsOn(report, "new")).toBe(2);
    expect(requestsOn(report, "old")).toBe(1);
    expect(result.stderr).toBe(
      `warning: ${file}:12, field "rules[0].route.cheapest[0]": rule "latest" serves requests that require the latest model, but target "old" (anthropic/claude-sonnet-4-5-20250929) is not the latest of its line on 2026-08-15; the rule leaves it out and routes to new (set \`latest: true\` on the target to keep it deliberately)\n`,
    );
  });

  it("at an earlier --as-of the other way round: Sonnet 5 is not released yet", () => {
    const { result } = route(policy(), "2025-10-01");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // Only "old" is eligible: all three requests land there, although Sonnet 5 would be cheaper.
    expect(requestsOn(report, "old")).toBe(3);
    expect(result.stderr).toMatch(
      /target "new" \(anthropic\/claude-sonnet-5\) is not released yet \(2026-06-30\) on 2025-10-01/,
    );
  });

  it("a latest the policy states wins over the catalog", () => {
    // Stated true: the old Sonnet stays a candidate at a date where Sonnet 5 is not released; no warning.
    const { result } = route(policy(true), "2025-10-01");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(requestsOn(report, "old")).toBe(3);
    expect(result.stderr).not.toMatch(/target "old"/);
  });

  it("--strict makes the warning an error at the rule's line", () => {
    const { file, result } = route(policy(false), "2026-08-15", "--strict");
    expectLocatedError(
      result,
      { file, line: 13, field: "rules[0].route.cheapest[0]" },
      /not the latest of its line/,
    );
  });
});
