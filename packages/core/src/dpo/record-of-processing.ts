// The record of processing activities (GDPR art. 30) of one convention, drawn from its data: the
// parties and their roles, the extract kinds they provide and so the persons and data concerned,
// the retention it sets, and the measures the service applies. What the service cannot know (contact
// details, the parties' legal qualification, the DPIA reference…) is listed as "à compléter" rather
// than guessed. The text is in French, for the DPOs who keep the register.
import { type Convention, type Db, type MemberRole, memberRoles, type PartnerKind } from '@nonrecours/db';
import { type ExtractKind, extractColumns, extractKinds, schemaOfKind } from '@nonrecours/pseudo';
import { type OutreachRecord, outreachRecord } from '../campaigns/campaigns-record.ts';
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
  category: DataCategory | 'autre';
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
  /** The outreach campaigns and their design. */
  outreach: OutreachRecord;
}

/** A count in French style (thousands separated by a narrow no-break space). */
const count = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

const roleAccess: Record<MemberRole, string> = {
  partner:
    'dépose ses extractions pseudonymisées ; ne reçoit en retour que les cas présumés des personnes ' +
    'figurant dans ses propres extractions, et les réidentifie sur ses propres systèmes avec la clé de la convention. ' +
    'Besoin d’en connaître : il ne reçoit d’un cas que ses propres données ; le montant estimé, la variante, les ' +
    'paramètres, le calcul et les règles concordantes seulement si toutes les données lues par les règles sont les ' +
    'siennes ; la commune et le pseudonyme du foyer seulement si le cas vient de sa propre extraction. Information ' +
    'résiduelle communiquée : l’existence du cas (la personne ou le foyer concerné, la prestation, la règle, son ' +
    'niveau de confiance, le suivi et ses dates) et la nature des partenaires dont les données le fondent (CAF, ' +
    'CPAM…) — ce qui, pour une règle donnée, laisse déduire que les données de ces partenaires remplissent ses conditions',
  territory:
    'lance les rapprochements ; reçoit les listes de cas présumés avec les éléments qui les fondent, ' +
    'enregistre les suites données et consulte les statistiques',
  dpo: 'consulte le présent registre et le journal d’audit de la convention ; vérifie et exporte le journal',
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
      category: meaning?.category ?? 'autre',
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
        'Repérer les personnes présumées éligibles à une prestation qu’elles ne perçoivent pas, afin de les en informer et de leur proposer l’ouverture de leurs droits (CRPA L114-8 II).',
        'Aucune réutilisation à des fins de détection de la fraude ou de contrôle (limitation des finalités ; CNIL délibération 2022-101).',
        'Aucune décision fondée exclusivement sur un traitement automatisé (art. 22) : chaque cas est une présomption qu’un agent examine avant toute prise de contact.',
        'Les personnes qui s’y opposent (art. 21) sont exclues de tous les rapprochements ultérieurs.',
      ],
    },
    legal_basis: {
      stated: convention.legal_basis,
      gdpr: [
        'Art. 6(1)(e) et 6(3) : exécution d’une mission d’intérêt public prévue par la loi.',
        ...(special.length
          ? [
              'Art. 9(2) : les données signalées comme relevant de l’art. 9 requièrent l’une des exceptions prévues aux points (b), (g) ou (h), indiquée dans la convention.',
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
        ? 'Ces colonnes révèlent, ou peuvent révéler, l’état de santé (handicap, grossesse) ou la pauvreté : l’art. 9 s’applique. Ne les conserver que si une règle du jeu de règles en a besoin.'
        : 'Aucune colonne des extractions fournies ne relève de l’art. 9.',
    },
    recipients: memberRoles.map((role) => ({
      role,
      access: roleAccess[role],
      members: parties.filter((p) => p.roles.includes(role)).map((p) => p.name),
    })),
    transfers: {
      outside_eu: false,
      note: 'Aucun : le service ne transmet aucune donnée à caractère personnel hors de l’Union européenne, et les partenaires réidentifient leurs cas sur leurs propres systèmes.',
    },
    retention: {
      retention_days: days,
      extracts: `Les lignes des extractions expirent ${count(days)} jours après leur dépôt, puis sont purgées ; une extraction plus récente du même type, déposée par le même partenaire, remplace l’ancienne dans les rapprochements ultérieurs.`,
      cases: `Les cas présumés expirent ${count(days)} jours après la publication du rapprochement qui les a identifiés.`,
      audit_trail:
        'Le journal d’audit (qui a accédé à quoi, quand et pour quelle finalité) documente le respect du principe de responsabilité (art. 5(2)) : ' +
        'alimenté en ajout seul, il est conservé au-delà des données et n’est pas purgé avec elles, de même que son index des pseudonymes renvoyés par chaque requête (art. 15).',
    },
    security_measures: [
      'Pseudonymisation avant transmission : les partenaires remplacent le NIR, les noms et les dates de naissance par des empreintes à clé (HMAC-SHA-256), calculées avec une clé de convention que le service ne détient jamais ; un dépôt qui semble contenir un identifiant en clair est refusé et supprimé.',
      convention.key_check_value
        ? `Valeur de contrôle de la clé enregistrée (version de clé ${convention.key_version}) : un dépôt fait avec une autre clé est refusé avant d’être stocké.`
        : 'Aucune valeur de contrôle de la clé n’est encore enregistrée : tout dépôt est refusé tant qu’elle ne l’est pas.',
      'Minimisation : seules les colonnes du contrat d’extraction sont acceptées ; toute autre colonne entraîne le refus du fichier.',
      'Accès limité à la convention : toute route de l’API portant sur des données à caractère personnel désigne la convention ; l’organisme appelant doit en être membre avec le rôle requis par la route, et la convention doit être active et en cours de validité. Un partenaire ne reçoit que les cas de sa propre population.',
      `Authentification : secrets des clients conservés sous forme d’empreintes scrypt ; jetons d’accès de courte durée signés en ES256 (${count(service.tokenTtlSeconds)} s), ou jetons d’émetteurs OpenID Connect configurés, aux algorithmes imposés.`,
      'Audit : chaque accès et chaque modification sont enregistrés dans un journal en ajout seul, chaîné par empreintes (la base de données refuse les modifications et les suppressions), avec des points de contrôle signés par une clé du service conservée hors de la base de données — à chaque période tant que des événements s’ajoutent, après chaque publication de rapprochement et chaque export, et à la demande — copiés dans un fichier en ajout seul hors de la base et dans les journaux applicatifs, afin qu’une réécriture ou une troncature soit détectée ; les clients qui le demandent reçoivent un reçu signé de chaque événement ; vérification chaque nuit. Chaque consultation de cas enregistre les pseudonymes qu’elle a communiqués, afin de pouvoir indiquer à une personne qui a vu quoi la concernant (art. 15).',
      'Les journaux applicatifs ne contiennent ni jeton, ni secret, ni pseudonyme.',
      'Transport : le chiffrement TLS est attendu en frontal (proxy inverse) devant le service.',
    ],
    dpia: {
      required: true,
      note:
        'Requise avant la mise en œuvre du traitement (art. 35) : rapprochement à grande échelle de jeux de données de plusieurs organismes, concernant des personnes vulnérables (faibles revenus, handicap, mineurs)' +
        `${special.length ? ', avec des données susceptibles de révéler l’état de santé' : ''}. Consulter la CNIL au préalable (art. 36) si un risque résiduel élevé subsiste ; réviser l’AIPD lorsque les parties, les données ou les finalités changent.`,
    },
    to_complete: [
      'Nom et coordonnées de chaque responsable du traitement, de son représentant et de son délégué à la protection des données (art. 30(1)(a)).',
      'Le rôle de chaque partie : responsable du traitement, responsables conjoints du traitement et leur accord (art. 26), sous-traitant et son contrat (art. 28).',
      ...(special.length
        ? [
            'L’exception de l’art. 9(2) retenue pour les données signalées comme relevant de l’art. 9 ; à défaut, retirer ces colonnes.',
          ]
        : []),
      'La durée de conservation du journal d’audit.',
      'Les modalités d’information des personnes concernées (art. 13 et 14) et d’exercice de leur droit d’opposition (art. 21).',
      'La référence et la date de l’AIPD.',
      'Hébergement : localisation des serveurs et chiffrement des données au repos.',
    ],
    outreach: await outreachRecord(db, convention.id),
  };
}
