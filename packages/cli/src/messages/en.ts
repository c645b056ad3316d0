// What the partner toolkit says to people, in English (`--lang en`, or LANG=en…).

import type { Messages } from './fr.ts';

const list = (items: readonly string[]) => items.join(', ');

const rowCodes: Record<string, string> = {
  // Row errors of the service (upload and dry run).
  required: 'missing required value',
  invalid_month: 'invalid month: expected YYYY-MM',
  invalid_amount: 'invalid amount: euros a month, non-negative, at most 2 decimals, no space or € sign',
  invalid_boolean: 'expected 0 or 1',
  invalid_integer: 'expected a whole number',
  below_minimum: 'below the allowed minimum',
  invalid_enum: 'not one of the allowed values',
  invalid_commune: 'invalid INSEE commune code (5 characters, 2A/2B for Corsica; not a postcode)',
  wrong_field_count: 'not as many values as the header has columns',
  missing_value: 'missing value',
  column_count: 'not as many values as the header has columns',
  invalid_date: 'invalid date: expected YYYY-MM-DD',
  date_dd_mm_yyyy: 'date written DD/MM/YYYY (Excel): expected YYYY-MM-DD',
  invalid_name: 'a name without any letter',
  nir_length: 'NIR of the wrong length (13 or 15 characters)',
  nir_format: 'malformed NIR',
  nir_key: 'wrong NIR key',
  nir_scientific_notation:
    'NIR in scientific notation (such as 1,75E+14): Excel turned it into a number; format the column as text and export again',
};

export const en: Messages = {
  usage: (lines: string) =>
    `usage: nonrecours <command> [options] [--lang fr|en] [--json]\n\ncommands:\n${lines}\n\n` +
    "Run 'nonrecours <command> --help' for a command's options.",
  summaries: {
    keys: 'generate a convention key file, or print its key check value',
    pseudonymise: 'turn a clear partner file into an extract, locally',
    pseudonym: "one person's pseudonym (NIR or identity read from standard input)",
    reidentify: 'map returned cases back to your own people, locally',
    upload: 'stream an extract to the API and report its status',
    oppositions: 'register and list the oppositions (GDPR art. 21) of a convention, through the API',
    synth: 'generate a synthetic territory (clear files, extracts, key, ground truth)',
    admin: 'operator tasks: bootstrap, partners, conventions, members, clients',
  },
  unknownCommand: (name) => `unknown command '${name}'`,
  operatorOnly: (name) =>
    `'${name}' is an operator command: run it from the service's installation (pnpm nonrecours ${name})`,
  invalidLanguage: (value) => `--lang is fr or en (not '${value}')`,
  optionError: (detail) => detail,
  unknownOption: (name) => `unknown option ${name}`,
  optionNeedsValue: (name) => `option ${name} needs a value`,
  unexpectedArgument: 'unexpected argument (values go after their option)',
  required: (name) => `--${name} is required`,
  unknownAction: (action) => (action === undefined ? 'an action is required' : `unknown action '${action}'`),
  unknownKind: (kind, kinds) => `unknown kind '${kind}' (one of ${list(kinds)})`,
  keyFileReadable: (path) => `warning: the key file ${path} can be read by other users (chmod 600 ${path})`,
  keyFileUnreadable: (path, code) => `cannot read the key file ${path} (${code})`,
  notAKeyFile: (path, detail) => `${path} is not a key file: ${detail}`,
  files: {
    clear: 'the clear file',
    cases: 'the cases file',
    extract: 'the extract',
    stdin: 'standard input',
    file: 'the file',
  },
  cannotRead: (what, path, code) => `cannot read ${what} ${path} (${code})`,
  notAFile: (what, path) => `${what} ${path} is not a file`,
  cannotWrite: (path, code) => `cannot write ${path} (${code})`,
  emptyFile: (what) => `${what} is empty: a header row is expected`,
  headerNotCsv: (what) => `${what}: the header row is not valid CSV`,
  repeatedColumns: (what, columns) => `${what}: repeated columns: ${list(columns)}`,
  notCsv: (what, line, code) => `${what} is not valid CSV: malformed CSV near line ${line} (${code})`,
  clearHeader: (kind, unknown, missing, allowed) =>
    `the clear file does not fit the ${kind} format (${[
      ...(unknown.length > 0 ? [`unknown columns: ${list(unknown)}`] : []),
      ...(missing.length > 0 ? [`missing columns: ${list(missing)}`] : []),
    ].join('; ')}); expected: ${list(allowed)}`,
  encoding: {
    notUtf8: (what, line) =>
      `${what} is not UTF-8 (line ${line}): save the file as UTF-8 or pass --encoding windows-1252`,
    unknown: (value) => `--encoding is utf-8, windows-1252 or latin1 (not '${value}')`,
  },
  rowCode: (code) => rowCodes[code] ?? code,
  refusedCounts: (counts) =>
    Object.entries(counts)
      .map(([code, n]) => `${code}: ${n}`)
      .join(', '),
  progress: {
    pseudonymise: 'pseudonymise',
    reidentify: 'reidentify',
    upload: 'upload',
    check: 'check',
    mb: 'MB',
    eta: 'ETA',
  },
  keys: {
    usage: `usage: nonrecours keys generate --out FILE
       nonrecours keys kcv --key-file FILE

  generate  write a new random convention key to FILE (mode 0600; an existing file is never
            overwritten) and print its key check value
  kcv       print the key check value of a key file`,
    exists: (path) => `${path} already exists: not overwritten`,
    written: (path) => `key written to ${path}; share it only through the convention's trusted third party`,
  },
  pseudonymise: {
    usage: `usage: nonrecours pseudonymise --kind KIND --key-file KEY --in CLEAR.csv --out EXTRACT.csv
                               [--errors ERRORS.csv] [--clk] [--threads N] [--encoding ENC]

  --kind      caf, cpam, msa, carsat or landlord (the clear columns of each: packages/pseudo/README.md)
  --key-file  the convention key file
  --in        the clear file (CSV, ';' or ',')
  --out       the extract to write
  --errors    where to list refused rows as line;column;code (no values)
  --clk       also compute identity_clk, the Bloom filter for fuzzy linkage
  --threads   threads to use (default: the available cores)
  --encoding  utf-8 (default), windows-1252 or latin1 (Excel's "CSV (semicolon delimited)")`,
    threads: '--threads is a whole number from 1',
    noRows: 'the clear file has no rows',
    allRefused: (n, counts) => `all ${n} rows were refused (${counts}); no extract written`,
    written: (n, path, schema, kcv) =>
      `${n} rows written to ${path} (schema ${schema}, key check value ${kcv})`,
    refused: (n, counts, errorsFile) =>
      `warning: ${n} rows refused (${counts})${errorsFile ? `, listed in ${errorsFile}` : ' (--errors FILE lists them)'}`,
  },
  pseudonym: {
    usage: `usage: nonrecours pseudonym --kind KIND --key-file KEY [--encoding ENC] < PERSON

  Reads one person a line from standard input and writes their pseudonym, one line each, to
  standard output (for 'nonrecours oppositions add --file -'). Never as an argument: a NIR or a
  name on the command line would stay in the shell's history.

  --kind      caf, cpam, msa or carsat: each line is a NIR (13 or 15 characters) → person_pseudo;
              landlord: each line is "birth family name;given names;YYYY-MM-DD" → identity_pseudo
              (a line of that shape is read as an identity whatever the kind)
  --key-file  the convention key file`,
    argv: 'the NIR or identity is read from standard input, never from arguments (they would stay in the shell history)',
    terminal: 'type one person a line, then Ctrl-D (a NIR, or "family name;given names;YYYY-MM-DD")',
    nothing: 'no person on standard input',
    bad: (line, reason) => `line ${line} of standard input: ${reason}; no pseudonym written`,
    identityShape: 'expected a NIR or "birth family name;given names;YYYY-MM-DD"',
    nameWithoutLetters: 'a birth family name without any letter',
  },
  reidentify: {
    usage: (
      keyColumns,
    ) => `usage: nonrecours reidentify --kind KIND --cases CASES.csv --clear CLEAR.csv --key-file KEY
                             --out CONTACTS.csv [--encoding ENC]

  --kind      the kind of your clear file: caf, cpam, msa, carsat or landlord
  --cases     the cases from the service, with ${list(keyColumns)} (at least one);
              a case is looked up by the first of them it has a value for
  --clear     your clear file, as given to 'nonrecours pseudonymise'
  --key-file  the convention key file
  --out       the contacts to write (';', UTF-8 with a BOM and decimal commas, for Excel):
              the case columns, then the matching clear row's
  --encoding  the clear file's encoding: utf-8 (default), windows-1252 or latin1`,
    casesNeedColumns: (columns) => `the cases file needs at least one of the columns ${list(columns)}`,
    casesNotPseudonym: (row, column) => `the cases file, row ${row}: ${column} is not a pseudonym`,
    written: (contacts, path, matched, cases) =>
      `${contacts} contacts written to ${path}: ${matched} of ${cases} cases found`,
    unmatched: (n, clear) => `warning: cases matching nobody in ${clear}: ${n}`,
    skipped: (n, clear) => `warning: rows of ${clear} without a usable identifier: ${n}`,
    nobody: (cases, kcv) =>
      `none of the ${cases} cases was found: check that your key (key check value ${kcv}) is the convention's (nonrecours keys kcv), that --kind is your file's kind and that this is the clear file of the extract you sent`,
  },
  upload: {
    usage: `usage: nonrecours upload --api URL --convention ID --kind KIND [--schema SCHEMA] --month YYYY-MM
                         --key-file KEY --in EXTRACT.csv [--client-id ID --client-secret SECRET]
                         [--timeout SECONDS] [--poll-interval SECONDS] [--show-errors N] [--dry-run]

  --api            the service's URL (or NONRECOURS_API_URL)
  --convention     the convention id
  --kind           caf, cpam, msa, carsat or landlord; --schema defaults to KIND.v1, or KIND.v2 when the extract has the monthly columns
  --month          the reference month of the extract
  --key-file       the convention key file the extract was made with (only its check value is sent)
  --in             the extract made by 'nonrecours pseudonymise'
  --client-id      API client credentials (or NONRECOURS_CLIENT_ID, NONRECOURS_CLIENT_SECRET)
  --timeout        how long to wait for a final status (default 600 s)
  --poll-interval  seconds between status checks (default 2)
  --show-errors    row errors to print (default 20)
  --dry-run        check the file only: the service answers what an upload would, and stores nothing`,
    seconds: (name) => `--${name} is a number of seconds`,
    month: '--month is a month written YYYY-MM',
    extractEmpty: (path) => `${path} is empty`,
    clearColumns: (path, kind, columns) =>
      `${path} has columns an extract of kind ${kind} cannot have (${list(columns)}); is it a clear file? Run 'nonrecours pseudonymise' first`,
    notFound: (message) => `${message} (HTTP 404: an unknown convention, or an API without extract uploads)`,
    uploaded: (bytes, id, status) => `uploaded ${bytes} bytes; extract ${id} is ${status}`,
    noFinalStatus: (seconds, described) => `no final status after ${seconds} s (${described})`,
    describe: (id, status, rows, valid, errors) => {
      const counts = [
        rows != null ? `${rows} rows` : undefined,
        valid != null ? `${valid} valid` : undefined,
        errors != null ? `${errors} with errors` : undefined,
      ].filter(Boolean);
      return `extract ${id}: ${status}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
    },
    dryRun: (verdict, rows, valid, errors) =>
      `dry run: the extract would be ${verdict} (${rows} rows, ${valid} valid, ${errors} with errors)`,
    nothingStored: '; nothing was stored',
    rowError: (line, column, code) =>
      `  line ${line}${column ? `, ${column}` : ''}: ${code}${rowCodes[code] ? ` (${rowCodes[code]})` : ''}`,
    statuses: {},
  },
  apiHints: {},
  api: {
    scheme: (url) => `the API URL must start with https:// or http:// (${url})`,
    unreachable: (origin, reason) => `cannot reach the API at ${origin} (${reason})`,
    notJson: (what) => `${what} did not answer JSON`,
  },
  oppositions: {
    usage: `usage: nonrecours oppositions add --api URL --convention ID (--file FILE | PSEUDONYM…)
       nonrecours oppositions list --api URL --convention ID

  add   register the pseudonyms of persons who object to the convention's processing: the cases
        that concern them are deleted at once and later runs leave them out (registering one
        again changes nothing). FILE holds one pseudonym a line, '-' reads standard input (such as
        the output of 'nonrecours pseudonym'); blank lines and lines starting with # are skipped;
        on the command line, put -- before pseudonyms when one starts with '-'. Prints the counts.
  list  print the registered oppositions (DPO role), one JSON object a line, in pseudonym order

  --api  the service's URL (or NONRECOURS_API_URL); the partner's or DPO's API client credentials:
         --client-id/--client-secret or NONRECOURS_CLIENT_ID, NONRECOURS_CLIENT_SECRET.
  Every registration and listing is recorded in the service's audit trail.`,
    conventionId: '--convention must be the id (a UUID) of the convention',
    fileOrPseudonyms: 'give --file FILE or the pseudonyms',
    notBoth: 'give --file or pseudonyms, not both',
    listOptions: 'list takes neither pseudonyms nor --file',
    badLines: (lines, more) =>
      `line${lines.length + more > 1 ? 's' : ''} ${lines.join(', ')}${more > 0 ? ` and ${more} more` : ''} not a pseudonym (43 base64url characters); nothing was registered`,
    outcome: (submitted, registered, already, deleted) =>
      `${submitted} pseudonyms submitted: ${registered} registered, ${already} already registered, ${deleted} cases deleted`,
    listed: (n) => `${n} opposition${n === 1 ? '' : 's'}`,
  },
};
