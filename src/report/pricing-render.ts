// Renders `pricing list` and `pricing show` reports as table, markdown, CSV or JSON. Returns strings.
import type { ReportFormat } from "./formats.js";
import type { PricingListReport, PricingShowReport, RatesRecord } from "./pricing-data.js";
import { renderSectionsAsMarkdown, renderSectionsForTerminal, type Section } from "./sections.js";
import { type Column, renderCsv, renderMarkdownTable, renderTerminalTable } from "./table.js";

/** Per-million rates keep their significant decimals ($0.00875), unlike money totals. */
const rateFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

function rate(value: number | null): string {
  return value === null ? "-" : rateFormat.format(value);
}

const RATE_COLUMNS: Column[] = [
  { header: "input", align: "right" },
  { header: "output", align: "right" },
  { header: "cache read", align: "right" },
  { header: "cache write 5m", align: "right" },
  { header: "cache write 1h", align: "right" },
];

function rateCells(rates: RatesRecord): string[] {
  return [rates.input, rates.output, rates.cache_read, rates.cache_write_5m, rates.cache_write_1h].map(rate);
}

export function renderPricingList(report: PricingListReport, format: ReportFormat): string {
  if (format === "json") return JSON.stringify(report, null, 2);
  if (format === "csv") {
    const header = ["key", "provider", "model", "family", "latest", "input", "output", "cache_read"];
    header.push("cache_write_5m", "cache_write_1h", "long_context_threshold_tokens", "modes", "provisioned");
    header.push("as_of", "stale", "kind", "released", "retired", "prices_as_of");
    const rows = report.models.map((m) => [
      ...[m.key, m.provider, m.model, m.family, String(m.latest)],
      ...[m.rates.input, m.rates.output, m.rates.cache_read, m.rates.cache_write_5m, m.rates.cache_write_1h],
      ...[
        m.long_context_threshold_tokens,
        m.modes.join(" "),
        String(m.provisioned),
        m.as_of,
        String(m.stale),
        m.kind,
        m.released,
        m.retired,
        report.prices_as_of,
      ],
    ]);
    return renderCsv(header, rows);
  }
  const columns: Column[] = [
    { header: "model" },
    { header: "family" },
    ...RATE_COLUMNS,
    { header: "long ctx >", align: "right" },
    { header: "modes" },
    { header: "lifecycle" },
    { header: "as of" },
  ];
  const rows = report.models.map((m) => [
    m.key,
    `${m.family ?? "-"}${m.latest ? " (latest)" : ""}`,
    ...rateCells(m.rates),
    m.long_context_threshold_tokens === null ? "-" : m.long_context_threshold_tokens.toLocaleString("en-US"),
    [...m.modes, ...(m.provisioned ? ["provisioned"] : [])].join(", ") || "-",
    lifecycleCell(m),
    m.stale ? `${m.as_of} ${STALE}` : m.as_of,
  ]);
  const staleCount = report.models.filter((m) => m.stale).length;
  const title = `${report.models.length} models${report.provider ? ` at ${report.provider}` : ""}, USD per 1M tokens, prices as of ${report.prices_as_of}`;
  const footer =
    staleCount > 0 ? `\n${staleCount} prices older than ${report.max_age_days} days are marked stale.` : "";
  return format === "markdown"
    ? `${renderMarkdownTable(columns, rows, title)}\n${footer}`
    : `${renderTerminalTable(columns, rows, title)}${footer}`;
}

function lifecycleCell(m: {
  kind: string;
  released: string | null;
  retired: string | null;
  retired_at_as_of: boolean;
}): string {
  const parts = [
    ...(m.kind !== "chat" ? [m.kind] : []),
    ...(m.retired_at_as_of ? [`RETIRED ${m.retired}`] : m.retired ? [`retires ${m.retired}`] : []),
    ...(m.released && !m.retired ? [`since ${m.released}`] : []),
  ];
  return parts.join(", ") || "-";
}

/** Plain text: table cells are made printable, so a color code would show as `\x1b`. */
const STALE = "STALE";

export function renderPricingShow(report: PricingShowReport, format: ReportFormat): string {
  if (format === "json") return JSON.stringify(report, null, 2);
  if (format === "csv") return renderShowCsv(report);
  const heading = `${report.key}${report.family ? ` (family ${report.family}${report.latest ? ", latest" : ""})` : ""}`;
  const sections = showSections(report);
  return format === "markdown"
    ? renderSectionsAsMarkdown(heading, sections)
    : renderSectionsForTerminal(heading, sections);
}

function showSections(report: PricingShowReport): Section[] {
  const { prices } = report;
  const tiers: [string, RatesRecord | null][] = [
    ["on-demand", prices.standard],
    [
      prices.long_context
        ? `long context (prompt > ${prices.long_context.threshold_tokens.toLocaleString("en-US")})`
        : "",
      prices.long_context,
    ],
    ["batch", prices.batch],
    ["flex", prices.flex],
    ["priority", prices.priority],
  ];
  const sections: Section[] = [
    {
      title: "Token prices (USD per 1M tokens)",
      columns: [{ header: "tier" }, ...RATE_COLUMNS],
      rows: tiers.flatMap(([name, rates]) => (rates ? [[name, ...rateCells(rates)]] : [])),
      notes: [
        `prices as of ${report.prices_as_of}${report.price_history.length > 1 ? `; price history: ${report.price_history.map((c) => `${c.from ? `from ${c.from}` : "first known"} ${rate(c.input)} / ${rate(c.output)}`).join(", ")}` : ""}`,
        `lifecycle: ${report.kind}${report.released ? `, released ${report.released}` : ""}${report.retired ? `, ${report.retired_at_as_of ? "RETIRED" : "retires"} ${report.retired}` : ""}${report.max_input_tokens ? `, context window ${report.max_input_tokens.toLocaleString("en-US")} tokens` : ""}`,
        ...(report.profiles ? [`Bedrock profiles AWS offers: ${report.profiles.join(", ")}`] : []),
        ...report.decisions.map(
          (d) =>
            `sources disagree on ${d.component}: LiteLLM ${d.litellm ?? "-"}, genai-prices ${d.genai_prices ?? "-"}; uses ${d.chosen} (${d.by}: ${d.source})`,
        ),
        ...(report.aliases.length ? [`aliases: ${report.aliases.join(", ")}`] : []),
        ...(tiers.some(([, rates]) => rates !== null && Object.values(rates).includes(null))
          ? ["'-': no price for this component; cached tokens are then billed at the input price"]
          : []),
      ],
    },
  ];
  if (report.profile_multipliers) {
    const rows = Object.entries(report.profile_multipliers).map(([scope, multiplier]) => [
      `${scope}${scope === report.scope ? " (this id)" : ""}`,
      `x${multiplier}`,
      rate(prices.standard.input * multiplier),
      rate(prices.standard.output * multiplier),
    ]);
    sections.push({
      title: "Bedrock inference profiles",
      columns: [{ header: "scope" }, { header: "multiplier", align: "right" }, ...RATE_COLUMNS.slice(0, 2)],
      rows,
    });
  }
  if (report.provisioned) {
    const tpm = report.provisioned.tokens_per_minute_per_unit;
    sections.push({
      title: "Provisioned throughput (USD per model unit per hour)",
      columns: [{ header: "commitment" }, { header: "per unit-hour", align: "right" }],
      rows: Object.entries(report.provisioned.usd_per_unit_hour).map(([commitment, usd]) => [
        commitment,
        rate(usd),
      ]),
      notes: [
        `tokens per minute per unit: ${tpm === null ? "not known; set it in the scenario" : tpm.toLocaleString("en-US")}`,
      ],
    });
  }
  // A date after today is a mistake in the pricing file, not a negative age.
  const age =
    report.age_days < 0
      ? `as of ${report.as_of} (${-report.age_days} days in the future; check the date)`
      : `as of ${report.as_of} (${report.age_days} days old)`;
  const stale = report.stale ? ` ${STALE}: older than ${report.max_age_days} days; check the source` : "";
  sections.push({ title: "Source", notes: [...report.sources, `${age}${stale}`] });
  return sections;
}

function renderShowCsv(report: PricingShowReport): string {
  const rows: (string | number | null)[][] = [];
  const tiers = Object.entries(report.prices);
  for (const [tier, rates] of tiers) {
    if (!rates) continue;
    for (const component of ["input", "output", "cache_read", "cache_write_5m", "cache_write_1h"] as const) {
      rows.push([report.key, tier, component, rates[component], "usd_per_1m_tokens"]);
    }
    if ("threshold_tokens" in rates)
      rows.push([report.key, tier, "threshold_tokens", rates.threshold_tokens, "tokens"]);
  }
  for (const [scope, multiplier] of Object.entries(report.profile_multipliers ?? {})) {
    rows.push([report.key, "profile", scope, multiplier, "multiplier"]);
  }
  for (const [commitment, usd] of Object.entries(report.provisioned?.usd_per_unit_hour ?? {})) {
    rows.push([report.key, "provisioned", commitment, usd, "usd_per_unit_hour"]);
  }
  rows.push([report.key, "meta", "as_of", report.as_of, report.stale ? "stale" : "current"]);
  for (const source of report.sources) rows.push([report.key, "meta", "source", source, ""]);
  return renderCsv(["key", "tier", "component", "value", "unit"], rows);
}
