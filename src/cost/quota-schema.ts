// The keys of a stated quota, shared by a scenario's `quotas:` and a policy target's `quota:` (one zod
// shape, so both files accept exactly the same keys). Its own module: both schemas import it.
import { z } from "zod";

/** A stated quota: exactly these keys (docs/capacity.md). Shared by a scenario's `quotas:` and a policy
 * target's `quota:`. */
export const quotaFiguresShape = {
  rpm: z.number().positive().optional().describe("requests per minute"),
  tpm: z.number().positive().optional().describe("quota tokens per minute: input + output x output_burndown"),
  itpm: z.number().positive().optional().describe("input tokens per minute (providers with separate limits)"),
  otpm: z
    .number()
    .positive()
    .optional()
    .describe("output tokens per minute (providers with separate limits)"),
  output_burndown: z
    .number()
    .positive()
    .optional()
    .describe("quota tokens per output token (5 for the Bedrock models AWS lists)"),
};
