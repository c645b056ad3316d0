// How many uploads may stream at once. Each holds a database connection for as long as its body
// takes, so they are kept to part of the pool: the other routes and the health checks always find a
// connection, and an upload over the limit is told to come back (429) before its body is read.
import { AppError } from '../errors.ts';

export class UploadSlots {
  readonly size: number;
  #taken = 0;

  constructor(size: number) {
    this.size = size;
  }

  get taken(): number {
    return this.#taken;
  }

  /** A slot, with the function that gives it back (once), or a 429 when all are taken. */
  take(): () => void {
    if (this.#taken >= this.size) {
      throw new AppError(
        429,
        'too_many_uploads',
        `${this.size} uploads are already streaming; send this one again in a moment`,
        { retry_after_seconds: 5 },
      );
    }
    this.#taken++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.#taken--;
    };
  }
}
