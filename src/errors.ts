// Marker errors. The one top-level catch in cli.ts turns these into one line on stderr and an exit code;
// anything else is a bug (exit 3).

export const ExitCode = {
  ok: 0,
  finding: 1,
  usage: 2,
  internal: 3,
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

/** Where in an input a problem is: the file, then a line (YAML/text, JSON lines), a row (CSV) or the
 * 0-based index of a record within a JSON document, then the field (a JSON path for log records). */
export interface InputLocation {
  file: string;
  line?: number;
  column?: number;
  row?: number;
  record?: number;
  field?: string;
}

/** Bad usage: unknown flags, bad enum values, conflicting flags. Exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Bad input data. The message is complete on its own; `location` is prefixed when printed. Exit 2. */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    readonly location: InputLocation,
    message: string,
  ) {
    super(message);
  }
}

/** Formats a location as `file:line:column`, `file row N` or `file record N`, then `field`. */
export function formatLocation(location: InputLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.row !== undefined) text += ` row ${location.row}`;
  if (location.record !== undefined) text += ` record ${location.record}`;
  if (location.field !== undefined) text += `, field "${location.field}"`;
  return text;
}

export function describeError(error: InputError | UsageError): string {
  if (error instanceof InputError) return `${formatLocation(error.location)}: ${error.message}`;
  return error.message;
}
