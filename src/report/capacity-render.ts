// The capacity section of the projection report (table, markdown, HTML): per option and pool, the peak
// minute against the quota. Strings in, strings out.
import type { CapacityRowJson, provisionedSizingJson } from "./capacity-data.js";
import { formatCount, formatUsd } from "./numbers.js";
import type { Section } from "./sections.js";

type Limit = CapacityRowJson["limits"]["rpm"];

function quotaText(quota: Limit["quota"]): string {
  if (quota === null) return "unknown";
  if (quota === "none") return "none";
  return formatCount(quota);
}

function peakText(peak: number | null): string {
  return peak === null ? "unknown" : formatCount(peak);
}

/** "peak/quota" for one limit. */
function limitCell(limit: Limit): string {
  return `${peakText(limit.peak)}/${quotaText(limit.quota)}`;
}

function fitsText(row: CapacityRowJson): string {
  return row.fits === null ? "unknown" : row.fits ? "yes" : "no";
}

/** "needs +359,554 itpm" for a pool that does not fit. */
function increaseNote(option: string, row: CapacityRowJson): string[] {
  if (row.fits !== false) return [];
  const needed = Object.entries(row.increase_needed)
    .filter((entry): entry is [string, number] => entry[1] !== null && entry[1] > 0)
    .map(([key, amount]) => `+${formatCount(amount)} ${key}`);
  return [`${option}: ${row.pool} does not fit; it needs ${needed.join(", ")}`];
}

/** One section per option with capacity rows: model, requests, quota tokens, input and output per minute. */
type SizingJson = ReturnType<typeof provisionedSizingJson>;

/** One line on the provisioned units the peak needs. */
function sizingNote(sizing: SizingJson): string[] {
  if (!sizing) return [];
  if (!sizing.sized) return [`provisioned throughput for ${sizing.model}: not sized (${sizing.reason})`];
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  return [
    `provisioned throughput for ${sizing.model}: ${sizing.model_units} model units carry ${formatCount(sizing.sized_for_input_tpm)} input and ${formatCount(sizing.sized_for_output_tpm)} output tokens a minute (used ${pct(sizing.utilization_input)} input, ${pct(sizing.utilization_output)} output); ${formatUsd(sizing.provisioned_monthly_usd)} for ${sizing.hours_per_month} hours + ${formatUsd(sizing.overflow_monthly_usd)} overflow on demand = ${formatUsd(sizing.total_monthly_usd)} a month, against ${formatUsd(sizing.on_demand_monthly_usd)} all on demand`,
  ];
}

export function capacitySections(
  options: readonly { id: string; capacity: CapacityRowJson[]; provisioned_sizing: SizingJson }[],
): Section[] {
  // Rows whose peak is unknown (pre-aggregated traffic without a peak factor) would be all "unknown": the
  // report's assumptions say why instead.
  const withRows = options.filter((o) => o.capacity.some((row) => row.basis !== "unknown"));
  const unknown = withRows.some((o) => o.capacity.some((row) => row.fits === null));
  return withRows.map((option, index) => ({
    title: `Capacity: ${option.id} (busiest minute, peak/quota)`,
    columns: [
      { header: "Model" },
      { header: "Req/min", align: "right" },
      { header: "Tokens/min", align: "right" },
      { header: "In/min", align: "right" },
      { header: "Out/min", align: "right" },
      { header: "Fits" },
    ],
    rows: option.capacity.map((row) => [
      row.provider === "bedrock" ? `${row.model} @${row.pool.split("@")[1] ?? ""}` : row.model,
      limitCell(row.limits.rpm),
      limitCell(row.limits.tpm),
      limitCell(row.limits.itpm),
      limitCell(row.limits.otpm),
      fitsText(row),
    ]),
    notes: [
      ...option.capacity.flatMap((row) => increaseNote(option.id, row)),
      ...sizingNote(option.provisioned_sizing),
      ...(index === withRows.length - 1
        ? [
            'Tokens/min are quota tokens: input + output x output_burndown; "none": the provider enforces no such limit; sources in docs/capacity.md.',
            ...(unknown
              ? [
                  "unknown: a quota or peak is not known (never taken as unlimited); state quotas in the scenario (quotas: provider, model, rpm, tpm, itpm, otpm, output_burndown).",
                ]
              : []),
          ]
        : []),
    ],
  }));
}
