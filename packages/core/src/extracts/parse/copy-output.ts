// The output of the parser: COPY lines written into large buffers, handed on a slice at a time, so
// the stream emits few big chunks instead of one per row.

export class CopyOutput {
  buf: Buffer;
  /** Where the next line goes. */
  offset = 0;
  #start = 0;
  readonly #size: number;
  readonly #maxLine: number;

  constructor(size: number, maxLine: number) {
    this.#size = Math.max(size, maxLine);
    this.#maxLine = maxLine;
    this.buf = Buffer.allocUnsafe(this.#size);
  }

  /** Makes room for one more line of at most `maxLine` bytes, handing on what is written if need be. */
  reserve(emit: (chunk: Buffer) => void): void {
    if (this.buf.length - this.offset >= this.#maxLine) return;
    this.take(emit);
    this.buf = Buffer.allocUnsafe(this.#size);
    this.offset = 0;
    this.#start = 0;
  }

  /** Hands on the lines written since the last call. The slice is never written again. */
  take(emit: (chunk: Buffer) => void): void {
    if (this.offset > this.#start) emit(this.buf.subarray(this.#start, this.offset));
    this.#start = this.offset;
  }
}
