import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadRoutingPolicy } from "../../src/io/policy-load.js";
import { policyJsonSchema } from "../../src/routing/policy-schema.js";
import { LOOKUP } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "llmcost-policy-"));
const TARGETS = `version: 1
targets:
  bedrock:
    provider: bedrock
    model: claude-sonnet
    compliance: [hipaa]
  openai:
    provider: openai
    model: gpt-4o
`;

async function problem(yaml: string): Promise<string> {
  const file = join(dir, "policy.yaml");
  writeFileSync(file, yaml);
  try {
    await loadRoutingPolicy(file, LOOKUP);
  } catch (error) {
    const e = error as { location: { line?: number; field?: string }; message: string };
    return `line ${e.location.line} ${e.location.field}: ${e.message.split("\n")[0]}`;
  }
  return "valid";
}

describe("policy validation names the line and the field", () => {
  test("a valid policy loads", async () => {
    expect(await problem(`${TARGETS}default:\n  route: { target: bedrock }\n`)).toBe("valid");
  });

  test("unknown key (a typo) is an error", async () => {
    expect(await problem(`${TARGETS}default:\n  route: { target: bedrock }\n  confidance: 0.8\n`)).toBe(
      // src/io/yaml.ts points an unknown key at its own line (12), with the closest key of `default`.
      'line 12 default.confidance: unknown key "confidance"; did you mean "confidence"? (unknown keys are not allowed)',
    );
  });

  test("unknown request field in a condition", async () => {
    const yaml = `${TARGETS}rules:\n  - name: r\n    when: { usecase: chat }\n    route: { target: openai }\ndefault:\n  route: { target: bedrock }\n`;
    expect(await problem(yaml)).toMatch(
      /^line 12 rules\[0\]\.when\.usecase: unknown request field "usecase"/,
    );
  });

  test("unknown target in a rule, the default, fallbacks and simulate", async () => {
    const rule = `${TARGETS}rules:\n  - name: r\n    when: { use_case: chat }\n    route: { cheapest: [openai, azure] }\ndefault:\n  route: { target: bedrock }\n`;
    expect(await problem(rule)).toMatch(/^line 13 rules\[0\]\.route\.cheapest\[1\]: unknown target "azure"/);
    expect(await problem(`${TARGETS}default:\n  route: { target: bedrok }\n`)).toMatch(
      /^line 11 default\.route\.target: unknown target "bedrok"/,
    );
    expect(
      await problem(`${TARGETS}default:\n  route: { target: bedrock }\nfallbacks:\n  bedrock: [gemini]\n`),
    ).toMatch(/^line 13 fallbacks\.bedrock\[0\]: unknown target "gemini"/);
    const simulate = `${TARGETS}default:\n  route: { target: bedrock }\nsimulate:\n  failures:\n    - { target: x, from: "2026-01-01T00:00:00Z", to: "2026-01-01T01:00:00Z" }\n`;
    expect(await problem(simulate)).toMatch(/^line 14 simulate\.failures\[0\]\.target: unknown target "x"/);
  });

  test("fallback cycles", async () => {
    const yaml = `${TARGETS}default:\n  route: { target: bedrock }\nfallbacks:\n  bedrock: [openai]\n  openai: [bedrock]\n`;
    expect(await problem(yaml)).toBe(
      "line 13 fallbacks.bedrock: fallback cycle: bedrock -> openai -> bedrock",
    );
  });

  test("a target whose model has no price", async () => {
    const yaml = `${TARGETS}  mystery:\n    provider: acme\n    model: m-1\ndefault:\n  route: { target: bedrock }\n`;
    expect(await problem(yaml)).toMatch(/^line 12 targets\.mystery\.model: no price for acme\/m-1/);
  });

  test("a rule after a catch-all can never be reached", async () => {
    const yaml = `${TARGETS}rules:\n  - name: everything\n    route: { target: bedrock }\n  - name: chat\n    when: { use_case: chat }\n    route: { target: openai }\ndefault:\n  route: { target: bedrock }\n`;
    expect(await problem(yaml)).toBe(
      'line 13 rules[1].name: rule "chat" can never be reached: rule "everything" (rules[0]) matches every request',
    );
  });

  test("bad regex and a numeric operator on a text field", async () => {
    const regex = `${TARGETS}rules:\n  - name: r\n    when: { model: { regex: "(" } }\n    route: { target: openai }\ndefault:\n  route: { target: bedrock }\n`;
    expect(await problem(regex)).toMatch(
      /^line 12 rules\[0\]\.when\.model\.regex: invalid regular expression/,
    );
    const gt = `${TARGETS}rules:\n  - name: r\n    when: { use_case: { gt: 3 } }\n    route: { target: openai }\ndefault:\n  route: { target: bedrock }\n`;
    expect(await problem(gt)).toMatch(/^line 12 rules\[0\]\.when\.use_case\.gt: "gt" compares numbers/);
  });
});

test("schemas/policy.schema.json is generated from the zod schema (regenerate: see docs/route.md)", () => {
  const committed = JSON.parse(
    readFileSync(new URL("../../schemas/policy.schema.json", import.meta.url), "utf8"),
  );
  expect(committed).toEqual(policyJsonSchema());
});
