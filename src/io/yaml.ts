// Loads a YAML input and validates it with its zod schema. Every error names the file, the line and the
// field path; unknown keys are errors because the schemas are strict.
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { z } from "zod";
import { closestName, didYouMean } from "../closest-name.js";
import { InputError } from "../errors.js";
import { isJsonName, refuseJsonComments } from "./json-comments.js";
import { withDefaultSignals } from "./temporary-files.js";

/** Bounds that keep alias bombs and absurd nesting from using unbounded memory or time. */
const MAX_ALIAS_COUNT = 100;
const MAX_DEPTH = 64;
/** 16 MB of text: YAML is parsed in one synchronous step, so the size bounds the time Ctrl-C waits. */
const MAX_YAML_CHARS = 16 * 2 ** 20;
/**
 * Past 1 MB a parse takes long enough (seconds at 16 MB) to run it with the default signal action (see
 * withDefaultSignals). Not below: setting the handlers aside closes their libuv handles, and a signal that
 * arrived just before, not yet handled, would be dropped with them. readTextFile lets the event loop turn
 * twice after reading, so that window is the few statements between its return and the parse.
 */
const LONG_PARSE_CHARS = 2 ** 20;

export interface ParsedYaml {
  file: string;
  document: Document;
  lineCounter: LineCounter;
  value: unknown;
}

export function parseYamlText(file: string, text: string): ParsedYaml {
  if (text.length > MAX_YAML_CHARS) {
    throw new InputError(
      { file },
      `is ${(text.length / 2 ** 20).toFixed(1)} MB; YAML inputs are limited to 16 MB (a scenario, policy, pricing or answers file is far smaller; for large price lists use LiteLLM JSON)`,
    );
  }
  const lineCounter = new LineCounter();
  const parse = () => {
    const tooDeep = firstTooDeepLine(text);
    if (tooDeep !== undefined) {
      throw new InputError(
        { file, line: tooDeep },
        `invalid YAML: expected at most ${MAX_DEPTH} levels of nesting, found more (rejected before parsing)`,
      );
    }
    // A .json file is read as YAML (a superset), which takes a `// comment` for text: name it instead.
    if (isJsonName(file) && !isJson(text)) refuseJsonComments(file, text);
    // `merge`: YAML 1.1 merge keys (`<<: *defaults`), which shared policy and scenario files use.
    return parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: true });
  };
  const document = text.length > LONG_PARSE_CHARS ? withDefaultSignals(parse) : parse();
  const [firstError] = document.errors;
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    const reason = firstError.message.split("\n")[0] ?? firstError.message;
    throw new InputError({ file, line: at.line, column: at.col }, `invalid YAML: ${reason}`);
  }
  const badKey = firstBadKey(document);
  if (badKey !== undefined) {
    const at = lineCounter.linePos(badKey.offset);
    throw new InputError({ file, line: at.line, column: at.col }, badKey.reason);
  }
  let value: unknown;
  try {
    const toJS = () => document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    value = text.length > LONG_PARSE_CHARS ? withDefaultSignals(toJS) : toJS();
  } catch (error) {
    throw new InputError(
      { file },
      `invalid YAML: ${error instanceof Error ? error.message : String(error)} (aliases are limited to ${MAX_ALIAS_COUNT} expansions)`,
    );
  }
  return { file, document, lineCounter, value };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first mapping key that is a duplicate or `__proto__`, in one pass. The parser's own `uniqueKeys`
 * check compares each key with every earlier one (quadratic: 20k keys took 15 s), so it is off and this
 * check, a set per mapping, replaces it. `__proto__` cannot be a key of the records the schemas build (zod
 * drops it silently).
 */
function firstBadKey(document: Document): { offset: number; reason: string } | undefined {
  let found: { offset: number; reason: string } | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value: unknown = pair.key.value;
        const offset = pair.key.range?.[0] ?? 0;
        if (value === "__proto__") {
          found = { offset, reason: RESERVED_KEY };
          return visit.BREAK;
        }
        const identity = `${typeof value}:${String(value)}`;
        if (seen.has(identity)) {
          found = { offset, reason: "invalid YAML: Map keys must be unique" };
          return visit.BREAK;
        }
        seen.add(identity);
      }
      return undefined;
    },
  });
  return found;
}

const RESERVED_KEY = `"__proto__" cannot be a key (reserved in JavaScript; it would be dropped silently); rename it`;

/**
 * The first line whose nesting exceeds MAX_DEPTH, or undefined. The parser recurses per level, so very
 * deep input must be refused before it runs. Nesting is estimated per line: open flow brackets ({[)
 * carried over from earlier lines, plus the indentation, plus compact block indicators (`- - - x`,
 * `? ? x`) that nest on a single line. Brackets inside quoted strings count too; the bound leaves room.
 */
function firstTooDeepLine(text: string): number | undefined {
  let brackets = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x0a) {
      if (blockDepth(text, lineStart, i) + brackets > MAX_DEPTH) return line;
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      brackets++;
      if (brackets > MAX_DEPTH) return line;
    } else if ((c === 0x5d || c === 0x7d) && brackets > 0) brackets--;
  }
  return undefined;
}

/** Indentation (two spaces a level) plus compact `- ` / `? ` indicators at the start of one line. */
function blockDepth(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  let depth = Math.floor((i - start) / 2);
  for (;;) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (i + 1 >= end || (c !== 0x2d && c !== 0x3f) || (next !== 0x20 && next !== 0x09)) return depth;
    depth++;
    i += 2;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  }
}

/** Validates parsed YAML against a schema; the first issue becomes an InputError with line and field. */
export function validateYaml<T extends z.ZodType>(parsed: ParsedYaml, schema: T): z.infer<T> {
  const result = schema.safeParse(parsed.value, { reportInput: true });
  if (result.success) return result.data;
  throw (
    yamlIssues(parsed, schema, result.error.issues)[0] ??
    new InputError({ file: parsed.file }, "invalid content")
  );
}

/** Every schema issue of parsed YAML as located InputErrors (empty when valid): what `validate` lists. */
export function yamlProblems(parsed: ParsedYaml, schema: z.ZodType): InputError[] {
  const result = schema.safeParse(parsed.value, { reportInput: true });
  return result.success ? [] : yamlIssues(parsed, schema, result.error.issues);
}

/** Unknown keys first: a key reported missing is most often the one misspelt. */
function yamlIssues(
  parsed: ParsedYaml,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
): InputError[] {
  const ordered = [
    ...issues.filter((issue) => issue.code === "unrecognized_keys"),
    ...issues.filter((issue) => issue.code !== "unrecognized_keys"),
  ];
  return ordered.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    if (issue.code === "unrecognized_keys") return unknownKeys(parsed, schema, path, issue.keys);
    return new InputError(
      { file: parsed.file, ...locateInYaml(parsed, path), field: formatPath(path) || "(top level)" },
      describeIssue(issue),
    );
  });
}

/** Unknown keys of the mapping at `path`: located at the first key's own line, with the closest key the
 * schema knows there as a suggestion. */
function unknownKeys(
  parsed: ParsedYaml,
  schema: z.ZodType,
  path: readonly (string | number)[],
  keys: readonly string[],
): InputError {
  const known = knownKeysAt(schema, path);
  const first = [...path, keys[0] ?? ""];
  const closest = keys.length === 1 ? closestName(keys[0] ?? "", known) : undefined;
  const message =
    closest !== undefined
      ? `unknown key "${keys[0]}"; did you mean "${closest}"? (unknown keys are not allowed)`
      : `unknown key${keys.length > 1 ? "s" : ""} ${keys.map((key) => `"${key}"${didYouMean(key, known)}`).join(", ")} (check the spelling; unknown keys are not allowed)`;
  return new InputError(
    { file: parsed.file, ...locateKey(parsed, first), field: formatPath(first) },
    message,
  );
}

/** The keys an object schema accepts at `path` (every branch of a union), for suggestions. */
function knownKeysAt(schema: z.ZodType, path: readonly (string | number)[]): Set<string> {
  const known = new Set<string>();
  const visit = (node: unknown, depth: number, seen: number): void => {
    if (seen > 32) return;
    if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) {
      visit(node.unwrap(), depth, seen + 1);
    } else if (node instanceof z.ZodPipe) visit(node.in, depth, seen + 1);
    else if (node instanceof z.ZodLazy) visit(node.unwrap(), depth, seen + 1);
    else if (node instanceof z.ZodUnion) for (const option of node.options) visit(option, depth, seen + 1);
    else if (depth === path.length) {
      if (node instanceof z.ZodObject) for (const key of Object.keys(node.shape)) known.add(key);
    } else if (node instanceof z.ZodObject) {
      const key = path[depth];
      if (typeof key === "string" && Object.hasOwn(node.shape, key)) visit(node.shape[key], depth + 1, seen);
    } else if (node instanceof z.ZodRecord) visit(node.valueType, depth + 1, seen);
    else if (node instanceof z.ZodArray) visit(node.element, depth + 1, seen);
  };
  visit(schema, 0, 0);
  return known;
}

/** The line of the key at `path` itself (a block mapping value starts on the next line), else of its value. */
function locateKey(parsed: ParsedYaml, path: readonly (string | number)[]): { line?: number } {
  const offset = nodeOffsets(parsed.document).get(`key:${pathKey(path)}`);
  return offset === undefined
    ? locateInYaml(parsed, path)
    : { line: parsed.lineCounter.linePos(offset).line };
}

/** The line of the node at `path`, or of its nearest ancestor that exists. */
export function locateInYaml(parsed: ParsedYaml, path: readonly (string | number)[]): { line?: number } {
  // Walk up the path until a node with a source range is found (a missing key points at its parent).
  // The offsets come from an index built once per document: `getIn` searches each map's keys in turn, so
  // locating thousands of problems in a large file one by one was quadratic.
  const index = nodeOffsets(parsed.document);
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = index.get(pathKey(path.slice(0, depth)));
    if (offset !== undefined) return { line: parsed.lineCounter.linePos(offset).line };
  }
  return {};
}

const offsetIndexes = new WeakMap<Document, Map<string, number>>();

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** The start offset of every node by its path (map keys as their JS value, sequence items by index). */
function nodeOffsets(document: Document): Map<string, number> {
  const cached = offsetIndexes.get(document);
  if (cached) return cached;
  const index = new Map<string, number>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (!isNode(node)) return;
    if (node.range) index.set(pathKey(path), node.range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== "string" && typeof key !== "number") continue;
        const child = [...path, key];
        if (isScalar(pair.key) && pair.key.range) index.set(`key:${pathKey(child)}`, pair.key.range[0]);
        // A key with no value (`a:`) is located at the key.
        if (isNode(pair.value) && pair.value.range) walk(pair.value, child);
        else if (isScalar(pair.key) && pair.key.range) index.set(pathKey(child), pair.key.range[0]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    }
  };
  walk(document.contents, []);
  offsetIndexes.set(document, index);
  return index;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const found = "input" in issue && issue.input !== undefined ? `, found ${brief(issue.input)}` : "";
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (check the spelling; unknown keys are not allowed)`;
    case "invalid_type":
      return issue.input === undefined
        ? `expected ${issue.expected}, found nothing (required)`
        : `expected ${issue.expected}${found}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${found}`;
    case "custom":
      return issue.message;
    default:
      return `${issue.message}${found}`;
  }
}

/** A found value, short enough for one line. */
function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
