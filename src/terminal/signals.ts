// Process-wide behaviour of the binary: a closed stdout ends quietly, a stdout that cannot be written (a full
// disk) is a one-line error, and SIGINT, SIGTERM or SIGHUP removes half-written temporary files before
// exiting 130, 143 or 129 (128 + the signal). Output files are only ever renamed into place once complete,
// so nothing partial is left behind. The handlers run on the event loop: a run that never yields to it would
// not see them, so long work (the replay, YAML and policy loading) is linear and yields between batches.
import { ExitCode } from "../errors.js";
import { writeFailure } from "../io/output.js";
import { removeTemporaries } from "../io/temporary-files.js";

const SIGNAL_EXIT_CODES = [
  ["SIGINT", ExitCode.interrupted],
  ["SIGTERM", ExitCode.terminated],
  ["SIGHUP", ExitCode.hangup],
] as const;

export function installProcessHandlers(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`| head`) is not an error: stop quietly.
    if (error.code === "EPIPE") process.exit(0);
    removeTemporaries();
    const failure = writeFailure("standard output", error);
    const message = failure instanceof Error ? failure.message : String(error);
    process.stderr.write(`llmcost: standard output: ${message}\n`);
    process.exit(ExitCode.usage);
  });
  for (const [signal, code] of SIGNAL_EXIT_CODES) {
    process.once(signal, () => {
      removeTemporaries();
      process.stderr.write(`\nllmcost: interrupted (${signal}); no partial output was left behind\n`);
      process.exit(code);
    });
  }
}
