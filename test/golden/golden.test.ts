// Golden files: the whole table and markdown reports of the bundled fixtures, run through the built binary
// and compared byte for byte with the files beside this test. A change to any report shows up here as a
// line diff. After a deliberate change: `npm run golden:update`, then review `git diff test/golden/`.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCliAsync } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const MONTH = "fixtures/traffic/preaggregated-month.csv";

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
  ...(["table", "markdown"] as const).flatMap((format): [string, string[]][] => {
    const extension = format === "table" ? "txt" : "md";
    return ["seed-hybrid", "failover-drill"].map((policy) => [
      `route-week-${policy}.${format}.${extension}`,
      ["route", "--dry-run", "-t", WEEK, "--policy", `fixtures/policies/${policy}.yaml`, "--format", format],
    ]);
  }),
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
    // `--as-of <date>` belongs here once the commands have it, so that reports which come to read the
    // clock (pricing freshness) stay fixed. Today project and route read no clock. The environment
    // (NO_COLOR, FORCE_COLOR=0, TZ=UTC, COLUMNS=80) is pinned by runCli.
    const result = await runCliAsync(args);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`./${file}`);
  });

  // A missing golden file fails its case above (vitest.config.ts: update "none"); this catches the reverse.
  it("every file in test/golden/ belongs to a case above (a renamed case leaves none behind)", () => {
    const known = new Set(GOLDEN.map(([file]) => file));
    const files = readdirSync(new URL(".", import.meta.url)).filter((name) => !name.endsWith(".test.ts"));
    expect(files.filter((name) => !known.has(name))).toEqual([]);
  });
});
