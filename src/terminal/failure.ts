// The one place that turns a thrown error into a message on stderr and an exit code.
import { describeError, ExitCode, InputError, UsageError } from "../errors.js";
import { printable } from "../printable.js";

export function handleFailure(error: unknown, verbose: boolean): number {
  if (error instanceof InputError || error instanceof UsageError) {
    // Messages quote cells, header names and model names: no control character reaches the terminal.
    process.stderr.write(`llmcost: ${printable(describeError(error))}\n`);
    return ExitCode.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`llmcost: internal error: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("(this is a bug in llmcost; rerun with --verbose for the stack trace)\n");
  return ExitCode.internal;
}
