// The log and export formats llmcost reads besides its canonical CSV, in detection order: a reader tries
// each `detect` on a file's first record and takes the first that says yes, so the most specific come first.
import { anthropicUsageReport } from "./anthropic-usage-report.js";
import { bedrockInvocationLogs } from "./bedrock-invocation-logs.js";
import { litellmSpendLogs } from "./litellm-spend-logs.js";
import type { LogFormat } from "./log-format.js";
import { openaiUsageCompletions } from "./openai-usage-completions.js";
import { otelGenaiSpans } from "./otel-genai-spans.js";

export const LOG_FORMATS: readonly LogFormat[] = [
  bedrockInvocationLogs,
  openaiUsageCompletions,
  anthropicUsageReport,
  litellmSpendLogs,
  otelGenaiSpans,
];
