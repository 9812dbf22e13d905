// Renders the projection report: terminal table, markdown, or CSV line items. Strings in, strings out.

import { capacitySections } from "./capacity-render.js";
import { breakevenMermaid, growthMermaid } from "./charts/mermaid.js";
import type { TextFormat } from "./formats.js";
import {
  countOf,
  formatCount,
  formatPercent,
  formatQuantity,
  formatUsd,
  formatUsdPerRequest,
  formatValue,
  roundUsd,
} from "./numbers.js";
import { NO_COMPLIANT_CELL, type ProjectionReport } from "./projection-data.js";
import { ragCsvRows, ragSections } from "./rag-render.js";
import { renderSectionsAsMarkdown, renderSectionsForTerminal, type Section } from "./sections.js";
import { showbackCsvRows, showbackSection } from "./showback-render.js";
import { renderCsv } from "./table.js";
import { verdictLines } from "./verdict-render.js";

const money = { align: "right" } as const;

/** Formats `--brief` applies to: the verdict alone (json: the report's identity and its verdict). */
export const BRIEF_FORMATS = ["table", "markdown", "json"] as const;

/**
 * The table opens with the verdict and, being read in a terminal where the end of the output is what stays on
 * screen, closes with it again; markdown opens with it. `brief`: the verdict alone.
 */
export function renderProjection(report: ProjectionReport, format: TextFormat, brief = false): string {
  const verdict = verdictLines(report.verdict);
  switch (format) {
    case "json":
      return JSON.stringify(brief ? briefReport(report) : report, null, 2);
    case "csv":
      return renderProjectionCsv(report);
    case "markdown":
      return renderSectionsAsMarkdown(heading(report), brief ? [] : projectionSections(report), verdict);
    case "table":
      return brief
        ? verdict.join("\n")
        : [
            renderSectionsForTerminal(heading(report), projectionSections(report), verdict),
            "",
            ...verdict,
          ].join("\n");
  }
}

/** `--brief --format json`: what the report is about and its verdict, nothing else. */
function briefReport(report: ProjectionReport) {
  return {
    schema_version: report.schema_version,
    prices_as_of: report.prices_as_of,
    scenario: report.scenario,
    traffic_file: report.traffic_file,
    cheapest: report.cheapest,
    verdict: report.verdict,
  };
}

function optional(section: Section | undefined): Section[] {
  return section ? [section] : [];
}

function heading(report: ProjectionReport): string {
  return `llmcost projection: ${report.scenario.name}`;
}

export function projectionSections(report: ProjectionReport): Section[] {
  return [
    trafficSection(report),
    optionsSection(report),
    ...optional(showbackSection(report)),
    ...report.options.map((option) => modelsSection(report, option)),
    ...capacitySections(report.options),
    breakevenSection(report),
    growthSection(report),
    sensitivitySection(report),
    tipsSection(report),
    ...(report.unpriced.length ? [unpricedSection(report)] : []),
    ...ragSections(report.rag),
    { title: "Assumptions", notes: [...report.assumptions, ...report.warnings.map((w) => `warning: ${w}`)] },
  ];
}

function trafficSection(report: ProjectionReport): Section {
  const { traffic, window } = report;
  const observed = window.start
    ? `${formatCount(traffic.observed_requests)} requests observed over ${window.days.toFixed(2)} days (${window.start} to ${window.end})`
    : `${formatCount(traffic.observed_requests)} requests observed (no timestamps)`;
  return {
    title: "Traffic (monthly)",
    notes: [
      `${report.traffic_file}: ${observed}, scaled x${window.monthly_scale.toFixed(4)} to ${formatCount(traffic.requests)} requests a month`,
      `tokens a month: ${formatCount(traffic.input_tokens)} input (${formatCount(traffic.cache_read_tokens)} cache read, ${formatCount(traffic.cache_write_tokens)} cache write), ${formatCount(traffic.output_tokens)} output`,
      !window.start
        ? "peak: unknown (the traffic has no timestamps)"
        : traffic.peak_requests_per_minute === null || traffic.peak_tokens_per_minute === null
          ? "peak: unknown (pre-aggregated rows spanning more than a minute give no per-minute counts)"
          : `peak: ${formatCount(traffic.peak_requests_per_minute)} requests and ${formatCount(traffic.peak_tokens_per_minute)} tokens per minute (observed)`,
      ...((traffic.failed_requests ?? 0) > 0
        ? [
            `failed: ${formatCount(traffic.failed_requests)} requests a month, billed by the tokens their rows say were consumed`,
          ]
        : []),
    ],
  };
}

function optionsSection(report: ProjectionReport): Section {
  const cheapest = report.options.find((o) => o.id === report.cheapest);
  return {
    title: "Monthly cost by option",
    columns: [
      { header: "Option" },
      { header: "Kind" },
      { header: "Tokens", ...money },
      { header: "Provisioned", ...money },
      { header: "Infra", ...money },
      { header: "Hidden", ...money },
      { header: "Monthly total", ...money },
      { header: "Per request", ...money },
    ],
    rows: report.options.map((o) => [
      `${o.id}${o.id === report.cheapest ? " (cheapest)" : ""}${o.complete ? "" : " (incomplete)"}`,
      o.kind,
      formatUsd(o.token_cost_usd),
      formatUsd(o.provisioned_cost_usd),
      formatUsd(o.infra_cost_usd),
      formatUsd(o.hidden_cost_usd),
      formatUsd(o.monthly_cost_usd),
      o.per_request_usd === null ? "unknown" : formatUsdPerRequest(o.per_request_usd),
    ]),
    notes: [
      ...(cheapest
        ? report.options
            .filter((o) => o.id !== cheapest.id)
            .map((o) =>
              o.monthly_cost_usd < cheapest.monthly_cost_usd
                ? `${o.id} costs ${formatUsd(cheapest.monthly_cost_usd - o.monthly_cost_usd)} a month less than ${cheapest.id} but violates ${report.compliance?.label ?? "the compliance regime"}`
                : `${cheapest.id} saves ${formatUsd(o.monthly_cost_usd - cheapest.monthly_cost_usd)} a month against ${o.id}`,
            )
        : []),
      ...complianceNotes(report),
      ...report.verdict.reasons.map((reason) => `verdict incomplete: ${reason}`),
      "per request = monthly total / the requests the option prices",
    ],
  };
}

/** One line on the regime, one per option, and which option is cheapest with and without it. */
export function complianceNotes(report: ProjectionReport): string[] {
  const regime = report.compliance;
  if (regime === null) return [];
  const required = report.options[0]?.compliance.required_requests ?? 0;
  const lines = [
    `compliance (${regime.label}): ${formatCount(required)} requests a month need it; covered by ${regime.covered_by.join(", ")}`,
    ...report.options.map((o) =>
      o.compliance.violations === 0
        ? `${o.id}: compliant with ${regime.label}`
        : `${o.id}: ${formatCount(o.compliance.violations)} required requests a month served without ${regime.label} coverage`,
    ),
  ];
  if (report.cheapest === null) {
    lines.push(
      `no option is compliant with ${regime.label}: there is no cheapest compliant option; ${report.cheapest_any} is cheapest overall`,
    );
  } else if (report.cheapest !== report.cheapest_any) {
    lines.push(
      `${report.cheapest_any} is cheapest overall but violates ${regime.label}; ${report.cheapest} is the cheapest compliant option`,
    );
  }
  return lines;
}

/** The hidden-cost line items of an option: the multiplier's share, or the explicit overhead. */
function hiddenLines(option: ProjectionReport["options"][number]): string[][] {
  if (option.hidden_cost_form === "multiplier" && option.hidden_cost_usd)
    return [
      [
        `hidden cost (x${option.complexity_multiplier})`,
        "hidden",
        "",
        "",
        "",
        formatUsd(option.hidden_cost_usd),
      ],
    ];
  if (option.hidden_cost_form !== "overhead") return [];
  const perRequest = option.hidden_cost_usd - option.overhead_per_month_usd;
  return [
    ["operational overhead, fixed", "hidden", "", "1 month", "", formatUsd(option.overhead_per_month_usd)],
    [
      `operational overhead, ${formatUsdPerRequest(option.overhead_per_request_usd)} per request`,
      "hidden",
      "",
      "",
      "",
      formatUsd(perRequest),
    ],
  ];
}

function modelsSection(report: ProjectionReport, option: ProjectionReport["options"][number]): Section {
  const rows = option.models.map((m) => [
    m.model,
    m.provider,
    formatCount(m.requests),
    formatCount(m.input_tokens),
    formatCount(m.output_tokens),
    formatUsd(m.cost_usd),
  ]);
  const lines = [
    ...rows,
    ...option.infra.map((i) => [
      i.label,
      "infra",
      "",
      `${formatQuantity(i.quantity)} ${i.unit}`,
      "",
      formatUsd(i.monthly_cost_usd),
    ]),
    ...(option.provisioned
      ? [
          [
            `${countOf(option.provisioned.model_units, "model unit")} of ${option.provisioned.model}`,
            "provisioned",
            "",
            "",
            "",
            formatUsd(option.provisioned_cost_usd),
          ],
        ]
      : []),
    ...hiddenLines(option),
    ["Total", "", formatCount(report.traffic.requests), "", "", formatUsd(option.monthly_cost_usd)],
  ];
  return {
    title: `${option.label} (${option.id}): line items`,
    columns: [
      { header: "Model / item" },
      { header: "Provider" },
      { header: "Requests", ...money },
      { header: "Input tokens / quantity", ...money },
      { header: "Output tokens", ...money },
      { header: "Monthly", ...money },
    ],
    rows: lines,
  };
}

function breakevenSection(report: ProjectionReport): Section {
  return {
    title: "Breakeven (monthly requests where the cheaper option flips)",
    markdown: breakevenMermaid(report),
    columns: [
      { header: "Options" },
      { header: "Breakeven", ...money },
      { header: "Cheaper below" },
      { header: "Cheaper above" },
    ],
    rows: report.breakeven.map((b) => [
      `${b.a} vs ${b.b}`,
      b.requests_per_month === null ? "never" : formatCount(b.requests_per_month),
      b.cheaper_below ?? SAME_COST,
      b.requests_per_month === null
        ? b.cheaper_below === null
          ? "(the same cost at every volume)"
          : `(${b.cheaper_below} stays cheaper)`
        : (b.cheaper_above ?? SAME_COST),
    ]),
  };
}

/** Neither option of a pair is cheaper: they cost the same (within rounding). */
const SAME_COST = "neither (same cost)";

function growthSection(report: ProjectionReport): Section {
  const ids = report.options.map((o) => o.id);
  return {
    title: "Growth",
    markdown: growthMermaid(report),
    columns: [
      { header: "Month", ...money },
      { header: "Requests", ...money },
      ...ids.map((id) => ({ header: id, ...money })),
      { header: "Cheapest" },
    ],
    rows: report.growth.map((m) => [
      String(m.month),
      formatCount(m.requests),
      ...ids.map((id) => formatUsd(m.costs_usd[id] ?? 0)),
      m.cheapest ?? NO_COMPLIANT_CELL,
    ]),
    notes: [
      report.growth_flip_month === null
        ? `the cheapest option does not change within ${report.growth.length - 1} months`
        : `the cheapest option changes in month ${report.growth_flip_month}`,
    ],
  };
}

/** How many flips the table shows (JSON lists every assumption). */
const SENSITIVITY_ROWS = 3;

function sensitivitySection(report: ProjectionReport): Section {
  const flipping = report.sensitivity.filter((s) => s.flips_at !== null);
  const never = report.sensitivity.filter((s) => s.flips_at === null);
  // The three nearest flips; when fewer flip, assumptions that never do fill the table.
  const shown = [...flipping.slice(0, SENSITIVITY_ROWS), ...never].slice(0, SENSITIVITY_ROWS);
  return {
    title: "Sensitivity (the nearest values that change the cheapest option)",
    columns: [
      { header: "Assumption" },
      { header: "Now", ...money },
      { header: "Flips at", ...money },
      { header: "Change", ...money },
      { header: "New cheapest" },
    ],
    rows: shown.map((s) =>
      s.flips_at === null
        ? [s.assumption, formatValue(s.base), "never in range", "", ""]
        : [
            s.assumption,
            formatValue(s.base),
            formatValue(s.flips_at),
            s.base === 0 ? "" : `${s.flips_at >= s.base ? "+" : ""}${formatPercent(s.flips_at / s.base - 1)}`,
            s.new_cheapest ?? "none",
          ],
    ),
    notes: [
      `${formatCount(report.sensitivity.length)} assumptions searched from a tenth to ten times their value (shares from 0 to 1); ${formatCount(flipping.length)} change the cheapest option in range, ${formatCount(never.length)} never do (--format json lists each)`,
    ],
  };
}

function tipsSection(report: ProjectionReport): Section {
  if (!report.tips.length)
    return { title: "Optimization tips", notes: ["no tip saves a cent on this traffic"] };
  return {
    title: "Optimization tips",
    columns: [
      { header: "Saving / month", ...money },
      { header: "Option" },
      { header: "Tip" },
      { header: "Applies to" },
    ],
    rows: report.tips.map((t) => [formatUsd(t.monthly_saving_usd), t.option, t.title, t.applies_to]),
  };
}

function unpricedSection(report: ProjectionReport): Section {
  return {
    title: "Unpriced traffic (not in the totals: totals are incomplete)",
    columns: [
      { header: "Model" },
      { header: "Options" },
      { header: "Requests", ...money },
      { header: "Share", ...money },
      { header: "Reason" },
    ],
    rows: [
      ...report.unpriced.map((u) => [
        u.provider ? `${u.provider}/${u.model}` : u.model,
        u.options.join(", "),
        formatCount(u.monthly_requests),
        `${u.share_of_requests === null ? "unknown" : formatPercent(u.share_of_requests)} req, ${formatPercent(u.share_of_tokens)} tok`,
        u.reason,
      ]),
      ...(report.unpriced_more
        ? [
            [
              `(${formatCount(report.unpriced_more.models)} more models)`,
              "",
              formatCount(report.unpriced_more.requests),
              `${formatCount(report.unpriced_more.tokens)} tok`,
              "without a price",
            ],
          ]
        : []),
    ],
  };
}

/** Line items, one row each, summing to each option's monthly total. */
function renderProjectionCsv(report: ProjectionReport): string {
  const rows: (string | number | null)[][] = [];
  for (const o of report.options) {
    for (const m of o.models)
      rows.push([o.id, "tokens", m.model, m.provider, m.requests, "requests", m.cost_usd]);
    if (o.provisioned)
      rows.push([
        o.id,
        "provisioned",
        o.provisioned.model,
        "bedrock",
        o.provisioned.model_units,
        "model units",
        o.provisioned_cost_usd,
      ]);
    for (const i of o.infra) rows.push([o.id, "infra", i.id, "", i.quantity, i.unit, i.monthly_cost_usd]);
    if (o.hidden_cost_form === "multiplier" && o.hidden_cost_usd)
      rows.push([o.id, "hidden", "complexity", "", o.complexity_multiplier, "multiplier", o.hidden_cost_usd]);
    if (o.hidden_cost_form === "overhead") {
      const perRequestUsd = roundUsd(o.hidden_cost_usd - o.overhead_per_month_usd);
      rows.push([o.id, "hidden", "overhead-per-month", "", 1, "month", o.overhead_per_month_usd]);
      rows.push([
        o.id,
        "hidden",
        "overhead-per-request",
        "",
        report.traffic.requests,
        "requests",
        perRequestUsd,
      ]);
    }
    rows.push([o.id, "total", "", "", report.traffic.requests, "requests", o.monthly_cost_usd]);
    rows.push(...showbackCsvRows(report, o.id));
  }
  rows.push(...ragCsvRows(report.rag));
  return renderCsv(["option", "category", "item", "provider", "quantity", "unit", "monthly_cost_usd"], rows);
}
