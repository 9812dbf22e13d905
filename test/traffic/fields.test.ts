// The cell parsers' fast paths (char-code loops, no trim for plain cells) must agree with the exact
// paths they skip, values and error messages alike; these are the edges where they could part.
import { describe, expect, it } from "vitest";
import {
  FieldProblem,
  MAX_TOKENS_PER_REQUEST,
  parseMeasure,
  parseText,
  parseTokens,
  parseWeight,
} from "../../src/traffic/fields.js";
import { Interner } from "../../src/traffic/intern.js";

const message = (value: unknown): string | undefined =>
  value instanceof FieldProblem ? value.message : undefined;

describe("cell parsers: fast paths agree with the exact ones", () => {
  it("token counts: leading zeros, the limit, long digit strings, spaces", () => {
    expect(parseTokens("0012")).toBe(12);
    expect(parseTokens("0")).toBe(0);
    expect(parseTokens(String(MAX_TOKENS_PER_REQUEST))).toBe(MAX_TOKENS_PER_REQUEST);
    expect(message(parseTokens("1000000001"))).toMatch(
      /at most 1000000000 tokens per request, found 1000000001/,
    );
    // 16+ digits leave the loop for the exact path.
    expect(parseTokens("0000000000000007")).toBe(7);
    expect(message(parseTokens("99999999999999999999"))).toMatch(/found 99999999999999999999 \(is the unit/);
    expect(parseTokens(" 42 ")).toBe(42);
    expect(parseTokens("", 0)).toBe(0);
    expect(message(parseTokens("1.5"))).toMatch(/found "1.5" \(fractional\)/);
    expect(message(parseTokens("-3"))).toMatch(/found "-3" \(negative\)/);
    expect(message(parseTokens("1e3"))).toMatch(/found "1e3" \(not written as plain digits\)/);
    expect(message(parseTokens("１２"))).toMatch(/not a number/);
  });

  it("weights: 0, leading zeros, the limit", () => {
    expect(parseWeight("007")).toBe(7);
    expect(parseWeight("1000000000")).toBe(1e9);
    expect(message(parseWeight("0"))).toBe("expected a positive whole number of requests, found 0");
    expect(message(parseWeight("1000000001"))).toMatch(/at most 1e9\), found "1000000001"/);
    expect(parseWeight(" 3")).toBe(3);
  });

  it("measures: digits, fractions, spaces, empty", () => {
    expect(parseMeasure("19047")).toBe(19047);
    expect(parseMeasure("007")).toBe(7);
    expect(parseMeasure("812.5")).toBe(812.5);
    expect(parseMeasure(" 12 ")).toBe(12);
    expect(parseMeasure("")).toBeUndefined();
    expect(message(parseMeasure("-1"))).toMatch(/non-negative number of milliseconds .*, found "-1"/);
  });

  it("measures: decimal digits only (Number() would take hex, exponents and Infinity)", () => {
    for (const cell of ["0x10", "1e3", "Infinity", "0b11"]) {
      expect(message(parseMeasure(cell))).toBe(
        `expected a non-negative number of milliseconds in decimal digits (such as 850 or 850.5), found "${cell}"`,
      );
    }
  });

  it("text: trimmed only when an end is a space or not printable ASCII", () => {
    expect(parseText("us-east-1")).toBe("us-east-1");
    expect(parseText(" chat\t")).toBe("chat");
    expect(parseText("\u00a0gpt-4o\u00a0")).toBe("gpt-4o");
    expect(parseText("   ")).toBeUndefined();
  });
});

describe("Interner", () => {
  it("hands out one string per value and passes values through past its limit", () => {
    const interner = new Interner();
    const first = interner.intern(["us", "east"].join("-"));
    expect(interner.intern(["us", "east"].join("-"))).toBe(first);
    for (let i = 0; i < 5000; i++) expect(interner.intern(`v${i}`)).toBe(`v${i}`);
    expect(interner.intern("us-east")).toBe(first);
  });
});
