// Issue 17, item 2: policy regexes run on RE2 (linear time): a catastrophic-backtracking pattern cannot hang
// a replay, and a pattern RE2 cannot express is a located error when the policy is loaded. Through the binary.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectLocatedError, runCli, tempFiles } from "../cli.js";

const policy = (regex: string) => `version: 1
targets:
  a: { provider: openai, model: gpt-4o }
  b: { provider: openai, model: gpt-4o-mini }
rules:
  - name: tenant
    when: { meta.tenant: { regex: ${JSON.stringify(regex)} } }
    route: { target: b }
default:
  route: { target: a }
`;

// 40 a's then b: a backtracking engine tries about 2^40 ways to split the a's before it fails.
const EVIL = `${"a".repeat(40)}b`;
const TRAFFIC = `timestamp,request_id,model,input_tokens,output_tokens,tenant
2025-06-02T00:00:00Z,r1,gpt-4o,1000,100,${EVIL}
2025-06-02T00:01:00Z,r2,gpt-4o,1000,100,${"a".repeat(40)}
`;

describe("policy regexes on RE2", () => {
  it("^(a+)+$ against 40 a's and a b finishes, and matches only the all-a tenant", () => {
    const dir = tempFiles({ "p.yaml": policy("^(a+)+$"), "t.csv": TRAFFIC });
    const result = runCli(
      ["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml"), "-f", "json", "-q"],
      { timeoutMs: 60_000 },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const hits = Object.fromEntries(
      report.rules.map((r: { rule: string; requests: number }) => [r.rule, r.requests]),
    );
    // r2 (all a's) matches the rule; r1 (ends in b) falls to the default.
    expect(hits).toEqual({ tenant: 1, "(default)": 1 });
  });

  it.each([
    ["lookahead", "^(?=a)a"],
    ["lookbehind", "(?<!x)a"],
    ["backreference", "(a)\\1"],
  ])("%s is refused at load with the file, line and field", (_, regex) => {
    const dir = tempFiles({ "p.yaml": policy(regex), "t.csv": TRAFFIC });
    expectLocatedError(
      runCli(["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml")]),
      { file: join(dir, "p.yaml"), line: 7, field: "rules[0].when.meta.tenant.regex" },
      /lookaround .* and backreferences .* are not supported; policy regexes use RE2 syntax/,
    );
  });
});
