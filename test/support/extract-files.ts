// Synthetic extract files for the ingestion tests: valid rows of every kind, with knobs for the
// variants partners send (separator, BOM, CRLF, decimal comma, quoting) and for bad rows.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { type ExtractKind, schemaColumns, schemaOfKind } from '@nonrecours/pseudo';

export const pseudo = () => randomBytes(32).toString('base64url');
export const clk = () => randomBytes(128).toString('base64url');

const sample: Record<string, () => string> = {
  person_pseudo: pseudo,
  identity_pseudo: pseudo,
  identity_clk: clk,
  household_pseudo: pseudo,
  birth_ym: () => '1985-03',
  commune: () => '35238',
  role: () => 'allocataire',
  household_adults: () => '2',
  household_children: () => '1',
  single_parent: () => '0',
  single_parent_increase: () => '',
  household_resources: () => '1234.50',
  activity_income: () => '800.00',
  housing: () => 'locataire',
  rsa: () => '0',
  ppa: () => '1',
  housing_aid: () => '1',
  housing_aid_amount: () => '200',
  aah: () => '0',
  c2s: () => 'none',
  c2s_until: () => '',
  pension: () => '950.10',
  aspa: () => '0',
  couple: () => '0',
  rent: () => '420.00',
  arrears_months: () => '2',
  apl: () => '1',
  c2s_resources: () => '14250.00',
};

/** A v2 monthly column (`activity_income_m2`…) takes the sample of its v1 column. */
const sampleOf = (column: string) => sample[column] ?? sample[column.replace(/_m\d$/, '')];

/** The columns of a kind's schema (v1 unless told). */
const columnsOf = (kind: ExtractKind, options: FileOptions) =>
  options.columns ?? schemaColumns(kind, options.schema ?? schemaOfKind[kind]).map((c) => c.name);

export interface FileOptions {
  delimiter?: ';' | ',';
  bom?: boolean;
  crlf?: boolean;
  decimalComma?: boolean;
  quoteAll?: boolean;
  columns?: string[];
  /** The schema whose columns the file has when `columns` is not given (default: the kind's v1). */
  schema?: string;
  /** Replace some values: row index → column → value. */
  override?: (row: number) => Record<string, string> | undefined;
}

export function extractLine(kind: ExtractKind, row: number, options: FileOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const columns = columnsOf(kind, options);
  const extra = options.override?.(row);
  const values = columns.map((c) => {
    let v = extra?.[c] ?? sampleOf(c)?.() ?? '';
    if (options.decimalComma && /^\d+\.\d+$/.test(v)) v = v.replace('.', ',');
    const mustQuote = options.quoteAll || v.includes(delimiter) || v.includes('"') || v.includes('\n');
    return mustQuote ? `"${v.replaceAll('"', '""')}"` : v;
  });
  return values.join(delimiter);
}

export function extractFile(kind: ExtractKind, rows: number, options: FileOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const eol = options.crlf ? '\r\n' : '\n';
  const columns = columnsOf(kind, options);
  const lines = [columns.join(delimiter)];
  for (let i = 0; i < rows; i++) lines.push(extractLine(kind, i, options));
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

/** A large extract generated as it is read, for uploads bigger than one wants in memory. */
export function extractStream(kind: ExtractKind, rows: number, options: FileOptions = {}): Readable {
  const columns = columnsOf(kind, options);
  return Readable.from(
    (function* () {
      yield `${columns.join(options.delimiter ?? ';')}\n`;
      let chunk = '';
      for (let i = 0; i < rows; i++) {
        chunk += `${extractLine(kind, i, options)}\n`;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
  );
}
