// Rule conditions, compiled once into predicates over traffic rows (regexes compiled once, on RE2, field
// accessors resolved once), plus a slow path that explains why a condition matched or not (--explain).
//
// Semantics: `field: value` is equality; an operator object holds when all its operators hold. A request
// without the field (e.g. no `region` column) fails eq, in, gt, gte, lt, lte and regex, and passes ne and
// nin. `meta.<column>` values are text: equality compares text, numeric operators parse the text.

import { RE2JS } from "re2js";
import { ownValue } from "../own-key.js";
import type { TrafficRow } from "../traffic/row.js";
import { BOOLEAN_COLUMNS, NUMERIC_COLUMNS } from "../traffic/row.js";
import type { ConditionSpec, Matcher, OperatorMatcher, RequestField } from "./policy-schema.js";
import { REQUEST_FIELDS } from "./policy-schema.js";

type RequestValue = string | number | boolean | undefined;
export type RowPredicate = (row: TrafficRow) => boolean;
type FieldAccessor = (row: TrafficRow) => RequestValue;

/** A problem found while compiling a condition, with its path inside the condition. */
export interface ConditionIssue {
  path: (string | number)[];
  message: string;
}

const ACCESSORS: Record<RequestField, FieldAccessor> = {
  request_id: (r) => r.requestId,
  provider: (r) => r.provider,
  model: (r) => r.model,
  region: (r) => r.region,
  use_case: (r) => r.useCase,
  input_tokens: (r) => r.inputTokens,
  output_tokens: (r) => r.outputTokens,
  cache_read_tokens: (r) => r.cacheReadTokens,
  cache_write_tokens: (r) => r.cacheWriteTokens,
  cache_write_1h_tokens: (r) => r.cacheWrite1hTokens ?? 0,
  requests: (r) => r.requests,
  token_basis: (r) => (r.tokenBasis === "total" ? "total" : "per_request"),
  service_tier: (r) => r.serviceTier ?? "standard",
  context_tier: (r) => r.contextTier,
  kind: (r) => r.kind,
  latency_ms: (r) => r.latencyMs,
  status: (r) => r.status,
  requires_compliance: (r) => r.requiresCompliance,
  latency_budget_ms: (r) => r.latencyBudgetMs,
  cost_sensitivity: (r) => r.costSensitivity,
  requires_latest: (r) => r.requiresLatest,
};

const NUMERIC_FIELDS: ReadonlySet<string> = new Set(NUMERIC_COLUMNS);
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(BOOLEAN_COLUMNS);

function isRequestField(key: string): key is RequestField {
  return (REQUEST_FIELDS as readonly string[]).includes(key);
}

export function fieldAccessor(key: string): FieldAccessor {
  if (isRequestField(key)) return ACCESSORS[key];
  const column = key.slice("meta.".length);
  return (row) => ownValue(row.meta, column);
}

function isOperatorMatcher(matcher: Matcher): matcher is OperatorMatcher {
  return typeof matcher === "object" && matcher !== null;
}

/** Field keys of a condition, in document order (combinators excluded). */
export function fieldEntries(condition: ConditionSpec): [string, Matcher][] {
  const entries: [string, Matcher][] = [];
  for (const [key, value] of Object.entries(condition)) {
    if (key === "all" || key === "any" || key === "not") continue;
    if (isMatcher(value)) entries.push([key, value]);
  }
  return entries;
}

/** Under a field key the schema only admits a matcher: a scalar or an operator object. */
function isMatcher(value: unknown): value is Matcher {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return true;
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Compiles a condition; problems (a regex that does not compile, gt on a text field) go to `issues`. */
export function compileCondition(
  condition: ConditionSpec | undefined,
  issues: ConditionIssue[],
  path: (string | number)[] = [],
): RowPredicate {
  if (condition === undefined) return () => true;
  const parts: RowPredicate[] = [];
  for (const [key, matcher] of fieldEntries(condition)) {
    parts.push(compileMatcher(key, matcher, issues, [...path, key]));
  }
  condition.all?.forEach((c, i) => {
    parts.push(compileCondition(c, issues, [...path, "all", i]));
  });
  if (condition.any) {
    const options = condition.any.map((c, i) => compileCondition(c, issues, [...path, "any", i]));
    parts.push((row) => options.some((p) => p(row)));
  }
  if (condition.not) {
    const inner = compileCondition(condition.not, issues, [...path, "not"]);
    parts.push((row) => !inner(row));
  }
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0] ?? (() => true);
  return (row) => {
    for (const part of parts) if (!part(row)) return false;
    return true;
  };
}

function compileMatcher(
  key: string,
  matcher: Matcher,
  issues: ConditionIssue[],
  path: (string | number)[],
): RowPredicate {
  const get = fieldAccessor(key);
  const isMeta = key.startsWith("meta.");
  const tests = operatorTests(
    key,
    isOperatorMatcher(matcher) ? matcher : { eq: matcher },
    isMeta,
    issues,
    path,
  );
  return (row) => {
    const value = get(row);
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

type ValueTest = (value: RequestValue) => boolean;

function operatorTests(
  key: string,
  matcher: OperatorMatcher,
  isMeta: boolean,
  issues: ConditionIssue[],
  path: (string | number)[],
): ValueTest[] {
  // Meta values are text, so literals are compared as text; request fields compare by type.
  const literal = (v: string | number | boolean) => (isMeta ? String(v) : v);
  const tests: ValueTest[] = [];
  const { eq, ne, regex } = matcher;
  if (eq !== undefined) {
    checkLiteralType(key, eq, issues, [...path, "eq"]);
    const expected = literal(eq);
    tests.push((v) => v === expected);
  }
  if (ne !== undefined) {
    const expected = literal(ne);
    tests.push((v) => v !== expected);
  }
  if (matcher.in) {
    const set = new Set(matcher.in.map(literal));
    tests.push((v) => v !== undefined && set.has(v));
  }
  if (matcher.nin) {
    const set = new Set(matcher.nin.map(literal));
    tests.push((v) => v === undefined || !set.has(v));
  }
  for (const op of ["gt", "gte", "lt", "lte"] as const) {
    const bound = matcher[op];
    if (bound === undefined) continue;
    if (!isMeta && !NUMERIC_FIELDS.has(key)) {
      issues.push({
        path: [...path, op],
        message: `"${op}" compares numbers, but "${key}" is not a number field`,
      });
    }
    tests.push(numericTest(op, bound));
  }
  if (regex !== undefined) {
    const compiled = compileRegex(regex);
    if (typeof compiled === "string") issues.push({ path: [...path, "regex"], message: compiled });
    else tests.push((v) => v !== undefined && compiled.test(String(v)));
  }
  return tests;
}

/** Constructs RE2 cannot run in linear time; named in the message rather than RE2's parser wording. */
const UNSUPPORTED_SYNTAX = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * A policy regex on RE2 (re2js), which matches in time linear in the text: a pattern such as `^(a+)+$`
 * cannot hang a replay the way a backtracking engine can. Returns the reason when the pattern is refused.
 */
function compileRegex(pattern: string): RE2JS | string {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    if (UNSUPPORTED_SYNTAX.test(pattern)) {
      return `unsupported regular expression ${JSON.stringify(pattern)}: lookaround ((?=, (?!, (?<=, (?<!) and backreferences (\\1, \\k<name>) are not supported; policy regexes use RE2 syntax, which matches in linear time`;
    }
    const reason = error instanceof Error ? error.message : String(error);
    return `invalid regular expression ${JSON.stringify(pattern)} (RE2 syntax): ${reason}`;
  }
}

function numericTest(op: "gt" | "gte" | "lt" | "lte", bound: number): ValueTest {
  const toNumber = (v: RequestValue) =>
    typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  switch (op) {
    case "gt":
      return (v) => toNumber(v) > bound;
    case "gte":
      return (v) => toNumber(v) >= bound;
    case "lt":
      return (v) => toNumber(v) < bound;
    case "lte":
      return (v) => toNumber(v) <= bound;
  }
}

function checkLiteralType(
  key: string,
  value: string | number | boolean,
  issues: ConditionIssue[],
  path: (string | number)[],
): void {
  if (BOOLEAN_FIELDS.has(key) && typeof value !== "boolean") {
    issues.push({ path, message: `"${key}" is true or false, found ${JSON.stringify(value)}` });
  } else if (NUMERIC_FIELDS.has(key) && typeof value !== "number") {
    issues.push({ path, message: `"${key}" is a number, found ${JSON.stringify(value)}` });
  }
}

/** The field keys a condition reads (`meta.<column>` included), so the reader can leave the rest out. */
export function fieldsOf(condition: ConditionSpec | undefined, into = new Set<string>()): Set<string> {
  if (condition === undefined) return into;
  for (const [key] of fieldEntries(condition)) into.add(key);
  for (const inner of condition.all ?? []) fieldsOf(inner, into);
  for (const inner of condition.any ?? []) fieldsOf(inner, into);
  fieldsOf(condition.not, into);
  return into;
}

/** Whether a condition holds for every request, judged from its shape (used to find unreachable rules). */
export function alwaysTrue(condition: ConditionSpec | undefined): boolean {
  if (condition === undefined) return true;
  if (fieldEntries(condition).length > 0) return false;
  if (condition.all && !condition.all.every(alwaysTrue)) return false;
  if (condition.any && !condition.any.some(alwaysTrue)) return false;
  if (condition.not && !alwaysFalse(condition.not)) return false;
  return true;
}

function alwaysFalse(condition: ConditionSpec): boolean {
  if (condition.any?.every(alwaysFalse)) return true;
  if (condition.all?.some(alwaysFalse)) return true;
  if (condition.not && alwaysTrue(condition.not)) return true;
  return false;
}
