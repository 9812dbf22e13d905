// Numbers typed at the wizard's prompts: thousands separators are accepted, ambiguous forms refused with
// the form to use.
import { describe, expect, it } from "vitest";
import { parseNumberAnswer } from "../../src/wizard/number-answer.js";

describe("a number typed at a prompt", () => {
  it("accepts plain numbers and commas between groups of three digits", () => {
    expect(parseNumberAnswer("250000")).toBe(250_000);
    expect(parseNumberAnswer("250,000")).toBe(250_000);
    expect(parseNumberAnswer(" 1,250,000 ")).toBe(1_250_000);
    expect(parseNumberAnswer("1,234.5")).toBe(1234.5);
    expect(parseNumberAnswer("-5")).toBe(-5);
    expect(parseNumberAnswer("1.1")).toBe(1.1);
    expect(parseNumberAnswer("2e3")).toBe(2000);
  });

  it("refuses what could mean two things or is not decimal, saying how to write it", () => {
    const how = 'write it as 250000 or 250,000 (a decimal point is ".")';
    expect(parseNumberAnswer("1,5")).toBe(`"1,5" is not a number: ${how}`);
    expect(parseNumberAnswer("25,0000")).toBe(`"25,0000" is not a number: ${how}`);
    expect(parseNumberAnswer("0x10")).toBe(`"0x10" is not a number: ${how}`);
    expect(parseNumberAnswer("twenty")).toBe(`"twenty" is not a number: ${how}`);
    expect(parseNumberAnswer("")).toBe("enter a number");
    expect(parseNumberAnswer("1e400")).toBe('"1e400" is too large');
  });
});
