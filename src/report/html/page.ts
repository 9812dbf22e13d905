// The self-contained HTML page every html report is: inline CSS, inline SVG charts, no script and nothing
// fetched, laid out as verdict, charts (each with its data as a table), the full tables, then the assumptions.
// Text from inputs (model names, rule names, file names) is always escaped.
import type { Column } from "../table.js";

export interface HtmlTable {
  title: string;
  columns?: Column[];
  rows?: string[][];
  notes?: string[];
}

/** A drawn chart: its markup, and the text and table that say the same for readers who cannot see it. */
export interface HtmlFigure {
  id: string;
  title: string;
  /** One or two sentences: what the chart shows and its main finding. */
  caption: string;
  /** `<svg>` (or Plot's `<figure>` with a legend); absent when there is nothing to draw (the caption says why). */
  markup?: string;
  alternative: HtmlTable;
}

export interface HtmlPage {
  title: string;
  /** The answer first: a few sentences. */
  verdict: string[];
  figures: HtmlFigure[];
  tables: HtmlTable[];
  assumptions: string[];
  warnings: string[];
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6473; --rule: #d9dde3; --accent: #2458b3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 1040px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.6rem 0 .4rem; }
.verdict { background: #f3f6fb; border-left: 4px solid var(--accent); padding: .75rem 1rem; margin: 0 0 1.5rem; }
.verdict p { margin: .25rem 0; }
.warning { color: #8a3b00; }
figure.chart { margin: 1.5rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { color: var(--muted); margin: .35rem 0; }
figure.chart svg { max-width: 100%; height: auto; overflow: visible; }
figure.chart h3 { margin-top: 0; }
details { margin: .4rem 0; }
details summary { cursor: pointer; color: var(--accent); }
table { border-collapse: collapse; margin: .4rem 0 .8rem; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f7f9; }
td.num, th.num { text-align: right; }
tr:last-child td { border-bottom: 2px solid var(--rule); }
ul.notes { margin: .3rem 0; padding-left: 1.2rem; color: var(--muted); }
section.table { break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  a { color: inherit; }
}
`;

function renderHtmlTable(table: HtmlTable, headingLevel = 3): string {
  const parts = [`<h${headingLevel}>${escapeHtml(table.title)}</h${headingLevel}>`];
  if (table.columns && table.rows) parts.push(tableMarkup(table.columns, table.rows));
  if (table.notes?.length)
    parts.push(`<ul class="notes">${table.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`);
  return parts.join("\n");
}

function tableMarkup(columns: Column[], rows: string[][]): string {
  const cell = (tag: "th" | "td", text: string, column: Column | undefined) =>
    `<${tag}${column?.align === "right" ? ' class="num"' : ""}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${columns.map((c) => cell("th", c.header, c)).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((text, i) => cell("td", text, columns[i])).join("")}</tr>`);
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

function figureMarkup(figure: HtmlFigure): string {
  const id = escapeHtml(figure.id);
  const alternative = figure.alternative;
  const data =
    alternative.columns && alternative.rows
      ? `<details id="${id}-data"><summary>${escapeHtml(alternative.title)}</summary>\n${tableMarkup(alternative.columns, alternative.rows)}\n</details>`
      : "";
  return [
    `<figure class="chart" id="${id}" data-chart="${id}">`,
    `<h3>${escapeHtml(figure.title)}</h3>`,
    figure.markup
      ? `<div class="plot" role="img" aria-label="${escapeHtml(figure.title)}" aria-describedby="${id}-caption">${figure.markup}</div>`
      : "",
    `<figcaption id="${id}-caption">${escapeHtml(figure.caption)}</figcaption>`,
    data,
    "</figure>",
  ].join("\n");
}

export function renderHtmlPage(page: HtmlPage): string {
  const warnings = page.warnings.map((w) => `<p class="warning">warning: ${escapeHtml(w)}</p>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<section class="verdict" id="verdict">
${page.verdict.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
${warnings.join("\n")}
</section>
<h2>Charts</h2>
${page.figures.map(figureMarkup).join("\n")}
<h2>Tables</h2>
${page.tables.map((t) => `<section class="table">\n${renderHtmlTable(t)}\n</section>`).join("\n")}
<h2>Assumptions</h2>
<ul class="assumptions" id="assumptions">
${page.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join("\n")}
</ul>
</body>
</html>
`;
}
