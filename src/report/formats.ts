// Output formats of the report commands. Kept free of heavy imports: cli.ts reads it at start-up.
/** What every report command accepts. */
export const TEXT_FORMATS = ["table", "json", "csv", "markdown"] as const;
/** `project` and `route` also write a self-contained HTML page with charts (report/html/, loaded lazily). */
export const REPORT_FORMATS = [...TEXT_FORMATS, "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** The one rule for every command: table unless --format says otherwise, terminal or pipe alike. */
export function chosenFormat(options: { format?: ReportFormat | undefined }): ReportFormat {
  return options.format ?? "table";
}

/**
 * The rule for commands with an html report: as `chosenFormat`, except that `--output FILE.html` without
 * --format writes html. No other extension chooses a format.
 */
export function chosenChartFormat(options: {
  format?: ReportFormat | undefined;
  output?: string | undefined;
}): ReportFormat {
  if (options.format) return options.format;
  return options.output?.toLowerCase().endsWith(".html") ? "html" : "table";
}
