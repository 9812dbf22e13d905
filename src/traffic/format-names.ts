// The `--input-format` names, declared apart from the formats themselves so that `--help` lists them
// without loading any format (src/cli.ts's static imports stay small); a test checks they match
// LOG_FORMATS.
export const INPUT_FORMATS = [
  "llmcost-csv",
  "bedrock-invocation-logs",
  "openai-usage-completions",
  "anthropic-usage-report",
  "litellm-spend-logs",
  "otel-genai-spans",
] as const;
