// The record of processing activities (GDPR art. 30) of one convention, drawn from its data: the
// parties and their roles, the extract kinds they provide and so the persons and data concerned,
// the retention it sets, and the measures the service applies. What the service cannot know (contact
// details, the parties' legal qualification, the DPIA reference…) is listed as "to complete" rather
// than guessed.
import { type Convention, type Db, type MemberRole, memberRoles, type PartnerKind } from '@nonrecours/db';
import { type ExtractKind, extractColumns, extractKinds, schemaOfKind } from '@nonrecours/pseudo';
import { columnMeanings, type DataCategory, dataSubjects } from './personal-data.ts';

export interface RecordParty {
  partner_id: string;
  name: string;
  kind: PartnerKind;
  siret: string | null;
  roles: MemberRole[];
  provides: string[];
}

export interface RecordColumn {
  name: string;
  required: boolean;
  category: DataCategory | 'other';
  description: string;
  special_category: boolean;
  note: string | null;
}

export interface RecordOfProcessing {
  generated_at: Date;
  convention: Pick<
    Convention,
    'id' | 'reference' | 'title' | 'status' | 'valid_from' | 'valid_until' | 'territory' | 'rule_pack'
  >;
  parties: RecordParty[];
  purposes: { stated: string; statements: string[] };
  legal_basis: { stated: string; gdpr: string[] };
  data_subjects: { kind: ExtractKind; description: string; provided_by: string[] }[];
  personal_data: { kind: ExtractKind; schema: string; provided_by: string[]; columns: RecordColumn[] }[];
  special_categories: { present: boolean; columns: string[]; note: string };
  recipients: { role: MemberRole; access: string; members: string[] }[];
  transfers: { outside_eu: boolean; note: string };
  retention: { retention_days: number; extracts: string; cases: string; audit_trail: string };
  security_measures: string[];
  dpia: { required: boolean; note: string };
  to_complete: string[];
}

const roleAccess: Record<MemberRole, string> = {
  partner:
    'uploads its pseudonymised extracts; receives back only the presumed cases of the persons its own ' +
    'extracts contain, and re-identifies them on its own premises with the convention key',
  territory:
    'starts matching runs; receives the lists of presumed cases with their evidence, records the ' +
    'follow-up and reads statistics',
  dpo: 'reads this record and the audit trail of the convention; verifies and exports the trail',
};

function partiesOf(db: Db, conventionId: string): Promise<RecordParty[]> {
  return db
    .selectFrom('convention_members as m')
    .innerJoin('partners as p', 'p.id', 'm.partner_id')
    .select(['m.partner_id', 'p.name', 'p.kind', 'p.siret', 'm.roles', 'm.provides'])
    .where('m.convention_id', '=', conventionId)
    .orderBy('p.name')
    .execute();
}

function columnsOf(kind: ExtractKind): RecordColumn[] {
  return extractColumns[kind].map((c) => {
    const meaning = columnMeanings[c.name];
    return {
      name: c.name,
      required: c.required,
      category: meaning?.category ?? 'other',
      description: meaning?.description ?? c.name,
      special_category: meaning?.article9 !== undefined,
      note: meaning?.article9 ?? null,
    };
  });
}

export async function buildRecordOfProcessing(
  db: Db,
  convention: Convention,
  service: { tokenTtlSeconds: number; now?: Date },
): Promise<RecordOfProcessing> {
  const parties = await partiesOf(db, convention.id);
  const providers = (kind: ExtractKind) =>
    parties.filter((p) => p.provides.includes(kind)).map((p) => p.name);
  const kinds = extractKinds.filter((kind) => providers(kind).length > 0);
  const personalData = kinds.map((kind) => ({
    kind,
    schema: schemaOfKind[kind],
    provided_by: providers(kind),
    columns: columnsOf(kind),
  }));
  const special = [
    ...new Set(personalData.flatMap((d) => d.columns.filter((c) => c.special_category).map((c) => c.name))),
  ];
  const days = convention.retention_days;

  return {
    generated_at: service.now ?? new Date(),
    convention: {
      id: convention.id,
      reference: convention.reference,
      title: convention.title,
      status: convention.status,
      valid_from: convention.valid_from,
      valid_until: convention.valid_until,
      territory: convention.territory,
      rule_pack: convention.rule_pack,
    },
    parties,
    purposes: {
      stated: convention.purpose,
      statements: [
        'Find persons presumably entitled to a benefit they do not receive, to inform them and offer to open their rights (CRPA L114-8 II).',
        'No reuse for fraud detection or control (purpose limitation; CNIL délibération 2022-101).',
        'No decision based solely on automated processing (art. 22): each case is a presumption that a person reviews before any contact.',
        'Persons who object (art. 21) are excluded from every later run.',
      ],
    },
    legal_basis: {
      stated: convention.legal_basis,
      gdpr: [
        'Art. 6(1)(e) and 6(3): a task carried out in the public interest, laid down by law.',
        ...(special.length
          ? [
              'Art. 9(2): the data marked art. 9 need a ground under (b), (g) or (h), stated in the convention.',
            ]
          : []),
      ],
    },
    data_subjects: kinds.map((kind) => ({
      kind,
      description: dataSubjects[kind],
      provided_by: providers(kind),
    })),
    personal_data: personalData,
    special_categories: {
      present: special.length > 0,
      columns: special,
      note: special.length
        ? 'These columns reveal, or may reveal, health (disability, pregnancy) or poverty: art. 9 applies. Keep them only where a rule of the pack needs them.'
        : 'No column of the extracts provided falls under art. 9.',
    },
    recipients: memberRoles.map((role) => ({
      role,
      access: roleAccess[role],
      members: parties.filter((p) => p.roles.includes(role)).map((p) => p.name),
    })),
    transfers: {
      outside_eu: false,
      note: 'None: the service sends no personal data outside the European Union, and partners re-identify their cases on their own premises.',
    },
    retention: {
      retention_days: days,
      extracts: `Extract rows expire ${days} days after their upload and are then purged; a newer extract of the same kind from the same partner replaces the older one in later runs.`,
      cases: `Presumed cases expire ${days} days after the run that found them is published.`,
      audit_trail:
        'The audit trail (who accessed what, when, for which purpose) is the accountability record (art. 5(2)): ' +
        'append-only, it is kept beyond the data and not purged with it, together with its index of the pseudonyms each request returned (art. 15).',
    },
    security_measures: [
      'Pseudonymisation before transfer: partners replace the NIR, names and birth dates with keyed hashes (HMAC-SHA-256) under a convention key that the service never holds; an upload that looks like it carries a clear identifier is refused and discarded.',
      convention.key_check_value
        ? `Key check value registered (key version ${convention.key_version}): an upload made with another key is refused before it is stored.`
        : 'No key check value registered yet: every upload is refused until one is.',
      'Minimisation: only the columns of the extract contract are accepted; any other column refuses the file.',
      "Convention-scoped access: every route that touches personal data names the convention; the caller's organisation must be a member in the route's role, and the convention active and within its dates. A partner only receives the cases of its own population.",
      `Authentication: client secrets stored as scrypt hashes; short-lived access tokens signed with ES256 (${service.tokenTtlSeconds} s), or tokens of configured OpenID Connect issuers with pinned algorithms.`,
      'Audit: every access and change is recorded in an append-only, hash-chained trail (the database refuses updates and deletes), with checkpoints signed by a key of the service kept outside the database, so that a rewrite or truncation is detected; verified nightly. Each read of cases records the pseudonyms it disclosed, so that a person can be told who saw what about them (art. 15).',
      'Logs carry no token, secret or pseudonym.',
      'Transport: TLS is expected at the edge (reverse proxy) in front of the service.',
    ],
    dpia: {
      required: true,
      note:
        'Required before the processing starts (art. 35): large-scale matching of datasets from several bodies, about vulnerable persons (low incomes, disability, minors)' +
        `${special.length ? ', with data that may reveal health' : ''}. Consult the CNIL beforehand (art. 36) if a high residual risk remains; review the DPIA when the parties, data or purposes change.`,
    },
    to_complete: [
      'Name and contact details of each controller, of its representative and of its DPO (art. 30(1)(a)).',
      'The role of each party: controller, joint controllers and their arrangement (art. 26), processor and its contract (art. 28).',
      ...(special.length
        ? ['The art. 9(2) ground for the data marked art. 9, or leave those columns out.']
        : []),
      'The retention period of the audit trail.',
      'How the persons concerned are informed (art. 13/14) and can object (art. 21).',
      'The reference and date of the DPIA.',
      'Hosting: location of the servers and encryption at rest.',
    ],
  };
}
