// Reading fields of a parsed log record with errors located at the record and the field's JSON path
// (`input.inputTokenCount`, `data[0].results[2].model`). Shared by the log formats; pure.
import { InputError } from "../../errors.js";
import { TRAFFIC_COLUMNS } from "../row.js";
import type { ImportContext, ImportedRow, RecordLocation } from "./log-format.js";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a found value reads in an error: a short JSON rendering. */
function found(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Throws an InputError at `field` of the record at `at`. */
export function fieldError(at: RecordLocation, field: string, message: string): never {
  throw new InputError({ ...at, field }, message);
}

/** Throws "expected …, found …" at `field`. */
export function expected(at: RecordLocation, field: string, what: string, value: unknown): never {
  fieldError(at, field, `expected ${what}, found ${found(value)}`);
}

/** `base.key`, or `key` at the top. */
export function path(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}

export function objectAt(value: unknown, at: RecordLocation, field: string): JsonObject {
  if (!isObject(value)) expected(at, field, "an object", value);
  return value;
}

/** An object, or undefined when the value is absent or null. */
export function optionalObject(value: unknown, at: RecordLocation, field: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  return objectAt(value, at, field);
}

export function arrayAt(value: unknown, at: RecordLocation, field: string): unknown[] {
  if (!Array.isArray(value)) expected(at, field, "an array", value);
  return value;
}

/** A string, or undefined when absent, null or empty. */
export function optionalString(value: unknown, at: RecordLocation, field: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") expected(at, field, "a string", value);
  return value;
}

export function requiredString(value: unknown, at: RecordLocation, field: string, what = "a string"): string {
  const text = optionalString(value, at, field);
  if (text === undefined) expected(at, field, what, value);
  return text;
}

/**
 * A token or request count: a non-negative whole number, or its decimal text (CSV cells, OTLP `intValue`).
 * Undefined when absent, null or an empty cell.
 */
export function optionalCount(value: unknown, at: RecordLocation, field: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < 0) {
    expected(at, field, "a whole number of 0 or more", value);
  }
  return number;
}

/** A count that is zero when the source leaves it out (a failed request with no usage, say). */
export function count(value: unknown, at: RecordLocation, field: string): number {
  return optionalCount(value, at, field) ?? 0;
}

/** A non-negative number of milliseconds (fractions allowed), or undefined when absent. */
export function optionalMilliseconds(value: unknown, at: RecordLocation, field: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number < 0) {
    expected(at, field, "a duration in milliseconds (a number of 0 or more)", value);
  }
  return number;
}

/** RFC 3339 / ISO 8601 text with a date and a time; no zone means UTC (Postgres `timestamp` columns). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The common case, UTC with a `Z`, which Date.parse reads exactly: checked by one small pattern. */
const UTC_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An RFC 3339 timestamp as epoch milliseconds. */
export function timestamp(value: unknown, at: RecordLocation, field: string): number {
  if (typeof value === "string" && UTC_Z.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  if (typeof value !== "string" || !TIMESTAMP.test(value.trim())) {
    expected(at, field, "an RFC 3339 timestamp such as 2026-11-02T10:15:00Z", value);
  }
  let text = value.trim().replace(" ", "T");
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) text += "Z";
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) expected(at, field, "a valid date and time", value);
  return ms;
}

/** Unix seconds (a whole number) as epoch milliseconds. */
export function unixSeconds(value: unknown, at: RecordLocation, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    expected(at, field, "unix seconds (a whole number)", value);
  }
  return value * 1000;
}

/** A `meta.<key>` must never take a canonical column's name, or `convert`'s CSV would read it back as that
 * column. */
const RESERVED: ReadonlySet<string> = new Set(TRAFFIC_COLUMNS);

/** A free-form key (Bedrock `requestMetadata`) as a meta key: canonical names get a `<prefix>_` prefix. */
export function metaKey(key: string, prefix: string): string {
  return RESERVED.has(key.toLowerCase()) ? `${prefix}_${key}` : key;
}

/** A scalar as meta text: strings as they are, numbers and booleans printed, anything else as JSON. */
function metaText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Sets `meta[key]` to the value as text when there is one. */
export function putMeta(meta: Record<string, string>, key: string, value: unknown): void {
  const text = metaText(value);
  if (text !== undefined && text !== "") meta[key] = text;
}

/** The user's `--model-map` entry for a logged model id, or the id itself. */
export function mappedModel(model: string, context: ImportContext): string {
  return context.modelMap.get(model) ?? model;
}

/** `emit` with each row's model passed through the user's `--model-map`. */
export function emitMapped(
  emit: (row: ImportedRow) => void,
  context: ImportContext,
): (row: ImportedRow) => void {
  if (context.modelMap.size === 0) return emit;
  return (row) => emit({ ...row, model: mappedModel(row.model, context) });
}
