// Renders the route report, the --explain trace and the --diff comparison as table, markdown or CSV.
// Sections are shared; CSV is long-form (section, item, column, value) so one file holds them all.
import { oneLine } from "../printable.js";
import type { RouteTrace } from "../routing/replay.js";
import { type Cell, cellText, cellValue, countCell, type Figure, numberCell, usdCell } from "./figure.js";
import type { TextFormat } from "./formats.js";
import { formatCount, roundUsd } from "./numbers.js";
import { quotaSections, throttleSection } from "./route-quota-render.js";
import { type ReportSection, type RouteReport, renderJson, routeSections } from "./route-report.js";
import { buildTraceReport } from "./route-trace.js";
import { escapeMarkdown, renderCsv, renderMarkdownTable, renderTerminalTable } from "./table.js";

function renderSections(
  sections: ReportSection[],
  format: Exclude<TextFormat, "json">,
  notes: string[],
  notesTitle = "Assumptions",
): string {
  if (format === "csv") {
    const rows = sections.flatMap((s) =>
      s.rows.flatMap((row) => {
        const item = row[0] ?? "";
        return row
          .slice(1)
          .map((value, i) => [s.title, cellText(item), s.columns[i + 1]?.header ?? "", cellValue(value)]);
      }),
    );
    return renderCsv(["section", "item", "column", "value"], rows);
  }
  const render = format === "markdown" ? renderMarkdownTable : renderTerminalTable;
  const body = sections.map((s) => render(s.columns, textRows(s.rows), s.title)).join("\n\n");
  // Notes quote model names from the logs: escape them like table cells.
  const list = notes
    .map((n) => (format === "markdown" ? `- ${escapeMarkdown(n)}` : `  - ${oneLine(n)}`))
    .join("\n");
  return `${body}\n\n${format === "markdown" ? `### ${notesTitle}` : notesTitle}\n${list}\n`;
}

export function renderRouteReport(report: RouteReport, format: TextFormat): string {
  if (format === "json") return renderJson(report);
  return renderSections(routeReportSections(report), format, report.assumptions);
}

/** The summary's sections, then the --diff comparison's when there is one. */
export function routeReportSections(report: RouteReport): ReportSection[] {
  const sections = [...routeSections(report), ...quotaSections(report)];
  if (report.diff) sections.push(...diffSections(report));
  return sections;
}

/**
 * The --diff comparison. `--policy` is the policy in place, `--diff` the one considered: "from -> to" reads as
 * moving from the first to the second, and every delta is the --diff policy's cost minus the --policy's
 * (positive: the considered policy costs more). Only pairs whose target changes are listed.
 */
function diffSections(report: RouteReport): ReportSection[] {
  const diff = report.diff;
  if (!diff) return [];
  const other = report.inputs.diff_policy ?? "the --diff policy";
  const unchanged = diff.requests - diff.changed_requests;
  return [
    {
      title: `Diff: ${formatCount(diff.changed_requests)} of ${formatCount(diff.requests)} requests change target under ${other} (${formatCount(unchanged)} keep theirs)`,
      columns: [
        { header: "from (--policy)" },
        { header: "to (--diff)" },
        { header: "requests", align: "right" },
      ],
      rows: diff.matrix.filter((m) => m.from !== m.to).map((m) => [m.from, m.to, countCell(m.requests)]),
    },
    {
      title:
        "Cost per use case (delta = --diff policy minus --policy; positive: the --diff policy costs more)",
      columns: [
        { header: "use case" },
        { header: "requests", align: "right" },
        { header: "--policy", align: "right" },
        { header: "--diff", align: "right" },
        { header: "delta (--diff - --policy)", align: "right" },
      ],
      rows: [
        ...diff.use_cases.map((u) => [
          u.use_case,
          countCell(u.requests),
          usdCell(u.cost_before_usd),
          usdCell(u.cost_after_usd),
          usdCell(u.delta_usd),
        ]),
        [
          "total",
          countCell(diff.requests),
          usdCell(diff.totals.cost_before_usd),
          usdCell(diff.totals.cost_after_usd),
          usdCell(diff.totals.delta_usd),
        ],
      ],
    },
  ];
}

export function renderTrace(routeTrace: RouteTrace, format: TextFormat): string {
  const report = buildTraceReport(routeTrace);
  if (format === "json") return renderJson(report);
  const trace = report.explain;
  const d = trace.decision;
  const sections: ReportSection[] = [
    {
      title: `Request ${trace.request_id} (row ${trace.row}, ${trace.timestamp ?? "no timestamp"})`,
      columns: [{ header: "field" }, { header: "value" }],
      rows: Object.entries(trace.request).map(([k, v]) => [k, v === null ? "" : String(v)]),
    },
    {
      title: "Rules tried (first match wins)",
      columns: [{ header: "rule" }, { header: "check" }, { header: "request" }, { header: "result" }],
      rows: trace.rules.flatMap((r) => [
        [r.rule, r.note ?? "", "", r.matched ? "MATCH" : "no match"],
        ...r.checks.map((c) => ["", c.test, c.actual, c.passed ? "pass" : "fail"]),
      ]),
    },
    {
      title: `Candidates of "${trace.route.rule}" (${trace.route.kind})`,
      columns: [
        { header: "target" },
        { header: "eligible" },
        { header: "cost", align: "right" },
        { header: "score", align: "right" },
        { header: "cost score", align: "right" },
        { header: "performance", align: "right" },
        { header: "latency score", align: "right" },
      ],
      rows: trace.candidates.map((c) => [
        c.target,
        c.eligible ? "yes" : "no (compliance)",
        perRequestUsd(c.cost_usd),
        fixed(c.score),
        fixed(c.cost_score),
        fixed(c.performance),
        fixed(c.latency_score),
      ]),
    },
    {
      title: "Attempts",
      columns: [{ header: "#", align: "right" }, { header: "target" }, { header: "outcome" }],
      rows: trace.attempts.map((a, i) => [countCell(i + 1), a.target, a.outcome]),
    },
    {
      title: "Decision",
      columns: [{ header: "" }, { header: "value" }],
      rows: [
        ["target", d.target ?? "(unroutable)"],
        ["rule / reason", `${d.rule} / ${d.reason_code}`],
        ["confidence", numberCell(d.confidence, (value) => value.toFixed(2))],
        ["cost", perRequestUsd(d.cost_usd)],
        [
          "as logged",
          d.logged_cost_usd === null ? { text: "(unpriced)", raw: null } : perRequestUsd(d.logged_cost_usd),
        ],
        ["impact", perRequestUsd(d.cost_impact_usd)],
        ["fallback path", d.fallback_path],
      ],
    },
    ...(trace.quota ? [throttleSection(trace.quota)] : []),
  ];
  return renderSections(sections, format, [d.reasoning], "Reasoning");
}

/** Per-request amounts are fractions of a cent to a few cents: six decimals keep them comparable. */
function perRequestUsd(value: number | null): Figure {
  return numberCell(value === null ? null : roundUsd(value), (usd) => `$${usd.toFixed(6)}`);
}

function fixed(value: number | null): Figure {
  return numberCell(value, (score) => score.toFixed(4));
}

/** The rows as text, for the terminal, markdown and html tables. */
export function textRows(rows: readonly (readonly Cell[])[]): string[][] {
  return rows.map((row) => row.map(cellText));
}
