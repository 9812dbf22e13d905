import type { ProjectOptions } from "../cli/project.js";

export async function runProject(_options: ProjectOptions): Promise<number> {
  throw new Error("project: not built yet");
}
