// The UTF-8 stage decodes with isUtf8 + toString and carries a character cut by a chunk boundary over to
// the next chunk. It must agree with a streaming fatal TextDecoder (what it replaced) on every input and
// every way of cutting it into chunks: the same text, or an error in the same chunk (the message gives
// the bytes before that chunk). Two differences on purpose: a NUL byte is refused as binary data (the
// message gives its offset), and CRLF becomes LF.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8TextStream } from "../../src/traffic/text-stream.js";

type Outcome = { text: string } | { errorAfter: number } | { binaryAt: number };

function reference(chunks: Uint8Array[], startByte: number): Outcome {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: startByte > 0 });
  let text = "";
  let bytes = startByte;
  const all = chunks.flatMap((chunk) => Array.from(chunk));
  for (const chunk of chunks) {
    try {
      const piece = decoder.decode(chunk, { stream: true });
      // NUL is one byte, never part of a cut character: it is seen in the chunk that holds it.
      if (piece.includes("\0")) return { binaryAt: startByte + all.indexOf(0) };
      text += piece;
    } catch {
      return { errorAfter: bytes };
    }
    bytes += chunk.length;
  }
  try {
    text += decoder.decode();
  } catch {
    return { errorAfter: bytes };
  }
  return { text: text.replaceAll("\r\n", "\n") };
}

async function decoded(chunks: Uint8Array[], startByte: number): Promise<Outcome> {
  const stream = new Utf8TextStream("f.csv", startByte);
  let text = "";
  stream.on("data", (piece: string) => {
    text += piece;
  });
  const ended = new Promise<Outcome>((resolve) => {
    stream.on("end", () => resolve({ text }));
    stream.on("error", (error) => {
      const binary = /NUL byte at byte (\d+)/.exec(error.message);
      if (binary) resolve({ binaryAt: Number(binary[1]) });
      const match = /after byte (\d+)/.exec(error.message);
      resolve({ errorAfter: Number(match?.[1] ?? -1) });
    });
  });
  for (const chunk of chunks) stream.write(Buffer.from(chunk));
  stream.end();
  return ended;
}

// Bytes that make every case likely: ASCII, BOM parts, leads of each length, continuations, the edge
// second bytes (overlong, surrogate, above U+10FFFF) and bytes never valid.
const interesting = [
  0x41, 0x2c, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xc2, 0xc0, 0xdf, 0xe0, 0xed, 0xf0, 0xf4, 0xf5,
];
const byte = fc.oneof(
  fc.constantFrom(...interesting),
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.integer({ min: 0, max: 255 }),
);
const text = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 24 }).map((a) => Array.from(a)),
  fc.array(byte, { maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 12 }).map((s) => Array.from(Buffer.from(`\ufeff${s}`))),
);

describe("Utf8TextStream", () => {
  it("matches a streaming fatal TextDecoder on any bytes cut anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(0, 7),
        async (bytes, cuts, start) => {
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (const point of [...points, bytes.length]) {
            chunks.push(Uint8Array.from(bytes.slice(from, point)));
            from = point;
          }
          expect(await decoded(chunks, start)).toEqual(reference(chunks, start));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
