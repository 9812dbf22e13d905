// Cell parsers for traffic rows. Each returns the value or a `FieldProblem` saying what was expected and
// what was found; the reader adds the file, row and column. Hot path: called for every cell of every row.

import type { PricingMode } from "../cost/price.js";
import { oneLine } from "../printable.js";
import type { ContextTier, RequestKind, TokenBasis } from "./row.js";

/** What was wrong with a cell; the reader wraps it in an InputError with the location. */
export class FieldProblem {
  constructor(readonly message: string) {}
}

/** No single request has a billion tokens; larger values are unit or export mistakes. */
export const MAX_TOKENS_PER_REQUEST = 1_000_000_000;
const MAX_REQUESTS_PER_ROW = 1_000_000_000;
const DIGITS = /^[0-9]+$/;
/** Longest digit string whose value a loop of `value * 10 + digit` computes exactly (below 2^53). */
const EXACT_DIGITS = 15;

/** The value of a cell written as plain ASCII digits (1 to 15 of them), else -1. A char-code loop, as a
 * regex test and then Number() cost more on every token cell of every row (docs/performance.md). */
function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > EXACT_DIGITS) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A cell quoted in a message: cut to 40 characters, control characters and line breaks escaped. */
function show(text: string): string {
  return text === "" ? "an empty cell" : `"${oneLine(text.length > 40 ? `${text.slice(0, 40)}...` : text)}"`;
}

/** A row of token totals (token_basis total) holds at most this many tokens in a column: exact integers
 * whose sums over many rows stay exact in a double. */
export const MAX_TOKENS_PER_ROW_TOTAL = 1e15;

/** A token count: a whole number from 0 to `max` (1e9 a request, or 1e15 for a row of totals). Empty is
 * allowed only when `emptyValue` is given. */
export function parseTokens(
  text: string,
  emptyValue?: number,
  max = MAX_TOKENS_PER_REQUEST,
): number | FieldProblem {
  const plain = plainDigits(text);
  if (plain >= 0 && plain <= max) return plain;
  // Anything else (empty, spaces, signs, too many digits) takes the exact path, which words the errors.
  if (DIGITS.test(text)) {
    const value = Number(text);
    if (value <= max) return value;
    const per = max === MAX_TOKENS_PER_REQUEST ? "per request" : "in a row of totals";
    return new FieldProblem(
      `expected at most ${max} tokens ${per}, found ${text} (is the unit or the column right?)`,
    );
  }
  const trimmed = text.trim();
  if (trimmed === "") {
    return emptyValue ?? new FieldProblem("expected a whole number of tokens, found an empty cell");
  }
  if (trimmed !== text) return parseTokens(trimmed, emptyValue, max);
  return new FieldProblem(`expected a whole number of tokens, found ${describeNumber(trimmed)}`);
}

function describeNumber(text: string): string {
  const value = Number(text);
  if (Number.isNaN(value)) return `${show(text)} (not a number)`;
  if (!Number.isFinite(value)) return `${show(text)} (not a finite number)`;
  if (value < 0) return `${show(text)} (negative)`;
  if (!Number.isInteger(value)) return `${show(text)} (fractional)`;
  return `${show(text)} (not written as plain digits)`;
}

/** The `requests` weight of a pre-aggregated row: a positive whole number; empty means `emptyValue` (1,
 * or NaN, "unknown", for a row of token totals). */
export function parseWeight(text: string, emptyValue = 1): number | FieldProblem {
  if (text === "1") return 1;
  const plain = plainDigits(text);
  if (plain >= 1 && plain <= MAX_REQUESTS_PER_ROW) return plain;
  const trimmed = text.trim();
  if (trimmed === "") return emptyValue;
  const value = Number(trimmed);
  if (DIGITS.test(trimmed) && value >= 1 && value <= MAX_REQUESTS_PER_ROW) return value;
  if (value === 0) return new FieldProblem("expected a positive whole number of requests, found 0");
  return new FieldProblem(
    `expected a positive whole number of requests (at most 1e9), found ${describeNumber(trimmed)}`,
  );
}

/** A non-negative measurement such as a latency; empty means absent. */
export function parseMeasure(text: string): number | undefined | FieldProblem {
  // Latencies are mostly whole milliseconds; plain digits need no trim, Number() or finiteness check.
  const plain = plainDigits(text);
  if (plain >= 0) return plain;
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  // Decimal digits only: Number() would also take "0x10", "1e3" and "Infinity".
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  return new FieldProblem(
    `expected a non-negative number of milliseconds in decimal digits (such as 850 or 850.5), found ${show(trimmed)}`,
  );
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** One of `words` in any case, or `emptyValue` for an empty cell. Few distinct values: the exact word is
 * looked up before any trimming or lower-casing. */
function parseWord<T extends string>(
  text: string,
  words: ReadonlyMap<string, T>,
  emptyValue: T | undefined,
  expected: string,
): T | undefined | FieldProblem {
  const exact = words.get(text);
  if (exact !== undefined) return exact;
  const word = text.trim().toLowerCase();
  if (word === "") return emptyValue;
  return words.get(word) ?? new FieldProblem(`expected ${expected}, found ${show(text)}`);
}

const SERVICE_TIERS = new Map<string, PricingMode>([
  ["standard", "standard"],
  ["default", "standard"],
  ["auto", "standard"],
  ["batch", "batch"],
  ["flex", "flex"],
  ["priority", "priority"],
]);

/** `service_tier`: standard, batch, flex or priority (`default` and `auto`, as OpenAI reports the standard
 * tier, read as standard); empty means standard. */
export function parseServiceTier(text: string): PricingMode | FieldProblem {
  return (
    parseWord(text, SERVICE_TIERS, "standard", "standard, batch, flex or priority (empty = standard)") ??
    "standard"
  );
}

const TOKEN_BASES = new Map<string, TokenBasis>([
  ["per_request", "per-request"],
  ["per-request", "per-request"],
  ["total", "total"],
]);

/** `token_basis`: per_request (the default; `per-request` too) or total. */
export function parseTokenBasis(text: string): TokenBasis | FieldProblem {
  return (
    parseWord(text, TOKEN_BASES, "per-request", "per_request or total (empty = per_request)") ?? "per-request"
  );
}

const CONTEXT_TIERS = new Map<string, ContextTier>([
  ["standard", "standard"],
  ["long", "long"],
  // Anthropic's usage report `context_window` values.
  ["0-200k", "standard"],
  ["200k-1m", "long"],
]);

/** `context_tier`: standard or long (Anthropic's `0-200k` and `200k-1M` too); empty means unknown. */
export function parseContextTier(text: string): ContextTier | undefined | FieldProblem {
  return parseWord(
    text,
    CONTEXT_TIERS,
    undefined,
    "standard or long (or 0-200k / 200k-1M; empty = decided by the prompt size)",
  );
}

const KINDS = new Map<string, RequestKind>([
  ["chat", "chat"],
  ["embedding", "embedding"],
  ["embeddings", "embedding"],
]);

/** `kind`: chat or embedding (`embeddings` too); empty means unstated. */
export function parseKind(text: string): RequestKind | undefined | FieldProblem {
  return parseWord(text, KINDS, undefined, "chat or embedding (empty = not stated)");
}

const TRUE_WORDS = new Set(["true", "1", "yes"]);
const FALSE_WORDS = new Set(["false", "0", "no", ""]);

/** true/false, 1/0, yes/no in any case; empty means false. */
export function parseBoolean(text: string): boolean | FieldProblem {
  if (text === "false") return false;
  if (text === "true") return true;
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return new FieldProblem(`expected true/false, 1/0 or yes/no (empty = false), found ${show(text)}`);
}

// ISO 8601 calendar date, optional time, optional zone (no zone = UTC).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const UNIX = /^\d{1,13}(?:\.\d+)?$/;
// Unix values below this are seconds (this many seconds is the year 5138); above, milliseconds.
const SECONDS_LIMIT = 1e11;

/** ISO 8601 (with or without zone; none = UTC) or unix seconds/milliseconds, to epoch milliseconds. */
export function parseTimestamp(text: string): number | undefined | FieldProblem {
  const fast = fastUtcTimestamp(text);
  if (fast !== undefined) return fast;
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const iso = ISO.exec(trimmed);
  if (iso) return isoToEpoch(iso, trimmed);
  if (UNIX.test(trimmed)) {
    const value = Number(trimmed);
    return Math.round(value < SECONDS_LIMIT ? value * 1000 : value);
  }
  return new FieldProblem(
    `expected an ISO 8601 timestamp (e.g. 2025-06-02T14:03:00Z; no zone = UTC) or unix seconds/milliseconds, found ${show(trimmed)}`,
  );
}

// Logs are sorted, so consecutive rows share a day: the day is validated once and cached, and the time
// of day is read digit by digit. Only the common `YYYY-MM-DDTHH:MM:SS[.mmm]Z` shape takes this path;
// anything else (or anything odd in it) goes through the full parser, which also words the errors.
let cachedDay = "";
let cachedDayMs = 0;

function fastUtcTimestamp(text: string): number | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || (n === 24 && text.charCodeAt(19) !== 46)) {
    return undefined;
  }
  const day = text.slice(0, 10);
  if (day !== cachedDay) {
    const parsed = parseTimestamp(`${day}T00:00:00.000+00:00`);
    if (typeof parsed !== "number") return undefined;
    cachedDay = day;
    cachedDayMs = parsed;
  }
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const millis = n === 24 ? twoDigits(text, 20) * 10 + digit(text, 22) : 0;
  if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0 || millis < 0)
    return undefined;
  return cachedDayMs + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** 0..9, or a large negative number for a non-digit so that any sum using it stays negative. */
function digit(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : -1000;
}

function twoDigits(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

function isoToEpoch(match: RegExpExecArray, text: string): number | FieldProblem {
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Date.UTC reads years 0-99 as 1900-1999; no request log is that old anyway.
  if (year < MIN_YEAR) {
    return new FieldProblem(
      `expected a year from ${MIN_YEAR} on, found ${show(text)} (implausible for a request log)`,
    );
  }
  const offset = zoneOffsetMs(zone);
  if (offset === undefined) {
    return new FieldProblem(
      `expected a UTC offset from -23:59 to +23:59 (such as +02:00), found ${show(text)} (no such offset)`,
    );
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2025-02-30 over to March; a date that does not round-trip does not exist.
  const check = new Date(utc);
  if (
    month < 1 ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    return new FieldProblem(`expected a valid date and time, found ${show(text)} (no such date or time)`);
  }
  const millis = fraction === "" ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return utc + millis - offset;
}

const MIN_YEAR = 1970;

/** The zone's offset from UTC in ms; undefined for one past 23:59 (`+2400`, `+99:99`). */
function zoneOffsetMs(zone: string): number | undefined {
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Free text: trimmed; empty means absent. */
export function parseText(text: string): string | undefined {
  if (text === "") return undefined;
  // Nothing to trim when both ends are printable ASCII other than a space (the usual cell).
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return text;
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}
