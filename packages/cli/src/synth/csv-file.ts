// A CSV file written as the extracts are (EXTRACTS.md: `;`, RFC 4180 quoting, LF), through a
// large string buffer and synchronous writes: the generator is a batch job, and this keeps the
// memory flat whatever the number of rows.

import { closeSync, openSync, writeSync } from 'node:fs';

export type CsvFile = {
  write(fields: readonly string[]): void;
  readonly rows: number;
  close(): void;
};

const NEEDS_QUOTES = /[";\r\n]/;

function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const FLUSH_AT = 1 << 16;

export function openCsvFile(path: string, header: readonly string[]): CsvFile {
  const fd = openSync(path, 'w');
  let buffer = '';
  let rows = 0;
  const flush = () => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = '';
  };
  const line = (fields: readonly string[]) => {
    let text = csvField(fields[0] ?? '');
    for (let i = 1; i < fields.length; i++) text += `;${csvField(fields[i]!)}`;
    buffer += `${text}\n`;
    if (buffer.length >= FLUSH_AT) flush();
  };
  line(header);
  return {
    write(fields) {
      line(fields);
      rows++;
    },
    get rows() {
      return rows;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
