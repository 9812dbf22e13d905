// The showback section (`project --group-by`): the busiest groups, the rest as one "other" row, and the
// total, which equals each option's monthly total rounded to the cent. Cents are summed as integers.
import { formatCount, formatUsd } from "./numbers.js";
import type { ProjectionReport } from "./projection-data.js";
import type { Section } from "./sections.js";

/** Groups a table or markdown report lists one by one; JSON and CSV list every group. */
const SHOWBACK_LISTED = 10;

type ShowbackEntry = NonNullable<ProjectionReport["showback"]>[number];

function centsOf(entry: ShowbackEntry, id: string): number {
  return Math.round((entry.cost_usd[id] ?? 0) * 100);
}

/** `team=search, model=acme-large`; a value the traffic does not give is `(none)`. */
function groupLabel(group: ShowbackEntry["group"]): string {
  return Object.entries(group)
    .map(([key, value]) => `${key}=${value ?? "(none)"}`)
    .join(", ");
}

export function showbackSection(report: ProjectionReport): Section | undefined {
  const entries = report.showback;
  const first = entries?.[0];
  if (!entries || !first) return undefined;
  const keys = Object.keys(first.group);
  const ids = report.options.map((o) => o.id);
  const listed = entries.slice(0, SHOWBACK_LISTED);
  const rest = entries.slice(SHOWBACK_LISTED);
  const requests = (list: readonly ShowbackEntry[]) =>
    list.some((e) => e.requests === null) ? null : list.reduce((sum, e) => sum + (e.requests ?? 0), 0);
  const totals = (list: readonly ShowbackEntry[]) =>
    ids.map((id) => formatUsd(list.reduce((sum, e) => sum + centsOf(e, id), 0) / 100));
  const rows = listed.map((e) => [
    ...keys.map((key) => e.group[key] ?? "(none)"),
    formatCount(e.requests),
    ...ids.map((id) => `${formatUsd(centsOf(e, id) / 100)}${e.unpriced_options.includes(id) ? " *" : ""}`),
  ]);
  const blank = keys.slice(1).map(() => "");
  if (rest.length > 0) {
    rows.push([
      `other (${formatCount(rest.length)} groups)`,
      ...blank,
      formatCount(requests(rest)),
      ...totals(rest),
    ]);
  }
  rows.push(["total", ...blank, formatCount(requests(entries)), ...totals(entries)]);
  const unpriced = entries.some((e) => e.unpriced_options.length > 0);
  return {
    title: `Showback by ${keys.join(", ")} (monthly)`,
    columns: [
      ...keys.map((key) => ({ header: key })),
      { header: "Requests", align: "right" as const },
      ...ids.map((id) => ({ header: id, align: "right" as const })),
    ],
    rows,
    notes: [
      `${formatCount(entries.length)} groups${rest.length > 0 ? `, the ${SHOWBACK_LISTED} costliest under ${report.cheapest} listed` : ""}; each column adds up to the option's monthly total to the cent (largest-remainder rule)`,
      "token cost to the group that spent it; per-request and per-token infrastructure by requests and tokens; fixed items, provisioned units and hidden cost by share of token cost",
      ...(unpriced
        ? ["* some of the group's traffic has no price under this option (see Unpriced traffic)"]
        : []),
    ],
  };
}

/** CSV rows (`option, showback, <group>, "", requests, requests, usd`), every group, for each option. */
export function showbackCsvRows(report: ProjectionReport, id: string): (string | number | null)[][] {
  return (report.showback ?? []).map((e) => [
    id,
    "showback",
    groupLabel(e.group),
    "",
    e.requests,
    "requests",
    centsOf(e, id) / 100,
  ]);
}
