// PostgreSQL COPY text format for values the service writes itself (cases, links): escaping of
// backslash, tab and line ends, arrays and nulls.
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => escapes[c]!);
}

/** A text[] literal; elements are pseudonyms or ids (base64url, uuid): nothing to quote. */
export const copyArray = (values: readonly string[]) => copyValue(`{${values.join(',')}}`);

export const copyLine = (values: readonly string[]) => `${values.join('\t')}\n`;
