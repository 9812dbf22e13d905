// A scenario's batchable_use_cases that the traffic never names: most often a typo (`sumarize`), which would
// otherwise price nothing at batch rates without a word.
import { didYouMean } from "../closest-name.js";
import { describeError, InputError } from "../errors.js";
import type { LoadedScenario } from "../io/scenario-load.js";
import { formatPath, locateInYaml } from "../io/yaml.js";
import type { TrafficProfile } from "../traffic/profile.js";

/** One warning (located at the scenario line) per listed use case the traffic has no request for (none
 * for the bundled default scenario on traffic without use cases). */
export function unknownBatchableWarnings(loaded: LoadedScenario, profile: TrafficProfile): string[] {
  const listed = loaded.scenario.batchable_use_cases;
  if (listed.length === 0) return [];
  const present = new Set(profile.buckets.flatMap((b) => (b.useCase === undefined ? [] : [b.useCase])));
  // The bundled default lists `summarize` for traffic that has use cases; without any, it is not a typo.
  if (present.size === 0 && loaded.isDefault) return [];
  const found =
    present.size === 0
      ? "the traffic has no use_case values"
      : `the traffic's use cases: ${[...present].sort().slice(0, 10).join(", ")}${present.size > 10 ? ", ..." : ""}`;
  return listed.flatMap((useCase, i) => {
    if (present.has(useCase)) return [];
    const path = ["batchable_use_cases", i];
    const location = { file: loaded.file, ...locateInYaml(loaded.parsed, path), field: formatPath(path) };
    const message = `use case "${useCase}" is not in the traffic${didYouMean(useCase, present)}, so nothing is priced at batch rates for it (${found})`;
    return [describeError(new InputError(location, message))];
  });
}
