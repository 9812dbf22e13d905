// Warnings and notices for the user: stderr only, so stdout carries nothing but the report.
import chalk from "chalk";
import { printable } from "../report/table.js";
import type { OutputOptions } from "./options.js";

export interface Diagnostics {
  warn(message: string): void;
  info(message: string): void;
}

export function createDiagnostics(options: Pick<OutputOptions, "quiet" | "verbose">): Diagnostics {
  return {
    warn(message) {
      if (!options.quiet) process.stderr.write(`${chalk.yellow("warning:")} ${printable(message)}\n`);
    },
    info(message) {
      if (options.verbose) process.stderr.write(`${message}\n`);
    },
  };
}

/** `--no-color` wins; otherwise chalk follows NO_COLOR, FORCE_COLOR and whether stdout is a terminal. */
export function applyColorChoice(options: Pick<OutputOptions, "color" | "output">): void {
  if (!options.color || options.output) chalk.level = 0;
}
