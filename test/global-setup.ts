// Runs once before any test file: end-to-end tests run the built binary (dist/), so dist/ must not be older
// than src/. `npm test` has just built it; `npx vitest run <file>` after an edit builds here, once, before
// any file can run the binary (a build while tests run could expose a half-written dist file).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Newest modification time under `dir` (ms), 0 when it does not exist. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    latest = Math.max(latest, statSync(join(dir, entry)).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  if (newest(join(ROOT, "dist")) >= newest(join(ROOT, "src"))) return;
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
