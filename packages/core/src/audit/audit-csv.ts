// Audit events as CSV for spreadsheets: `;` separated and a UTF-8 BOM (what a French Excel opens
// without an import dialog), CRLF and RFC 4180 quoting, one flat column per field (details as JSON).
import type { AuditEvent } from '@nonrecours/db';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'org',
  'role',
  'convention_id',
  'action',
  'target',
  'purpose',
  'request_id',
  'ip',
  'outcome',
  'status_code',
  'record_count',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditEvent)[];

const NEEDS_QUOTES = /[;"\r\n]/;
// A text cell a spreadsheet would run as a formula (an OIDC subject or a forwarded address is
// chosen by the caller): a leading apostrophe keeps it text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text =
    value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The first chunk: byte order mark and header line. */
export const auditCsvHeader = () => `\uFEFF${AUDIT_CSV_COLUMNS.join(';')}\r\n`;

export const auditCsvLine = (event: AuditEvent) =>
  `${AUDIT_CSV_COLUMNS.map((c) => cell(event[c])).join(';')}\r\n`;
