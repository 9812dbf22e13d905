// Output formats every report command accepts. Kept free of heavy imports: cli.ts reads it at start-up.
export const REPORT_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
