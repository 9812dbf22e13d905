import { describe, expect, it } from "vitest";
import { csvCell, escapeMarkdown, printable, renderTerminalTable } from "../../src/report/table.js";

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

  it("escapes markdown", () => {
    expect(escapeMarkdown("a|b*c*")).toBe("a\\|b\\*c\\*");
  });
});
