import { describe, expect, it } from 'vitest';
import { readRecord } from './record-reader.ts';

const SEMI = 0x3b;
const read = (text: string, atEnd = true, delimiter = SEMI) =>
  readRecord(Buffer.from(text), 0, delimiter, atEnd);

describe('readRecord', () => {
  it('splits a line on the delimiter and trims blanks around unquoted values', () => {
    expect(read('a; b ;\tc\t\nnext')).toEqual({ fields: ['a', 'b', 'c'], next: 10, lines: 1, blank: false });
    expect(read('a,b;c\n', true, 0x2c)?.fields).toEqual(['a', 'b;c']);
  });

  it('reads LF, CRLF and a last line without a line break', () => {
    expect(read('a;b\r\nc')).toMatchObject({ fields: ['a', 'b'], next: 5 });
    expect(read('a;"b"\r\nc')).toMatchObject({ fields: ['a', 'b'], next: 7 });
    expect(read('a;b')).toMatchObject({ fields: ['a', 'b'], next: 3 });
    expect(read('a;b\r')).toMatchObject({ fields: ['a', 'b'], next: 4 });
  });

  it('reads quoted values: escaped quotes, delimiters and line breaks inside, blanks kept', () => {
    expect(read('"a""b";"c;d";" e "\n')?.fields).toEqual(['a"b', 'c;d', ' e ']);
    expect(read('  "x"  ;y\n')?.fields).toEqual(['x', 'y']);
    expect(read('"1\n2\r\n3";z\nnext')).toEqual({
      fields: ['1\n2\r\n3', 'z'],
      next: 11,
      lines: 3,
      blank: false,
    });
    expect(read('"";x\n')?.fields).toEqual(['', 'x']);
  });

  it('keeps malformed quoting as written, so that the value fails its check', () => {
    expect(read('ab"c;d\n')?.fields).toEqual(['ab"c', 'd']);
    expect(read('"12"3;d\n')?.fields).toEqual(['"12"3', 'd']);
    expect(read('"a" b;c\n')?.fields).toEqual(['"a" b', 'c']);
  });

  it('keeps a CR that is not part of a line break', () => {
    expect(read('a\r;b\n')?.fields).toEqual(['a\r', 'b']);
  });

  it('says when the data ends before the record does', () => {
    expect(read('a;b', false)).toBeNull();
    expect(read('a;"b\n', false)).toBeNull();
    expect(read('a;"b"', false)).toBeNull();
    expect(read('a;"b""', false)).toBeNull();
    expect(read('a;"b"\r', false)).toBeNull();
    expect(read('a;"b\nc', true)).toBeNull();
  });

  it('marks blank lines, and only unquoted ones', () => {
    expect(read('  \t\r\n')).toMatchObject({ fields: [''], blank: true });
    expect(read('""\n')).toMatchObject({ fields: [''], blank: false });
  });

  it('decodes UTF-8 values', () => {
    expect(read('"é;ü";ñ\n')?.fields).toEqual(['é;ü', 'ñ']);
  });
});
