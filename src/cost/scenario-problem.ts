// A scenario that validates but cannot be computed (a provisioned model without a price, say). Carries the
// path inside the scenario so the command can point at the line.
export class ScenarioProblem extends Error {
  override name = "ScenarioProblem";
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}
