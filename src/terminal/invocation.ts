// How the user started llmcost, so a printed command can be pasted back: `llmcost` when that name on PATH is
// this script (npm link, a global install), else `node <script>` as typed from the working folder.
import { basename, delimiter, resolve } from "node:path";
import { pathAsTyped, shellWord } from "../io/paths.js";

/** `script` is process.argv[1]; a bare name (no folder) is taken as typed on PATH. */
export function invocationOf(
  script: string | undefined,
  pathEnv: string = process.env.PATH ?? "",
  cwd: string = process.cwd(),
): string {
  if (script === undefined || script === "llmcost") return "llmcost";
  const absolute = resolve(cwd, script);
  const onPath =
    basename(absolute) === "llmcost" &&
    pathEnv.split(delimiter).some((dir) => dir !== "" && resolve(cwd, dir, "llmcost") === absolute);
  return onPath ? "llmcost" : `node ${shellWord(pathAsTyped(absolute, cwd))}`;
}
