// Output formats every report command accepts. Kept free of heavy imports: cli.ts reads it at start-up.
export const REPORT_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The one rule for every command: table unless --format says otherwise, terminal or pipe alike. */
export function chosenFormat(options: { format?: ReportFormat | undefined }): ReportFormat {
  return options.format ?? "table";
}
