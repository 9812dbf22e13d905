// Loads the scenario YAML (or the bundled default) and turns scenario problems into located input errors.
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ScenarioProblem } from "../cost/scenario-problem.js";
import { type Scenario, scenarioSchema } from "../cost/scenario-schema.js";
import { InputError } from "../errors.js";
import { readTextFile } from "./files.js";
import { assertDocumentKind } from "./input-kind.js";
import { formatPath, locateInYaml, type ParsedYaml, parseYamlText, validateYaml } from "./yaml.js";

const DEFAULT_SCENARIO_FILE = fileURLToPath(
  new URL("../../fixtures/scenarios/default.yaml", import.meta.url),
);

export interface LoadedScenario {
  scenario: Scenario;
  /** The file it came from; `isDefault` when none was given. */
  file: string;
  isDefault: boolean;
  parsed: ParsedYaml;
}

export async function loadScenario(file: string | undefined): Promise<LoadedScenario> {
  const path = file ?? DEFAULT_SCENARIO_FILE;
  // The bundled default is named as the user would type it from here (fixtures/scenarios/default.yaml in a
  // clone), so reports and messages do not depend on where llmcost is installed; elsewhere in full.
  const shown = file ?? shownPath(DEFAULT_SCENARIO_FILE);
  const parsed = parseYamlText(shown, await readTextFile(path));
  assertDocumentKind(parsed, "scenario");
  return {
    scenario: validateYaml(parsed, scenarioSchema),
    file: shown,
    isDefault: file === undefined,
    parsed,
  };
}

/** `absolute` relative to the working folder when it lies inside it, otherwise as it is. */
function shownPath(absolute: string): string {
  const inside = relative(process.cwd(), absolute);
  return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? absolute : inside;
}

/** Runs `compute`; a ScenarioProblem it throws becomes an InputError pointing at the scenario line. */
export function withScenarioLocations<T>(loaded: LoadedScenario, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof ScenarioProblem)) throw error;
    throw locateScenarioProblem(loaded, error);
  }
}

/** A scenario problem as an InputError pointing at its line and field. */
export function locateScenarioProblem(loaded: LoadedScenario, problem: ScenarioProblem): InputError {
  return new InputError(
    { file: loaded.file, ...locateInYaml(loaded.parsed, problem.path), field: formatPath(problem.path) },
    problem.message,
  );
}
