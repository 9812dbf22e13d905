// Golden files: the whole table and markdown reports of the bundled fixtures, run through the built binary
// and compared byte for byte with the files beside this test. A change to any report shows up here as a
// line diff. After a deliberate change: `npm run golden:update`, then review `git diff test/golden/`.
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCliAsync } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
/** Prices in effect on this date (`--as-of`), so the reports do not change with the calendar. */
const AS_OF = "2026-12-01";
const MONTH = "fixtures/traffic/preaggregated-month.csv";
const BURST = "fixtures/traffic/burst-minute.csv";

/** A golden file name and the llmcost arguments whose stdout it holds. */
const GOLDEN: [file: string, args: string[]][] = [
  ["project-week.table.txt", ["project", "-t", WEEK, "--format", "table"]],
  ["project-week.markdown.md", ["project", "-t", WEEK, "--format", "markdown"]],
  [
    "project-provisioned-month.table.txt",
    ["project", "-t", MONTH, "-s", "fixtures/scenarios/provisioned-titan.yaml", "--format", "table"],
  ],
  [
    "project-provisioned-month.markdown.md",
    ["project", "-t", MONTH, "-s", "fixtures/scenarios/provisioned-titan.yaml", "--format", "markdown"],
  ],
  ...(["table", "markdown"] as const).map((format): [string, string[]] => [
    `project-week-hipaa-hybrid.${format}.${format === "table" ? "txt" : "md"}`,
    ["project", "-t", WEEK, "-s", "fixtures/scenarios/hipaa-hybrid.yaml", "--format", format],
  ]),
  ...(["table", "markdown"] as const).map((format): [string, string[]] => [
    `project-week-rag-strategies.${format}.${format === "table" ? "txt" : "md"}`,
    ["project", "-t", WEEK, "-s", "fixtures/scenarios/rag-strategies.yaml", "--format", format],
  ]),
  ...(["table", "markdown"] as const).flatMap((format): [string, string[]][] => {
    const extension = format === "table" ? "txt" : "md";
    return ["seed-hybrid", "failover-drill"].map((policy) => [
      `route-week-${policy}.${format}.${extension}`,
      ["route", "--dry-run", "-t", WEEK, "--policy", `fixtures/policies/${policy}.yaml`, "--format", format],
    ]);
  }),
  [
    "project-burst-quota-drill.table.txt",
    ["project", "-t", BURST, "-s", "fixtures/scenarios/quota-drill.yaml"],
  ],
  [
    "route-burst-quota-drill.table.txt",
    ["route", "--dry-run", "-t", BURST, "--policy", "fixtures/policies/quota-drill.yaml"],
  ],
  [
    "route-burst-quota-drill.explain-burst-5.table.txt",
    [
      "route",
      "--dry-run",
      "-t",
      BURST,
      "--policy",
      "fixtures/policies/quota-drill.yaml",
      "--explain",
      "burst-5",
    ],
  ],
  [
    "route-week-seed-hybrid.explain-req-7-1.table.txt",
    [
      "route",
      "--dry-run",
      "-t",
      WEEK,
      "--policy",
      "fixtures/policies/seed-hybrid.yaml",
      "--explain",
      "req-7-1",
    ],
  ],
];

describe("golden reports (test/golden/*; npm run golden:update rewrites them)", () => {
  // Concurrent: each case waits on its own process, so two can run at once.
  it.concurrent.for(GOLDEN)("%s", async ([file, args], { expect }) => {
    // `--as-of` pins the prices; runCli pins the environment (NO_COLOR, FORCE_COLOR=0, TZ=UTC, COLUMNS=80).
    const result = await runCliAsync([...args, "--as-of", AS_OF]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`./${file}`);
    // Warnings are part of what a user sees: pinned beside the report when there are any.
    if (result.stderr !== "" || existsSync(new URL(stderrFile(file), import.meta.url))) {
      await expect(result.stderr).toMatchFileSnapshot(`./${stderrFile(file)}`);
    }
  });

  // A missing golden file fails its case above (vitest.config.ts: update "none"); this catches the reverse.
  it("every file in test/golden/ belongs to a case above (a renamed case leaves none behind)", () => {
    const known = new Set(GOLDEN.flatMap(([file]) => [file, stderrFile(file)]));
    const files = readdirSync(new URL(".", import.meta.url)).filter((name) => !name.endsWith(".test.ts"));
    expect(files.filter((name) => !known.has(name))).toEqual([]);
  });
});

/** Where a case's warnings (stderr) are pinned, when it has any. */
function stderrFile(file: string): string {
  return `${file.replace(/\.(txt|md)$/, "")}.stderr.txt`;
}
