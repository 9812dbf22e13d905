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
