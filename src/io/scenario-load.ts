// Loads the scenario YAML (or the bundled default) and turns scenario problems into located input errors.
import { fileURLToPath } from "node:url";
import { ScenarioProblem } from "../cost/scenario-problem.js";
import { type Scenario, scenarioSchema } from "../cost/scenario-schema.js";
import { InputError } from "../errors.js";
import { readTextFile } from "./files.js";
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
  const parsed = parseYamlText(path, await readTextFile(path));
  return {
    scenario: validateYaml(parsed, scenarioSchema),
    file: path,
    isDefault: file === undefined,
    parsed,
  };
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
