// Process-wide behaviour of the binary: a closed stdout ends quietly, and Ctrl-C or SIGTERM removes
// half-written temporary files before exiting 130 or 143 (128 + the signal). Output files are only ever
// renamed into place once complete, so nothing partial is left behind.
import { ExitCode } from "../errors.js";
import { removeTemporaries } from "../io/temporary-files.js";

export function installProcessHandlers(): void {
  // A reader that stops early (`| head`) is not an error: stop quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  for (const [signal, code] of [
    ["SIGINT", ExitCode.interrupted],
    ["SIGTERM", ExitCode.terminated],
  ] as const) {
    process.once(signal, () => {
      removeTemporaries();
      process.stderr.write(`\nllmcost: interrupted (${signal}); no partial output was left behind\n`);
      process.exit(code);
    });
  }
}
