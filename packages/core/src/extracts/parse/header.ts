// The header row: the delimiter it shows, and where each of the file's columns goes in the COPY line.
// Only the kind's columns are allowed, each once, and the required ones must all be there.
import {
  type ColumnSpec,
  type ExtractKind,
  extractColumns,
  looksLikeClearIdentifier,
} from '@nonrecours/pseudo';
import { ExtractRefusal } from './extract-refusal.ts';

export type Delimiter = ';' | ',';

export interface HeaderLayout {
  /** The header's column names, in file order. */
  names: readonly string[];
  /** The spec of each file column. */
  specs: readonly ColumnSpec[];
  /** For each canonical column (copyColumns order), its index in the file, or -1 when absent. */
  fileIndexOf: Int32Array;
}

const SEMICOLON = 0x3b;
const COMMA = 0x2c;

/**
 * The delimiter of a header line: the more frequent of `;` and `,` (column names hold neither), or
 * null when there is none.
 */
export function detectDelimiter(line: Uint8Array): Delimiter | null {
  let semicolons = 0;
  let commas = 0;
  for (const b of line) {
    if (b === SEMICOLON) semicolons++;
    else if (b === COMMA) commas++;
  }
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ';' : ',';
}

// Only names of this shape are echoed back: the first row of a file that lacks its header is data.
const ECHOABLE = /^[a-z][a-z0-9_]{0,39}$/;

export function resolveHeader(kind: ExtractKind, names: readonly string[], line: number): HeaderLayout {
  const columns = extractColumns[kind];
  const byName = new Map(columns.map((c) => [c.name, c]));

  if (names.some((n) => looksLikeClearIdentifier(n))) {
    throw new ExtractRefusal(
      'clear_identifier_suspected',
      `the header row (line ${line}) holds a value that looks like a clear identifier`,
      { line, column: null },
    );
  }

  const unexpected = names.flatMap((name, i) =>
    byName.has(name) ? [] : [ECHOABLE.test(name) ? { position: i + 1, name } : { position: i + 1 }],
  );
  if (unexpected.length > 0) {
    throw new ExtractRefusal(
      'unexpected_column',
      `the header has ${unexpected.length} column(s) that a ${kind} extract does not allow (at position ${unexpected.map((u) => u.position).join(', ')})`,
      { columns: unexpected },
    );
  }

  const duplicated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (duplicated.length > 0) {
    throw new ExtractRefusal('duplicate_column', `repeated columns: ${duplicated.join(', ')}`, {
      columns: duplicated,
    });
  }

  const missing = columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new ExtractRefusal('missing_column', `missing required columns: ${missing.join(', ')}`, {
      columns: missing,
    });
  }

  const fileIndexOf = Int32Array.from(columns, (c) => names.indexOf(c.name));
  const specs = names.map((n) => byName.get(n)!);
  return { names, specs, fileIndexOf };
}
