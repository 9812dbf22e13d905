import { describe, expect, it } from "vitest";
import { oneLine, printable } from "../../src/printable.js";
import { csvCell, escapeMarkdown, renderTerminalTable } from "../../src/report/table.js";

describe("table helpers", () => {
  it("never sends control characters from logs to a terminal", () => {
    expect(printable("gpt-4o\u001b[2Jx\r")).toBe("gpt-4o\\x1b[2Jx\\x0d");
    const table = renderTerminalTable([{ header: "Model" }], [["evil\u001b]0;title\u0007"]]);
    expect(table).not.toContain("\u001b");
    expect(table).toContain("evil\\x1b]0;title\\x07");
  });

  it("keeps spreadsheets from running cells as formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it("catches full-width formula signs too (a spreadsheet reads them as = + - @)", () => {
    expect(csvCell("\uff1dHYPERLINK(1)")).toBe("'\uff1dHYPERLINK(1)");
    expect(csvCell("\uff0b1")).toBe("'\uff0b1");
    expect(csvCell("\uff0d1")).toBe("'\uff0d1");
    expect(csvCell("\uff20SUM(A1)")).toBe("'\uff20SUM(A1)");
    expect(csvCell("\u00e9t\u00e9")).toBe("\u00e9t\u00e9");
  });

  it("escapes markdown", () => {
    expect(escapeMarkdown("a|b*c*")).toBe("a\\|b\\*c\\*");
  });

  it("shows control characters in markdown as visible text", () => {
    expect(escapeMarkdown("evil\u001b[2J\rx")).toBe("evil\\x1b\\[2J\\x0dx");
  });

  it("oneLine keeps a quoted value on its line", () => {
    expect(oneLine("gpt\n4o\t\u001b\u2028")).toBe("gpt\\x0a4o\\x09\\x1b\\u2028");
  });

  it("a table title from a request id is escaped like its cells", () => {
    const table = renderTerminalTable([{ header: "a" }], [["1"]], "Request evil\u001b[2J\nx");
    expect(table).not.toContain("\u001b");
    expect(table.split("\n")[0]).toBe("Request evil\\x1b[2J\\x0ax");
  });
});

describe("terminal tables stay narrow", () => {
  const columns = [{ header: "item" }, { header: "usd", align: "right" as const }];
  const long = "Data transfer out to the internet (prompts, 0.5 KB + 4 bytes a token)";
  const id = "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0";

  it("wraps a long text cell at word boundaries, 40 characters wide", () => {
    const lines = renderTerminalTable(columns, [[long, "$1,234,567.89"]]).split("\n");
    // Border + space + 40 + space + border + space + 13 + space + border.
    for (const line of lines) expect([...line]).toHaveLength(1 + 42 + 1 + 15 + 1);
    expect(lines.join("\n")).toContain("Data transfer out to the internet");
    expect(lines.join("\n")).toContain("$1,234,567.89");
  });

  it("never cuts a word: a column is as wide as its longest word", () => {
    const text = renderTerminalTable(columns, [[`${id} (global) ${long}`, "$1"]]);
    expect(text).toContain(id);
    expect(text).not.toContain("…");
  });
});

describe("tables within 120 columns", () => {
  const ids = Array.from({ length: 40 }, (_, i) => `req-${i}`).join(", ");

  it("wraps a long list in a right-aligned value column (route's example violations) to fit 120 columns", () => {
    const text = renderTerminalTable(
      [{ header: "" }, { header: "value", align: "right" }],
      [
        ["requests requiring compliance", "728"],
        ["example violations", ids],
      ],
    );
    const lines = text.split("\n");
    expect(Math.max(...lines.map((line) => line.length))).toBe(120);
    // Every id is whole on some line: words are never cut.
    for (const id of ids.split(", ")) expect(text).toMatch(new RegExp(`${id}(,|\\s)`));
  });

  it("leaves a table as it is when even its longest words do not fit 120 columns", () => {
    const long = "x".repeat(70);
    const text = renderTerminalTable(
      [{ header: "a" }, { header: "b" }],
      [[long, `${long.slice(0, 60)} and more words`]],
    );
    // Column b is held at its longest word (60) by the 40-character rule; the table: (70 + 3) + (60 + 3) + 1.
    expect(text.split("\n")[0]?.length).toBe(137);
  });
});
