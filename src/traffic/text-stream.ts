// Byte stream to UTF-8 text for the CSV parser: strict decoding (a file that is not UTF-8 is an error,
// not mojibake), BOM dropped, and the first piece held back until it holds a whole line so the parser
// can tell CRLF from LF files.
import { Transform, type TransformCallback } from "node:stream";
import { TextDecoder } from "node:util";
import { InputError } from "../errors.js";

export class Utf8TextStream extends Transform {
  private readonly decoder: TextDecoder;
  private head: string | undefined = "";
  private bytes: number;
  /** Characters handed to the parser so far (the unit of the parser's cursor). */
  charsOut = 0;

  /** `startByte`: where in the file this stream starts (a worker's range), so errors give file offsets;
   * only the file's first bytes may be a BOM. */
  constructor(
    private readonly file: string,
    startByte = 0,
  ) {
    super({ decodeStrings: true, readableObjectMode: true });
    this.bytes = startByte;
    this.decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: startByte > 0 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      done(this.notUtf8());
      return;
    }
    this.bytes += chunk.length;
    this.forward(text);
    done();
  }

  override _flush(done: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      done(this.notUtf8());
      return;
    }
    this.forward(text);
    if (this.head) this.pushText(this.head);
    this.head = undefined;
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

  private pushText(text: string): void {
    this.charsOut += text.length;
    this.push(text);
  }

  private notUtf8(): InputError {
    return new InputError(
      { file: this.file },
      `is not valid UTF-8 text (invalid bytes after byte ${this.bytes}); expected a UTF-8 encoded CSV file`,
    );
  }
}
