// The French words of the console: the service's vocabulary (@nonrecours/french: roles, kinds,
// statuses, benefits, rules, outcomes, audit actions, communes), the API's error codes, and the formats
// of dates, numbers and amounts (fr-FR, Europe/Paris) as the console's tables show them.
import {
  count,
  dateInWords,
  dayInWords,
  decimal,
  euros,
  monthInWords,
  parameterValue,
  shortDateTime,
} from '@nonrecours/french';

export * from '@nonrecours/french';

/** The follow-up outcomes of a case (packages/core stats), in the order of the follow-up. */
const apiErrors: Record<string, string> = {
  unauthorized: 'Votre session a expiré. Reconnectez-vous.',
  forbidden: 'Votre rôle ne permet pas cette action sur cette convention.',
  not_found: 'Cette page n’existe pas, ou vous n’y avez pas accès.',
  convention_not_active: 'La convention n’est pas active, ou pas dans sa période de validité.',
  convention_ended: 'La convention est terminée.',
  key_check_mismatch:
    'La clé choisie n’est pas celle de la convention : son empreinte ne correspond pas à celle enregistrée. Les pseudonymes faits avec une autre clé ne se rapprocheraient jamais.',
  unknown_schema: 'Ce format d’extraction n’est pas attendu pour ce type de fichier.',
  payload_too_large: 'Le fichier dépasse la taille maximale acceptée.',
  unsupported_media_type: 'Le fichier doit être un CSV.',
  invalid_encoding: 'Le fichier n’est pas encodé en UTF-8.',
  invalid_header: 'La ligne d’en-tête du fichier ne correspond pas au format attendu.',
  unexpected_column: 'Le fichier contient une colonne inattendue.',
  missing_column: 'Il manque une colonne obligatoire dans le fichier.',
  duplicate_column: 'Une colonne apparaît deux fois dans le fichier.',
  clear_identifier_suspected:
    'Le fichier semble contenir un identifiant en clair (NIR, adresse électronique, numéro de téléphone ou nom) : il a été refusé et rien n’en a été conservé. Pseudonymisez-le avec l’outil nonrecours.',
  key_check_missing:
    'L’empreinte de la clé de la convention manque : choisissez la clé utilisée pour pseudonymiser.',
  reference_month_out_of_range:
    'Le mois de référence doit être compris entre le début de la convention et le mois en cours.',
  unsupported_encoding: 'Le fichier doit être un CSV en UTF-8, éventuellement compressé en gzip valide.',
  line_too_long: 'Une ligne du fichier est beaucoup trop longue : ce n’est pas une extraction.',
  too_many_fields: 'Une ligne du fichier compte beaucoup trop de valeurs : ce n’est pas une extraction.',
  upload_interrupted: 'Le dépôt a été interrompu avant la fin du fichier : déposez-le de nouveau.',
  upload_too_slow: 'Le fichier arrivait trop lentement : le dépôt a été interrompu, déposez-le de nouveau.',
  too_many_uploads: 'Trop de dépôts sont en cours : réessayez dans quelques instants.',
  malformed_csv: 'Le fichier n’est pas un CSV bien formé.',
  empty_extract: 'Le fichier ne contient aucune ligne.',
  too_many_row_errors: 'Trop de lignes du fichier sont en erreur : l’extraction est refusée.',
  upload_in_progress: 'Un dépôt de ce fichier est déjà en cours.',
  idempotency_key_reused: 'Ce dépôt a déjà été fait avec un autre fichier.',
  no_usable_extracts: 'Aucune extraction acceptée n’est disponible pour lancer un traitement.',
  run_in_progress: 'Un traitement est déjà en cours pour cette convention.',
  run_not_published: 'Les cas de ce traitement ne sont pas encore publiés.',
  run_not_active: 'Ce traitement n’est plus en cours.',
  unknown_rule_pack: 'Ce jeu de règles est inconnu.',
  invalid_request: 'La demande est incomplète ou mal formée.',
  invalid_transition: 'Ce changement de statut n’est pas possible.',
  invalid_status_transition:
    'Ce suivi ne peut pas suivre le précédent : rechargez la page pour voir le suivi actuel.',
  case_not_current: 'Ce cas appartient à un traitement plus ancien : suivez le cas du dernier traitement.',
  invalid_cursor: 'La page demandée n’existe plus : revenez à la première page de la liste.',
  invalid_pseudonym: 'Un pseudonyme compte 43 caractères (lettres, chiffres, - et _).',
  no_published_run:
    'Aucun traitement n’est encore publié : la cohorte d’une campagne se tire des cas du dernier traitement publié.',
  empty_cohort:
    'Aucun cas du dernier traitement publié ne correspond à cette prestation et à ces filtres, ou tous sont déjà dans une campagne en cours de la prestation : élargissez les filtres.',
  case_in_open_campaign:
    'Un cas de la cohorte vient d’être pris par une autre campagne en cours de la même prestation : vérifiez les campagnes, puis recommencez.',
  refused_not_contacted:
    'Une personne qui a refusé n’est jamais recontactée (droit de refuser la démarche proactive) : choisissez un autre suivi.',
  contacting_partner_not_member: 'L’organisme qui contacte doit être un partenaire de la convention.',
  invalid_share: 'Le groupe témoin représente de 5 % à 50 % de chaque strate.',
  invalid_dates:
    'Les dates ne conviennent pas : la fin des contacts et la date du groupe témoin viennent après le début des contacts.',
  campaign_closed: 'Cette campagne est close.',
  rate_limited: 'Trop de tentatives : patientez une minute avant de recommencer.',
  issuer_unavailable: 'Le service d’authentification ne répond pas ; réessayez dans quelques instants.',
};

/** A French message for an API error code; the API's own wording stays in the page's details. */
export const apiErrorMessage = (code: string) =>
  apiErrors[code] ?? `La demande a été refusée (code « ${code} »).`;

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** « 02/12/2026 16:05 », Paris time, for tables. */
export const formatDateTime = (v: string | Date | null | undefined) => (v ? shortDateTime(v) : '—');
/** « 1er janvier 2026 »: a calendar day (YYYY-MM-DD) as it is, an instant as its day in Paris. */
export const formatDate = (v: string | Date | null | undefined) =>
  v ? (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayInWords(v) : dateInWords(v)) : '—';
/** "2026-10" → "octobre 2026". */
export const formatMonth = (v: string | null | undefined) => (v ? monthInWords(v.slice(0, 7)) : '—');
export const formatEuros = (v: number | null | undefined) => (v === null || v === undefined ? '—' : euros(v));
export const formatCount = (v: number | null | undefined) => (v === null || v === undefined ? '—' : count(v));
/** A published count: suppressed below the threshold (statistical secrecy). */
export const SUPPRESSED = 'secret (moins de 5)';

export const formatShare = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : percent.format(v);

/** "il y a 3 jours": how old a date is, for the freshness of extracts. */
export function formatAge(v: string | Date, now = Date.now()): string {
  const days = Math.floor((now - new Date(v).getTime()) / 86_400_000);
  if (days <= 0) return 'aujourd’hui';
  if (days === 1) return 'hier';
  return `il y a ${count(days)} jours`;
}

export const formatBytes = (v: number | null | undefined) => {
  if (v === null || v === undefined) return '—';
  const units = ['o', 'Ko', 'Mo', 'Go'];
  let value = v;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal(value, 1)}\u00a0${units[unit]}`;
};

/** A legal parameter's value with its unit. */
export const formatParameter = parameterValue;

/** Why an outcome was corrected. */
export const correctionReasonLabels: Record<string, string> = {
  entry_error: 'Erreur de saisie',
  new_information: 'Information nouvelle de la personne',
  partner_check: 'Vérification de l’organisme partenaire',
};

/** What to check with the person before helping with a claim, by benefit. */
export const toCheckByBenefit: Record<string, readonly string[]> = {
  rsa: [
    'Qui vit dans le foyer (conjoint, enfants à charge) et depuis quand.',
    'Les ressources de chacun sur les trois derniers mois : salaires, indemnités, pensions, aides.',
    'Qu’aucune demande de RSA n’est déjà en cours ou refusée récemment.',
  ],
  ppa: [
    'Les revenus d’activité des trois derniers mois et leur régularité.',
    'Qui vit dans le foyer et ses autres ressources.',
    'Qu’aucune demande de prime d’activité n’est déjà en cours.',
  ],
  c2s: [
    'Les ressources du foyer sur les douze derniers mois.',
    'Qu’une complémentaire santé (mutuelle d’entreprise, contrat individuel) ne couvre pas déjà la personne.',
    'Les personnes à charge à inclure dans la demande.',
  ],
  housing_aid: [
    'Le loyer et les charges du logement, et qui y vit.',
    'Les ressources du foyer de l’année de référence (celles d’il y a deux ans).',
    'Qu’une aide au logement n’est pas déjà versée, à la personne ou au bailleur.',
  ],
  aspa: [
    'L’âge et les pensions de retraite perçues, de base et complémentaires.',
    'Les autres ressources et le patrimoine du foyer.',
    'La résidence stable et régulière en France.',
  ],
};

/** The generic checks, whatever the benefit. */
export const toCheckAlways: readonly string[] = [
  'Que la personne est bien celle du cas : le partenaire qui l’a ré-identifiée vous l’a confirmé.',
  'Ce qu’elle en pense : un cas est une présomption, la personne reste libre de ne rien demander.',
];

/** A count of items in a list, with its noun. */
export const formatTotal = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count > 1 ? many : one}`;
