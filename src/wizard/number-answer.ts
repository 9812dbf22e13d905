// A number typed at a prompt: plain decimals, and thousands separated with commas as people write
// volumes ("250,000"). Anything else is refused with the form to use, never guessed at (is "1,5" 1.5 or 15?).

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The number `text` means, or why it is not one (shown under the prompt). */
export function parseNumberAnswer(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return "enter a number";
  const plain = GROUPED.test(trimmed) ? trimmed.replaceAll(",", "") : trimmed;
  if (!PLAIN.test(plain)) {
    return `"${trimmed}" is not a number: write it as 250000 or 250,000 (a decimal point is ".")`;
  }
  const value = Number(plain);
  return Number.isFinite(value) ? value : `"${trimmed}" is too large`;
}
