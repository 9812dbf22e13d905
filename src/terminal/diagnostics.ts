// Warnings and notices for the user: stderr only, so stdout carries nothing but the report.
import chalk from "chalk";
import { oneLine } from "../printable.js";

export interface Diagnostics {
  warn(message: string): void;
  info(message: string): void;
}

/** How much a command says on stderr: `--quiet` and `--verbose`. */
export interface Verbosity {
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
}

/** What decides colour: `--no-color` (commander's `color: false`) and whether a report goes to a file. */
export interface ColorChoice {
  color: boolean;
  output?: string | undefined;
}

export function createDiagnostics(options: Verbosity): Diagnostics {
  return {
    warn(message) {
      // One line each: a model name from the logs may hold control characters or a line break.
      if (!options.quiet) process.stderr.write(`${chalk.yellow("warning:")} ${oneLine(message)}\n`);
    },
    info(message) {
      if (options.verbose) process.stderr.write(`${message}\n`);
    },
  };
}

/** `--no-color` wins; otherwise chalk follows NO_COLOR, FORCE_COLOR and whether stdout is a terminal. */
export function applyColorChoice(options: ColorChoice): void {
  if (!options.color || options.output) chalk.level = 0;
}
