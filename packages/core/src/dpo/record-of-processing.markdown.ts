// The record of processing as a Markdown document, in French, for a DPO's register or a DPIA annex.
// Text that comes from the database (titles, partner names) is escaped: it is written by operators,
// not by us. Codes (status, roles, kinds) are put in French by the vocabulary; a column keeps its
// name, which is what the partner's file carries, beside its meaning; dates are in words, Paris time.
import {
  conventionStatusLabels,
  count,
  dateTimeInWords,
  dayInWords,
  kindLabels,
  label,
  partnerKindLabels,
  roleLabels,
} from '@nonrecours/french';
import type { RecordOfProcessing } from './record-of-processing.ts';

/** Markdown and HTML punctuation made literal; line breaks flattened so a table row stays one line. */
const esc = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' ');

const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join('\n') : '- aucun');
const names = (items: string[]) => (items.length ? items.map(esc).join(', ') : 'aucun');

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
    `# Registre des activités de traitement — ${esc(c.title)}`,
    `Convention ${esc(c.reference)} · établi le ${dateTimeInWords(record.generated_at)} à partir des données de la convention (RGPD art. 30). ` +
      'Les éléments que le service ne peut pas connaître sont listés sous « À compléter ».',
    '## Convention',
    list([
      `Statut : ${label(conventionStatusLabels, c.status).toLowerCase()}, valide du ${dayInWords(c.valid_from)} au ${dayInWords(c.valid_until)}`,
      `Territoire (codes INSEE) : ${c.territory.map(esc).join(', ')}`,
      `Jeu de règles : ${esc(c.rule_pack)}`,
    ]),
    '## Responsables du traitement et parties',
    record.parties.length
      ? table(
          ['organisme', 'nature', 'SIRET', 'rôles', 'extractions fournies'],
          record.parties.map((p) => [
            esc(p.name),
            label(partnerKindLabels, p.kind),
            p.siret ?? '',
            p.roles.map((r) => label(roleLabels, r)).join(', '),
            p.provides.map((k) => label(kindLabels, k)).join(', ') || '—',
          ]),
        )
      : 'Aucun membre pour l’instant.',
    '## Finalités',
    `Finalité inscrite dans la convention : ${esc(record.purposes.stated)}`,
    list(record.purposes.statements),
    '## Base légale',
    `Base légale inscrite dans la convention : ${esc(record.legal_basis.stated)}`,
    list(record.legal_basis.gdpr),
    '## Catégories de personnes concernées',
    list(
      record.data_subjects.map(
        (s) =>
          `${s.description} (extraction ${label(kindLabels, s.kind)} fournie par ${names(s.provided_by)})`,
      ),
    ),
    '## Catégories de données à caractère personnel',
    'Aucun identifiant en clair ne parvient au service : les identités sont des pseudonymes à clé.',
    ...(record.personal_data.length ? [] : ['Aucun membre ne fournit encore d’extraction.']),
    ...record.personal_data.flatMap((d) => [
      `### Extraction ${label(kindLabels, d.kind)} (format \`${d.schema}\`), fournie par ${names(d.provided_by)}`,
      table(
        ['colonne', 'obligatoire', 'catégorie', 'description', 'art. 9'],
        d.columns.map((col) => [
          `\`${col.name}\``,
          col.required ? 'oui' : 'non',
          col.category,
          col.description,
          col.note ?? '',
        ]),
      ),
    ]),
    '### Catégories particulières de données (art. 9)',
    `${record.special_categories.note}${record.special_categories.columns.length ? ` Colonnes : ${record.special_categories.columns.map((n) => `\`${n}\``).join(', ')}.` : ''}`,
    '## Destinataires',
    table(
      ['rôle', 'organismes', 'accès'],
      record.recipients.map((r) => [label(roleLabels, r.role), names(r.members), r.access]),
    ),
    '## Transferts hors de l’Union européenne',
    record.transfers.note,
    '## Durées de conservation',
    list([
      `Durée de conservation fixée par la convention : ${count(record.retention.retention_days)} jours`,
      record.retention.extracts,
      record.retention.cases,
      record.retention.audit_trail,
    ]),
    '## Mesures de sécurité (art. 32)',
    list(record.security_measures),
    '## Analyse d’impact relative à la protection des données (AIPD, art. 35)',
    record.dpia.note,
    '## Campagnes de contact',
    record.outreach.purpose,
    record.outreach.legal_basis,
    list(record.outreach.safeguards),
    record.outreach.campaigns.length
      ? table(
          [
            'campagne',
            'prestation',
            'canal',
            'partenaire qui contacte',
            'période',
            'statut',
            'cohorte',
            'groupe témoin',
          ],
          record.outreach.campaigns.map((k) => [
            esc(k.name),
            k.benefit,
            k.channel,
            esc(k.contacting_partner),
            `${k.starts_on} – ${k.ends_on}`,
            k.status,
            `${count(k.cohort_size)} (${k.frozen_month})`,
            k.comparison
              ? `${Math.round(k.comparison.share * 100)} % tirés au sort (stratifiés par ${k.comparison.stratified_by.join(' et ')}), pas de contact avant le ${k.comparison.until}, graine \`${k.comparison.seed}\``
              : 'aucun',
          ]),
        )
      : 'Aucune campagne pour l’instant.',
    '## À compléter',
    list(record.to_complete),
  ];
  return `${sections.join('\n\n')}\n`;
}
