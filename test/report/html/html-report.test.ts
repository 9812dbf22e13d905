// The html reports without a browser: the format rule, the page's guarantees (self-contained, escaped, verdict
// first), the charts' marks from the report data, the Mermaid blocks, and the route flows. The real-browser
// checks (layout, marker positions, console, network, mermaid.parse) are test/browser/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartFigure } from "../../../src/report/charts/chart.js";
import { breakevenMermaid, growthMermaid } from "../../../src/report/charts/mermaid.js";
import { loadPlotKit } from "../../../src/report/charts/plot-kit.js";
import { PROJECTION_CHARTS } from "../../../src/report/charts/projection-charts.js";
import { chosenFormat, REPORT_FORMATS } from "../../../src/report/formats.js";
import { renderHtmlPage } from "../../../src/report/html/page.js";
import type { ProjectionReport } from "../../../src/report/projection-data.js";
import type { RouteReport } from "../../../src/report/route-report.js";
import { LoggedModelFlows } from "../../../src/routing/flows.js";
import { runCli, runInProcess, tempFiles } from "../../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const AS_OF = "2026-12-01";

async function projectionJson(): Promise<ProjectionReport> {
  const result = await runInProcess(["project", "-t", WEEK, "--as-of", AS_OF, "--format", "json", "-q"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("format choice", () => {
  it("--format, else the --output extension when the command writes that format, else table", () => {
    expect(chosenFormat({}, REPORT_FORMATS)).toBe("table");
    expect(chosenFormat({ output: "report.html" }, REPORT_FORMATS)).toBe("html");
    expect(chosenFormat({ output: "REPORT.HTML" }, REPORT_FORMATS)).toBe("html");
    expect(chosenFormat({ output: "report.html", format: "json" }, REPORT_FORMATS)).toBe("json");
    expect(chosenFormat({ output: "report.md" }, REPORT_FORMATS)).toBe("markdown");
    expect(chosenFormat({ output: "report.markdown" }, REPORT_FORMATS)).toBe("markdown");
    expect(chosenFormat({ output: "report.json" }, REPORT_FORMATS)).toBe("json");
    expect(chosenFormat({ output: "report.csv" }, REPORT_FORMATS)).toBe("csv");
    expect(chosenFormat({ output: "report.txt" }, REPORT_FORMATS)).toBe("table");
    expect(chosenFormat({ output: "json" }, REPORT_FORMATS)).toBe("table");
    // Commands without an html report (pricing) write a table rather than a format they do not have.
    expect(chosenFormat({ output: "prices.html" })).toBe("table");
    expect(chosenFormat({ output: "prices.json" })).toBe("json");
  });

  it("pricing does not accept --format html", async () => {
    const result = await runInProcess(["pricing", "list", "--format", "html"]);
    expect(result.code).toBe(2);
  });

  it("route --explain with html is refused before the run", async () => {
    const result = await runInProcess([
      ...["route", "--dry-run", "-t", WEEK, "--policy", "fixtures/policies/seed-hybrid.yaml"],
      ...["--explain", "req-7-1", "--format", "html"],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--explain has no html report/);
  });
});

describe("the html page", () => {
  it("escapes text from inputs", () => {
    const page = renderHtmlPage({
      title: "<b>t</b>",
      verdict: ["<img src=x>", `<script>"x"&'y'</script>`],
      figures: [],
      tables: [{ title: "m", columns: [{ header: "<h>" }], rows: [["<td>"]] }],
      assumptions: ["a<b"],
      warnings: [],
    });
    expect(page).not.toMatch(/<img|<b>|<h>|<td><td>|a<b/);
    for (const escaped of [
      "&lt;b&gt;t&lt;/b&gt;",
      "&lt;img src=x&gt;",
      "<th>&lt;h&gt;</th>",
      "<td>&lt;td&gt;</td>",
      "a&lt;b",
    ])
      expect(page).toContain(escaped);
    expect(page).toContain("&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;");
  });

  it("project --output report.html writes one self-contained page: verdict, charts, tables, assumptions, in that order", () => {
    const dir = tempFiles({});
    const file = join(dir, "report.html");
    const result = runCli(["project", "-t", WEEK, "--as-of", AS_OF, "--output", file, "-q"]);
    expect(result.code).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    // Nothing to fetch and no script: no src/href attributes, no <script>, no @import or url().
    expect(html).not.toMatch(/<script|\ssrc=|\shref=|@import|url\(/i);
    const order = [
      'id="verdict"',
      'id="chart-cost-breakdown"',
      'id="chart-cost-curves"',
      'id="chart-growth"',
    ];
    order.push("<h2>Tables</h2>", 'id="assumptions"');
    const at = order.map((marker) => html.indexOf(marker));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe("projection charts (report data in, SVG out)", () => {
  it("the cost curve chart has one line per option and one marker per crossing; the breakdown one bar per part", async () => {
    const report = await projectionJson();
    const kit = await loadPlotKit();
    const [breakdown, curves] = PROJECTION_CHARTS;
    if (!breakdown || !curves) throw new Error("charts missing");
    const svg = chartFigure(curves, report, kit).markup ?? "";
    const lineGroup = svg.match(/<g[^>]*aria-description="cost line"[^>]*>(.*?)<\/g>/s)?.[1] ?? "";
    expect(lineGroup.match(/<path /g)?.length).toBe(report.options.length);
    const crossings = report.breakeven.flatMap((b) => b.crossings);
    const markers = svg.match(/<g[^>]*aria-description="breakeven"[^>]*>(.*?)<\/g>/s)?.[1] ?? "";
    expect(markers.match(/<circle /g)?.length).toBe(crossings.length);
    // The fixture's crossings (the breakeven table of test/golden/project-week.table.txt): direct = bedrock at
    // 38,018, direct = bedrock-batch at 62,343.
    expect(markers).toContain("direct = bedrock at 38,018 requests a month");
    expect(markers).toContain("direct = bedrock-batch at 62,343 requests a month");
    const bars = chartFigure(breakdown, report, kit).markup ?? "";
    const parts = report.options.flatMap((o) =>
      [o.token_cost_usd, o.provisioned_cost_usd, o.infra_cost_usd, o.hidden_cost_usd].filter(
        (usd) => usd > 0,
      ),
    );
    const barGroup = bars.match(/<g[^>]*aria-description="cost part"[^>]*>(.*?)<\/g>/s)?.[1] ?? "";
    expect(barGroup.match(/<rect /g)?.length).toBe(parts.length);
  });

  it("the cost curve in the JSON gives each option's monthly cost at today's volume", async () => {
    const report = await projectionJson();
    for (const o of report.options) {
      const c = o.cost_curve;
      const n = report.traffic.requests ?? 0;
      const hinges = c.hinges.reduce(
        (sum, h) => sum + h.usd_per_request * Math.max(0, n - h.above_requests),
        0,
      );
      // The report's requests are rounded to whole requests: allow a cent.
      expect(c.fixed_usd + c.usd_per_request * n + hinges).toBeCloseTo(o.monthly_cost_usd, 1);
    }
  });

  it("Mermaid: one line per option with as many values as x categories, the crossings named", async () => {
    const report = await projectionJson();
    const [chart, note] = breakevenMermaid(report);
    const categories = chart?.match(/x-axis "[^"]*" \[(.*)\]/)?.[1]?.split(", ") ?? [];
    const lines = chart?.match(/^ {4}line \[(.*)\]$/gm) ?? [];
    expect(lines).toHaveLength(report.options.length);
    for (const line of lines) expect(line.split(",")).toHaveLength(categories.length);
    expect(chart).toMatch(/title ".*direct = bedrock at 38,018/);
    expect(note).toMatch(/1\. direct, 2\. direct-batch, 3\. bedrock, 4\. bedrock-batch/);
    const [growth] = growthMermaid(report);
    expect(growth?.match(/^ {4}line /gm)).toHaveLength(report.options.length);
    expect(growth).toMatch(/x-axis "month" \["0", "1", /);
  });
});

describe("route flows (logged model -> target)", () => {
  it("counts requests per logged model and target, unroutable apart, models sorted", () => {
    const flows = new LoggedModelFlows(2);
    flows.add("openai", "gpt-4o", 0, 1);
    flows.add("openai", "gpt-4o", 0, 3); // same model as the row before: no look-up
    flows.add("openai", "gpt-4o", 1, 1);
    flows.add(undefined, "m", -1, 2);
    flows.add("anthropic", "claude", 1, 5);
    expect(flows.finish()).toEqual([
      { loggedModel: "anthropic/claude", targetIndex: 1, requests: 5 },
      { loggedModel: "m", targetIndex: -1, requests: 2 },
      { loggedModel: "openai/gpt-4o", targetIndex: 0, requests: 4 },
      { loggedModel: "openai/gpt-4o", targetIndex: 1, requests: 1 },
    ]);
  });

  it("the route JSON's flows add up to the requests and to each target's count", async () => {
    const result = await runInProcess([
      ...["route", "--dry-run", "-t", WEEK, "--policy", "fixtures/policies/seed-hybrid.yaml"],
      ...["--as-of", AS_OF, "--format", "json", "-q"],
    ]);
    const report: RouteReport = JSON.parse(result.stdout);
    expect(report.flows.reduce((n, f) => n + f.requests, 0)).toBe(report.totals.requests);
    for (const t of report.targets) {
      const routed = report.flows.filter((f) => f.target === t.target).reduce((n, f) => n + f.requests, 0);
      expect(routed).toBe(t.requests);
    }
  });
});
