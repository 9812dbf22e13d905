// Temporary files that must not outlive the process: written reports before their rename, the --decisions
// file while the replay runs. The interrupt handler at the edge (cli.ts) removes whatever is still listed.
import { rmSync } from "node:fs";

const pending = new Set<string>();

/** Lists `file` for removal on interrupt; call the returned function once it is renamed or removed. */
export function trackTemporary(file: string): () => void {
  pending.add(file);
  return () => {
    pending.delete(file);
  };
}

/** Synchronous, because it runs in a signal handler right before the process exits. */
export function removeTemporaries(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs a long synchronous step (parsing a large YAML file) so that Ctrl-C stops it at once. A JavaScript
 * signal handler could only run after the step; while no temporary file exists there is nothing for it to
 * clean, so the handlers are set aside and the signal's default action ends the process (status 128 + the
 * signal, as a shell reports it: 130, 143, 129), then put back.
 */
export function withDefaultSignals<T>(step: () => T): T {
  if (pending.size > 0) return step();
  const saved = STOP_SIGNALS.map((signal) => [signal, process.rawListeners(signal)] as const);
  for (const [signal] of saved) process.removeAllListeners(signal);
  try {
    return step();
  } finally {
    for (const [signal, listeners] of saved) {
      for (const listener of listeners) process.on(signal, listener as (...args: unknown[]) => void);
    }
  }
}
