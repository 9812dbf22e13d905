// Issue 18: route's CSV carries raw numbers, and --diff lists only the pairs that change, with its delta's
// sign stated (the --diff policy minus the --policy: new minus old).
import { describe, expect, it } from "vitest";
import { runCli, runInProcess } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const SEED = "fixtures/policies/seed-hybrid.yaml";
const PER_USE_CASE = "fixtures/policies/per-use-case.yaml";
const AS_OF = ["--as-of", "2025-06-08", "-q"];

interface DiffJson {
  totals: { replayed_cost_usd: number; requests: number };
  diff: {
    requests: number;
    changed_requests: number;
    matrix: { from: string; to: string; requests: number }[];
    use_cases: { use_case: string; cost_before_usd: number; cost_after_usd: number; delta_usd: number }[];
    totals: { cost_before_usd: number; cost_after_usd: number; delta_usd: number };
  };
}

describe("route --format csv", () => {
  it("writes money, counts and shares as raw numbers, not $105.57 or 4,000 (the binary)", () => {
    const csv = runCli(["route", "--dry-run", "-t", WEEK, "-P", SEED, ...AS_OF, "-f", "csv"]).stdout;
    // The week's log has 4,000 rows of one request each.
    expect(csv).toContain("\nRoute dry run,requests (window),value,4000\n");
    expect(csv).toMatch(/\nRoute dry run,replayed cost \(window\),value,\d+\.\d{1,6}\n/);
    expect(csv).toMatch(/\nShare per target,bedrock-sonnet,share,0\.\d+\n/);
    expect(csv).not.toMatch(/\$|\d,\d{3}\b|%/);
  });

  it("carries the same money as the JSON report (micro-dollars)", async () => {
    const json = await runInProcess(["route", "--dry-run", "-t", WEEK, "-P", SEED, ...AS_OF, "-f", "json"]);
    const csv = await runInProcess(["route", "--dry-run", "-t", WEEK, "-P", SEED, ...AS_OF, "-f", "csv"]);
    const report: DiffJson = JSON.parse(json.stdout);
    expect(csv.stdout).toContain(
      `\nRoute dry run,replayed cost (window),value,${report.totals.replayed_cost_usd}\n`,
    );
  });
});

describe("route --diff", () => {
  const args = ["route", "--dry-run", "-t", WEEK, "-P", PER_USE_CASE, "--diff", SEED, ...AS_OF];

  it("lists only the pairs whose target changes, and counts the others", async () => {
    const json: DiffJson = JSON.parse((await runInProcess([...args, "-f", "json"])).stdout);
    const table = (await runInProcess([...args, "-f", "table"])).stdout;
    const changedPairs = json.diff.matrix.filter((m) => m.from !== m.to);
    const keptPairs = json.diff.matrix.filter((m) => m.from === m.to);
    expect(keptPairs.length).toBeGreaterThan(0);
    const section = table.split("Diff: ")[1]?.split("\n\n")[0] ?? "";
    const listed = section
      .split("\n")
      .filter((line) => /^│ \S/.test(line) && !line.includes("from (--policy)"));
    expect(listed).toHaveLength(changedPairs.length);
    for (const pair of keptPairs) expect(section).not.toMatch(new RegExp(`│ ${pair.from} +│ ${pair.to} +│`));
    const kept = json.diff.requests - json.diff.changed_requests;
    expect(section).toContain(`(${kept.toLocaleString("en-US")} keep theirs)`);
  });

  it("states the delta as the --diff policy minus the --policy, and computes it that way", async () => {
    const json: DiffJson = JSON.parse((await runInProcess([...args, "-f", "json"])).stdout);
    const { totals } = json.diff;
    // Under seed-hybrid (--diff) the week costs more than under per-use-case (--policy): a positive delta.
    // JSON rounds each amount to micro-dollars, so the difference holds to 1e-5.
    expect(totals.cost_after_usd).toBeGreaterThan(totals.cost_before_usd);
    expect(totals.delta_usd).toBeCloseTo(totals.cost_after_usd - totals.cost_before_usd, 5);
    for (const u of json.diff.use_cases)
      expect(u.delta_usd).toBeCloseTo(u.cost_after_usd - u.cost_before_usd, 5);
    const table = (await runInProcess([...args, "-f", "table"])).stdout;
    expect(table).toContain(
      "Cost per use case (delta = --diff policy minus --policy; positive: the --diff policy costs more)",
    );
    expect(table).toContain("delta (--diff - --policy)");
  });
});
