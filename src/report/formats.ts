// Output formats of the report commands. Kept free of heavy imports: cli.ts reads it at start-up.
/** What every report command accepts. */
export const TEXT_FORMATS = ["table", "json", "csv", "markdown"] as const;
/** `project` and `route` also write a self-contained HTML page with charts (report/html/, loaded lazily). */
export const REPORT_FORMATS = [...TEXT_FORMATS, "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** What an --output extension asks for when --format is not given. */
const EXTENSION_FORMATS: Readonly<Record<string, ReportFormat>> = {
  ".json": "json",
  ".csv": "csv",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
};

/** The extensions that pick a format, for help texts: `.json, .csv, .md` (and `.html` when accepted). */
export function formatExtensions(accepted: readonly ReportFormat[]): string {
  return Object.entries(EXTENSION_FORMATS)
    .filter(([extension, format]) => accepted.includes(format) && extension !== ".markdown")
    .map(([extension]) => extension)
    .join(", ");
}

/**
 * The one rule for every command with --output: --format when given; else the --output file's extension
 * (.json, .csv, .md or .markdown, .html) when the command writes that format; else table, on a terminal
 * or a pipe alike.
 */
export function chosenFormat(
  options: { format?: ReportFormat | undefined; output?: string | undefined },
  accepted: readonly ReportFormat[] = TEXT_FORMATS,
): ReportFormat {
  if (options.format) return options.format;
  const output = options.output?.toLowerCase() ?? "";
  const dot = output.lastIndexOf(".");
  const fromExtension = dot < 0 ? undefined : EXTENSION_FORMATS[output.slice(dot)];
  return fromExtension !== undefined && accepted.includes(fromExtension) ? fromExtension : "table";
}
