// The general path for one row: every value checked and normalised by field-values.ts, the COPY line
// built in canonical column order. Every bad value of a row is reported, not only the first, so a
// partner fixes a column at once; a row with the wrong number of fields gets one error, with no
// column. A suspected clear identifier anywhere in the row, even a malformed one, refuses the file.
import { looksLikeClearIdentifier } from '@nonrecours/pseudo';
import { ExtractRefusal } from './extract-refusal.ts';
import { COPY_NULL, type FieldChecker, fieldChecker } from './field-values.ts';
import type { HeaderLayout } from './header.ts';
import type { RowErrorLog } from './row-errors.ts';

export class RowChecker {
  readonly #names: readonly string[];
  readonly #checkers: FieldChecker[];
  readonly #slotOf: Int32Array;
  readonly #values: string[];
  readonly #errors: RowErrorLog;

  constructor(layout: HeaderLayout, errors: RowErrorLog) {
    this.#names = layout.names;
    this.#checkers = layout.specs.map(fieldChecker);
    this.#slotOf = new Int32Array(layout.names.length);
    layout.fileIndexOf.forEach((fileIndex, slot) => {
      if (fileIndex >= 0) this.#slotOf[fileIndex] = slot;
    });
    // Absent columns keep their \N for good.
    this.#values = Array.from(layout.fileIndexOf, () => COPY_NULL);
    this.#errors = errors;
  }

  /** The COPY line of a valid row, or null once its errors are recorded. */
  check(fields: readonly string[], line: number): string | null {
    if (fields.length !== this.#names.length) {
      // Its values cannot be put in columns, but a clear identifier among them still refuses the file.
      if (fields.some((value) => looksLikeClearIdentifier(value))) throw clearIdentifier(line, null);
      this.#errors.add(line, null, 'wrong_field_count');
      return null;
    }
    let valid = true;
    for (let i = 0; i < fields.length; i++) {
      const result = this.#checkers[i]!(fields[i]!);
      if (typeof result === 'string') {
        this.#values[this.#slotOf[i]!] = result;
      } else if (result.code === 'clear_identifier') {
        throw clearIdentifier(line, this.#names[i]!);
      } else {
        this.#errors.add(line, this.#names[i]!, result.code);
        valid = false;
      }
    }
    return valid ? `${this.#values.join('\t')}\n` : null;
  }
}

function clearIdentifier(line: number, column: string | null): ExtractRefusal {
  const where = column === null ? `line ${line}` : `line ${line}, column ${column}`;
  return new ExtractRefusal(
    'clear_identifier_suspected',
    `a value looks like a clear identifier (${where}): the extract must hold pseudonyms only`,
    { line, column },
  );
}
