// Table rendering shared by every report: cli-table3 for terminals, GitHub-flavoured markdown, and CSV.
// Each returns a string; callers print.
import Table from "cli-table3";
import { oneLine, printable } from "../printable.js";

export interface Column {
  header: string;
  /** Money and counts are right-aligned. */
  align?: "left" | "right";
}

/**
 * The widest a left-aligned text column (a line item's label, a tip, a reason) is drawn before its cells wrap
 * at word boundaries: reports stay within about 120 columns instead of running to 200 and wrapping line by
 * line in the terminal. Numbers (right-aligned) never wrap.
 */
const MAX_TEXT_WIDTH = 40;

/** The widest a terminal table is drawn when wrapping cells at word boundaries can get it there. */
const MAX_TABLE_WIDTH = 120;

export function renderTerminalTable(columns: Column[], rows: string[][], title?: string): string {
  const cells = (i: number) => [columns[i]?.header ?? "", ...rows.map((row) => row[i] ?? "")];
  const widest = columns.map((_, i) => Math.max(...cells(i).map((text) => text.length)));
  // A word (a model id, a URL) is never cut: a column is at least as wide as its longest word.
  const longestWord = columns.map((_, i) =>
    Math.max(...cells(i).flatMap((text) => text.split(/\s+/).map((word) => word.length))),
  );
  const capped = columns.map((c, i) =>
    (c.align ?? "left") === "left" && (widest[i] ?? 0) > MAX_TEXT_WIDTH
      ? Math.max(MAX_TEXT_WIDTH, longestWord[i] ?? 0)
      : (widest[i] ?? 0),
  );
  const widths = fitWidths(capped, longestWord);
  const table = new Table({
    head: columns.map((c) => c.header),
    colAligns: columns.map((c) => c.align ?? "left"),
    // cli-table3 widths include one space of padding on each side; null: as wide as the content.
    colWidths: widths.map((width, i) => (width < (widest[i] ?? 0) ? width + 2 : null)),
    wordWrap: true,
    style: { head: [], border: [] },
    // No rule between body rows: long reports stay readable.
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const row of rows) table.push(row.map(printable));
  return title ? `${oneLine(title)}\n${table.toString()}` : table.toString();
}

/**
 * Content widths that fit MAX_TABLE_WIDTH: the widest column that still has room (wider than its longest word,
 * header included) gives up one character at a time. When even every column at its longest word is too wide,
 * the widths stay as they were: wrapping more would not bring the table on screen.
 */
function fitWidths(widths: readonly number[], longestWord: readonly number[]): number[] {
  // Each column adds its content, two spaces of padding and one border; the table one closing border.
  const drawn = (w: readonly number[]) => w.reduce((sum, width) => sum + width + 3, 1);
  const floor = widths.map((width, i) => Math.min(width, longestWord[i] ?? width));
  if (drawn(widths) <= MAX_TABLE_WIDTH || drawn(floor) > MAX_TABLE_WIDTH) return [...widths];
  const fitted = [...widths];
  while (drawn(fitted) > MAX_TABLE_WIDTH) {
    let pick = -1;
    fitted.forEach((width, i) => {
      if (width > (floor[i] ?? width) && (pick < 0 || width > (fitted[pick] ?? 0))) pick = i;
    });
    if (pick < 0) break;
    fitted[pick] = (fitted[pick] ?? 0) - 1;
  }
  return fitted;
}

export function renderMarkdownTable(columns: Column[], rows: string[][], title?: string): string {
  const head = `| ${columns.map((c) => escapeMarkdown(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.align === "right" ? "---:" : "---")).join("|")}|`;
  const body = rows.map((row) => `| ${row.map(escapeMarkdown).join(" | ")} |`);
  return [...(title ? [`### ${escapeMarkdown(title)}`, ""] : []), head, rule, ...body].join("\n");
}

/** Escapes text taken from logs so it cannot break or inject into a markdown table. */
export function escapeMarkdown(text: string): string {
  return printable(text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " "));
}

/** CSV rows (RFC 4180 quoting); cells a spreadsheet would run as a formula are prefixed with `'`. */
export function renderCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && startsFormula(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whether a spreadsheet would run the cell as a formula. NFKC first (on the first characters, so the usual
 * ASCII cell costs nothing): full-width ＝ ＋ － ＠ and their kin are read as the ASCII signs. */
function startsFormula(text: string): boolean {
  const head = text.charCodeAt(0) < 0x80 ? text : text.slice(0, 4).normalize("NFKC");
  return /^[=+\-@\t\r]/.test(head);
}
