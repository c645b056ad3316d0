// The record of processing as a Markdown document, for a DPO's register or a DPIA annex. Text that
// comes from the database (titles, partner names) is escaped: it is written by operators, not by us.
import type { RecordOfProcessing } from './record-of-processing.ts';

/** Markdown and HTML punctuation made literal; line breaks flattened so a table row stays one line. */
const esc = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' ');

const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join('\n') : '- none');
const names = (items: string[]) => (items.length ? items.map(esc).join(', ') : 'none');

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function recordOfProcessingMarkdown(record: RecordOfProcessing): string {
  const c = record.convention;
  const sections = [
    `# Record of processing — ${esc(c.title)}`,
    `Convention ${esc(c.reference)} · generated ${record.generated_at.toISOString()} from the convention's data (GDPR art. 30). ` +
      'Items the service cannot know are listed under "To complete".',
    '## Convention',
    list([
      `Status: ${c.status}, valid from ${c.valid_from} to ${c.valid_until}`,
      `Territory (INSEE codes): ${c.territory.map(esc).join(', ')}`,
      `Rule pack: ${esc(c.rule_pack)}`,
    ]),
    '## Controllers and parties',
    record.parties.length
      ? table(
          ['partner', 'kind', 'SIRET', 'roles', 'extracts provided'],
          record.parties.map((p) => [
            esc(p.name),
            p.kind,
            p.siret ?? '',
            p.roles.join(', '),
            p.provides.join(', ') || '—',
          ]),
        )
      : 'No member yet.',
    '## Purposes',
    `Stated in the convention: ${esc(record.purposes.stated)}`,
    list(record.purposes.statements),
    '## Legal basis',
    `Stated in the convention: ${esc(record.legal_basis.stated)}`,
    list(record.legal_basis.gdpr),
    '## Categories of data subjects',
    list(record.data_subjects.map((s) => `${s.description} (${s.kind}, from ${names(s.provided_by)})`)),
    '## Categories of personal data',
    'No clear identifier reaches the service: identities are keyed pseudonyms.',
    ...(record.personal_data.length ? [] : ['No member provides an extract yet.']),
    ...record.personal_data.flatMap((d) => [
      `### ${d.kind} (${d.schema}), from ${names(d.provided_by)}`,
      table(
        ['column', 'required', 'category', 'description', 'art. 9'],
        d.columns.map((col) => [
          `\`${col.name}\``,
          col.required ? 'yes' : 'no',
          col.category,
          col.description,
          col.note ?? '',
        ]),
      ),
    ]),
    '### Special categories (art. 9)',
    `${record.special_categories.note}${record.special_categories.columns.length ? ` Columns: ${record.special_categories.columns.map((n) => `\`${n}\``).join(', ')}.` : ''}`,
    '## Recipients',
    table(
      ['role', 'members', 'access'],
      record.recipients.map((r) => [r.role, names(r.members), r.access]),
    ),
    '## Transfers outside the EU',
    record.transfers.note,
    '## Retention',
    list([
      `Convention retention period: ${record.retention.retention_days} days`,
      record.retention.extracts,
      record.retention.cases,
      record.retention.audit_trail,
    ]),
    '## Security measures (art. 32)',
    list(record.security_measures),
    '## Data protection impact assessment (art. 35)',
    record.dpia.note,
    '## To complete',
    list(record.to_complete),
  ];
  return `${sections.join('\n\n')}\n`;
}
