// A report as titled tables and notes, rendered for a terminal or as markdown.
import chalk from "chalk";
import { printable } from "../printable.js";
import { type Column, escapeMarkdown, renderMarkdownTable, renderTerminalTable } from "./table.js";

export interface Section {
  title: string;
  columns?: Column[];
  rows?: string[][];
  /** Lines of text under the title (after the table, if any). */
  notes?: string[];
  /** Markdown only: blocks (a Mermaid chart) shown under the title, before the table; kept as written. */
  markdown?: string[];
}

/** `lead`: lines printed before the heading (a verdict). */
export function renderSectionsForTerminal(
  heading: string,
  sections: readonly Section[],
  lead: readonly string[] = [],
): string {
  const parts = [...lead, ...(lead.length ? [""] : []), chalk.bold(printable(heading))];
  for (const section of sections) {
    parts.push("");
    parts.push(chalk.bold.underline(section.title));
    if (section.columns && section.rows) parts.push(renderTerminalTable(section.columns, section.rows));
    for (const note of section.notes ?? []) parts.push(`  ${printable(note)}`);
  }
  return parts.join("\n");
}

/** `lead`: lines listed under the heading, before the first section (a verdict). */
export function renderSectionsAsMarkdown(
  heading: string,
  sections: readonly Section[],
  lead: readonly string[] = [],
): string {
  const parts = [`# ${escapeMarkdown(heading)}`];
  if (lead.length) parts.push("", ...lead.map((line) => `- ${escapeMarkdown(line.trim())}`));
  for (const section of sections) {
    parts.push("", `## ${escapeMarkdown(section.title)}`, "");
    for (const block of section.markdown ?? []) parts.push(block, "");
    if (section.columns && section.rows) parts.push(renderMarkdownTable(section.columns, section.rows), "");
    for (const note of section.notes ?? []) parts.push(`- ${escapeMarkdown(note)}`);
  }
  return parts.join("\n");
}
