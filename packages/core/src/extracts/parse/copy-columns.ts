// The COPY target of each kind: every column of the kind, in the order of extractColumns, whatever
// the order of the uploaded file's header.
import { type ColumnSpec, type ExtractKind, extractColumns, extractKinds } from '@nonrecours/pseudo';

export const copyColumns = Object.fromEntries(
  extractKinds.map((kind) => [kind, Object.freeze(extractColumns[kind].map((c) => c.name))]),
) as Record<ExtractKind, readonly string[]>;

// The longest COPY text of a valid value (`\N` included), so an output buffer with this much room
// always takes one more line.
function maxValueBytes(spec: ColumnSpec): number {
  switch (spec.type) {
    case 'pseudo':
      return 43;
    case 'clk':
      return 172;
    case 'month':
      return 10;
    case 'commune':
      return 5;
    case 'bool':
      return 2;
    case 'amount':
      return 13;
    case 'int':
      return 5;
    case 'enum':
      return Math.max(2, ...spec.values.map((v) => v.length));
  }
}

export function maxCopyLineBytes(kind: ExtractKind): number {
  return extractColumns[kind].reduce((sum, spec) => sum + maxValueBytes(spec) + 1, 0);
}
