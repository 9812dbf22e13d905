// Byte stream to UTF-8 text for the CSV parser: strict decoding (a file that is not UTF-8 is an error,
// not mojibake), binary data (a NUL byte) refused, BOM dropped, CRLF turned into LF (so a file that mixes
// the two, such as a CRLF header over LF rows, reads as one), and the first piece held back until it holds
// a whole line so the parser can tell LF from (old Mac) CR files.
//
// Decoding is `isUtf8` (a vectorised check) and then `toString("utf8")`, with a character cut by a chunk
// boundary carried over to the next chunk: several times cheaper than a streaming fatal TextDecoder
// (docs/performance.md, "The reader's hot path"). Errors are found in the same chunk as the TextDecoder
// finds them (see completeEnd); the message then names the first invalid byte of the file (utf8-location.ts).
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import { InputError } from "../errors.js";
import { type InvalidUtf8At, locateInvalidUtf8 } from "./utf8-location.js";

export class Utf8TextStream extends Transform {
  /** The start of a character that the previous chunk cut off. */
  private pending: Buffer | undefined;
  /** A BOM is dropped only at the very start of the file, as TextDecoder does. */
  private atStart: boolean;
  private head: string | undefined = "";
  /** A CR that ended the last piece: whether it starts a CRLF is known with the next one. */
  private carriageReturn = false;
  private bytes: number;
  /** Characters handed to the parser so far (the unit of the parser's cursor). */
  charsOut = 0;
  /** The last piece handed to the parser (kept to tell why a record never ends). */
  lastPiece = "";

  /** `startByte`: where in the file this stream starts (a worker's range), so errors give file offsets;
   * only the file's first bytes may be a BOM. */
  constructor(
    private readonly file: string,
    startByte = 0,
    private readonly gzip = false,
  ) {
    super({ decodeStrings: true, readableObjectMode: true });
    this.bytes = startByte;
    this.atStart = startByte === 0;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const input = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    const end = completeEnd(input);
    const whole = end === input.length ? input : input.subarray(0, end);
    if (!isUtf8(whole)) {
      done(this.notUtf8());
      return;
    }
    const nul = whole.indexOf(0);
    if (nul >= 0) {
      done(this.binary(this.bytes + nul - (input.length - chunk.length)));
      return;
    }
    // A copy: the source may reuse its buffer.
    this.pending = end === input.length ? undefined : Buffer.from(input.subarray(end));
    let text = whole.toString("utf8");
    if (this.atStart && text !== "") {
      this.atStart = false;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    this.bytes += chunk.length;
    this.forward(text);
    done();
  }

  override _flush(done: TransformCallback): void {
    // A character still incomplete at the end of the input.
    if (this.pending !== undefined) {
      done(this.notUtf8());
      return;
    }
    if (this.head) this.pushText(this.head);
    this.head = undefined;
    if (this.carriageReturn) this.pushText("");
    done();
  }

  private forward(text: string): void {
    if (this.head === undefined) {
      if (text !== "") this.pushText(text);
      return;
    }
    this.head += text;
    if (this.head.includes("\n") || this.head.length > 1 << 20) {
      this.pushText(this.head);
      this.head = undefined;
    }
  }

  private pushText(piece: string): void {
    let text = this.carriageReturn ? `\r${piece}` : piece;
    this.carriageReturn = false;
    // includes() is a vectorised search: LF files, the usual case, pay nothing more.
    if (text.includes("\r")) {
      if (text.endsWith("\r") && piece !== "") {
        this.carriageReturn = true;
        text = text.slice(0, -1);
      }
      text = text.replaceAll("\r\n", "\n");
    }
    if (text === "") return;
    this.charsOut += text.length;
    this.lastPiece = text;
    this.push(text);
  }

  /** A NUL byte never occurs in CSV text: the file is binary (or another encoding, such as UTF-16). */
  private binary(byte: number): InputError {
    return new InputError(
      { file: this.file },
      `holds binary data (a NUL byte at byte ${byte} of the ${this.file.toLowerCase().endsWith(".gz") ? "decompressed text" : "file"}); expected a UTF-8 CSV text file`,
    );
  }

  private notUtf8(): InputError {
    // The chunk where decoding failed depends on the reader (threads, ranges); the first bad byte of the
    // file does not. A gzip file's offsets are not the text's: it says where the decoder stopped.
    const at = this.gzip ? undefined : invalidUtf8In(this.file);
    const where =
      at === undefined
        ? `invalid bytes after byte ${this.bytes}${this.gzip ? " of the decompressed text" : ""}`
        : `invalid byte at row ${at.row}, column ${at.column} (byte ${at.byte} of the file)`;
    return new InputError(
      { file: this.file },
      `is not valid UTF-8 text (${where}); expected a UTF-8 encoded CSV file`,
    );
  }
}

const BOM = 0xfeff;

/** The first invalid byte of the file, or undefined when the file cannot be scanned again. */
function invalidUtf8In(file: string): InvalidUtf8At | undefined {
  try {
    return locateInvalidUtf8(file);
  } catch {
    return undefined;
  }
}

/**
 * Where a trailing character that is incomplete but valid so far starts (the whole length when there is
 * none): those bytes wait for the next chunk. A trailing sequence that is already invalid stays in, so the
 * check fails on this chunk, where a streaming TextDecoder fails too (it reports an error at the first byte
 * that cannot continue a character: WHATWG's rules, which validPrefix follows).
 */
function completeEnd(bytes: Uint8Array): number {
  const n = bytes.length;
  // A character is at most 4 bytes, so an incomplete one starts among the last 3.
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back] ?? 0;
    if (byte >= 0x80 && byte < 0xc0) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (length <= back) return n;
    return validPrefix(bytes, n - back) ? n - back : n;
  }
  return n;
}

/** Whether the bytes from `start` to the end can begin a UTF-8 character (lead C2-F4, then the ranges
 * that exclude overlong forms, surrogates and values above U+10FFFF). */
function validPrefix(bytes: Uint8Array, start: number): boolean {
  const lead = bytes[start] ?? 0;
  if (lead < 0xc2 || lead > 0xf4) return false;
  const second = bytes[start + 1];
  if (second === undefined) return true;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  return second >= low && second <= high;
}
