// What the extract columns of the partner contract are, in the words of a record of processing
// (GDPR art. 30(1)(c)): the category of personal data of each column, the persons each kind of
// extract is about, and the columns that fall under art. 9. A column added to the contract without a
// meaning here is caught by a test, so the record never silently misses one.
import { type ExtractKind, monthlyColumn, monthlyHouseholdColumns, monthOffsets } from '@nonrecours/pseudo';

export const dataCategories = [
  'identifiant pseudonymisé',
  'identification',
  'localisation',
  'situation familiale',
  'situation économique et financière',
  'logement',
  'prestations sociales',
  'couverture santé',
] as const;
export type DataCategory = (typeof dataCategories)[number];

export interface ColumnMeaning {
  category: DataCategory;
  description: string;
  /** Why the column falls, or may fall, under art. 9; absent for ordinary data. */
  article9?: string;
}

const AAH_NOTE =
  'L’AAH est attribuée en raison d’un handicap : la percevoir révèle une donnée de santé (art. 9(1)).';
const C2S_NOTE =
  'La C2S est une couverture santé accordée sous condition de ressources : son statut peut révéler l’état de santé ou la pauvreté ; elle est traitée comme une donnée relevant de l’art. 9.';

export const columnMeanings: Record<string, ColumnMeaning> = {
  person_pseudo: {
    category: 'identifiant pseudonymisé',
    description: 'empreinte à clé (HMAC-SHA-256) du NIR, calculée avec la clé de la convention',
  },
  identity_pseudo: {
    category: 'identifiant pseudonymisé',
    description: 'empreinte à clé du nom de naissance, du premier prénom et de la date de naissance',
  },
  identity_clk: {
    category: 'identifiant pseudonymisé',
    description: 'filtre de Bloom à clé des noms et de la date de naissance, pour le rapprochement approché',
  },
  household_pseudo: {
    category: 'identifiant pseudonymisé',
    description: 'empreinte à clé du numéro de foyer ou de bail attribué par le partenaire',
  },
  birth_ym: { category: 'identification', description: 'mois et année de naissance' },
  commune: { category: 'localisation', description: 'commune de résidence (code INSEE)' },
  role: {
    category: 'situation familiale',
    description: 'rôle dans le foyer (allocataire, conjoint, enfant, autre)',
  },
  household_adults: { category: 'situation familiale', description: 'nombre d’adultes du foyer' },
  household_children: { category: 'situation familiale', description: 'nombre d’enfants du foyer' },
  single_parent: { category: 'situation familiale', description: 'parent isolé' },
  single_parent_increase: {
    category: 'situation familiale',
    description: 'remplit les conditions de la majoration pour parent isolé du RSA et de la prime d’activité',
    article9:
      'Elle peut être ouverte au titre d’une grossesse : la colonne peut donc révéler une donnée de santé.',
  },
  couple: { category: 'situation familiale', description: 'vit en couple' },
  partner_birth_ym: {
    category: 'situation familiale',
    description: 'mois et année de naissance du conjoint',
  },
  household_resources: {
    category: 'situation économique et financière',
    description: 'ressources mensuelles du foyer',
  },
  activity_income: {
    category: 'situation économique et financière',
    description: 'revenus d’activité mensuels de la personne',
  },
  pension: {
    category: 'situation économique et financière',
    description: 'pensions mensuelles de la personne',
  },
  housing: {
    category: 'logement',
    description: 'situation de logement (locataire, propriétaire, hébergé à titre gratuit, sans domicile…)',
  },
  rent: { category: 'logement', description: 'loyer principal mensuel hors charges, avant RLS' },
  arrears_months: {
    category: 'situation économique et financière',
    description: 'nombre de mois d’impayés de loyer',
  },
  rsa: { category: 'prestations sociales', description: 'perçoit le RSA' },
  ppa: { category: 'prestations sociales', description: 'perçoit la prime d’activité' },
  housing_aid: { category: 'prestations sociales', description: 'perçoit une aide au logement' },
  housing_aid_amount: {
    category: 'prestations sociales',
    description: 'montant mensuel de l’aide au logement versée',
  },
  apl: { category: 'prestations sociales', description: 'APL versée au bailleur au titre du bail' },
  conventionne: { category: 'logement', description: 'logement conventionné à l’APL' },
  annual_resources: {
    category: 'situation économique et financière',
    description: 'revenu fiscal de référence de l’année N-2 du ménage, connu du bailleur',
  },
  apl_amount: {
    category: 'prestations sociales',
    description: 'montant mensuel de l’APL versée au bailleur au titre du bail',
  },
  dependants: {
    category: 'situation familiale',
    description: 'personnes à charge au sens de l’aide au logement (enfants de moins de 21 ans…)',
  },
  aspa: {
    category: 'prestations sociales',
    description: 'perçoit l’ASPA (allocation de solidarité aux personnes âgées, ou minimum vieillesse)',
  },
  aah: {
    category: 'prestations sociales',
    description: 'perçoit l’AAH (allocation aux adultes handicapés)',
    article9: AAH_NOTE,
  },
  c2s: {
    category: 'couverture santé',
    description:
      'situation au regard de la complémentaire santé solidaire (aucune, sans participation, avec participation)',
    article9: C2S_NOTE,
  },
  c2s_until: {
    category: 'couverture santé',
    description: 'mois de fin de la couverture C2S',
    article9: C2S_NOTE,
  },
};

/** The persons an extract of each kind is about (art. 30(1)(c), categories of data subjects). */
export const dataSubjects: Record<ExtractKind, string> = {
  caf: 'foyers allocataires de la CAF : l’allocataire, son conjoint, concubin ou partenaire de PACS, les enfants (mineurs) et les autres personnes à charge',
  cpam: 'assurés de la CPAM (régime général de l’assurance maladie)',
  msa: 'assurés du régime agricole (MSA) et leurs foyers, enfants (mineurs) compris',
  carsat: 'retraités du régime général (CARSAT)',
  landlord: 'locataires majeurs du parc social (leur foyer n’étant décrit que par sa composition)',
};

// caf.v2 / msa.v2: the same household and income columns, month by month, and the 12-month C2S resources.
for (const k of monthOffsets) {
  const month = k === 0 ? 'le mois de référence' : `le mois M−${k}`;
  for (const name of [...monthlyHouseholdColumns, 'activity_income'] as const) {
    const meaning = columnMeanings[name]!;
    columnMeanings[monthlyColumn(name, k)] = {
      ...meaning,
      description: `${meaning.description}, pour ${month}`,
    };
  }
}
columnMeanings.c2s_resources = {
  category: 'situation économique et financière',
  description: 'ressources du foyer sur les 12 mois précédents, comptées comme pour la C2S',
};
