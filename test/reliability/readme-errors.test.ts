// The example messages in the README's "Errors and exit codes" section are real: each is produced by
// running the binary on the input it describes, and stderr's first line must equal the README line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, ROOT, runCli, tempFiles } from "../cli.js";

function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Errors and exit codes"));
  const block = /Examples:\n\n```\n([\s\S]*?)\n```/.exec(section)?.[1] ?? "";
  return block.split("\n").filter((line) => line.trim() !== "");
}

// Row 1842 is the 1842nd data row: 1841 good rows, then one with 12.5 input tokens.
const LOGS = `timestamp,model,input_tokens,output_tokens\n${"2025-06-02T00:00:00Z,gpt-4o,100,10\n".repeat(1841)}2025-06-02T00:01:00Z,gpt-4o,12.5,10\n`;

// options[1] starts on line 14; its misspelt key is on line 16.
const SCENARIO = `version: 1
name: mine
description: >
  A scenario with a typo in the second option.
growth:
  monthly_rate: 0.05
  horizon_months: 12
options:
  - id: direct
    kind: direct
    label: Direct APIs
    hidden_cost:
      complexity_multiplier: 1.1
  - id: bedrock
    kind: bedrock
    inference_profil: global
`;

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const POLICY = "fixtures/policies/seed-hybrid.yaml";

/** How to produce each README example: the line's start picks the recipe. */
const RECIPES: [string, () => ReturnType<typeof runCli>][] = [
  [
    "llmcost: logs.csv row",
    () => runCli(["project", "-t", "logs.csv"], { cwd: tempFiles({ "logs.csv": LOGS }) }),
  ],
  [
    "llmcost: my.scenario.yaml:",
    () =>
      runCli(["project", "-t", join(ROOT, WEEK), "-s", "my.scenario.yaml"], {
        cwd: tempFiles({ "my.scenario.yaml": SCENARIO }),
      }),
  ],
  ["error: option '-f, --format", () => runCli(["project", "-t", WEEK, "--format", "xml"])],
  // The typo is named before the --traffic it leaves missing (commander checks required options first).
  ["error: unknown option '--trafic'", () => runCli(["project", "--trafic", WEEK])],
  [
    "error: option '--explain",
    () => runCli(["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--explain", "req-7-1", "--diff", POLICY]),
  ],
];

describe("README error examples match real output", () => {
  const examples = readmeExamples();

  it("the section has examples, and a recipe for each", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const line of examples) expect(RECIPES.some(([start]) => line.startsWith(start))).toBe(true);
  });

  it.each(examples)("%s", (line) => {
    const recipe = RECIPES.find(([start]) => line.startsWith(start))?.[1];
    if (!recipe) throw new Error(`no recipe for README example: ${line}`);
    const result = recipe();
    expectCleanError(result);
    expect(result.stderr.split("\n")[0]).toBe(line);
  });
});
