// The French words of the console: roles, kinds, statuses, benefits, the API's error codes, and the
// formats of dates, numbers and amounts (fr-FR, Europe/Paris).
import type { MemberRole } from '@nonrecours/db';

export const roleLabels: Record<MemberRole, string> = {
  partner: 'Organisme partenaire',
  territory: 'Équipe territoriale',
  dpo: 'Délégué à la protection des données',
};

export const kindLabels: Record<string, string> = {
  caf: 'CAF',
  cpam: 'CPAM',
  msa: 'MSA',
  carsat: 'CARSAT',
  landlord: 'Bailleur social',
};

export const extractStatusLabels: Record<string, string> = {
  receiving: 'En réception',
  accepted: 'Acceptée',
  rejected: 'Refusée',
  failed: 'Interrompue',
  withdrawn: 'Retirée',
  purged: 'Purgée',
};

export const conventionStatusLabels: Record<string, string> = {
  draft: 'Brouillon',
  active: 'Active',
  suspended: 'Suspendue',
  ended: 'Terminée',
};

export const runStatusLabels: Record<string, string> = {
  queued: 'En attente',
  running: 'En cours',
  succeeded: 'Terminée',
  failed: 'Échouée',
  cancelled: 'Annulée',
};

export const stageLabels: Record<string, string> = {
  select: 'Sélection des extractions',
  link: 'Rapprochement des personnes',
  evaluate: 'Application des règles',
  finalise: 'Publication des cas',
};

export const stageStatusLabels: Record<string, string> = {
  pending: 'à venir',
  running: 'en cours',
  done: 'terminée',
  failed: 'échouée',
  cancelled: 'annulée',
};

export const benefitLabels: Record<string, string> = {
  rsa: 'RSA',
  ppa: 'Prime d’activité',
  c2s: 'Complémentaire santé solidaire',
  aspa: 'ASPA (minimum vieillesse)',
  housing_aid: 'Aide au logement (APL)',
};

export const confidenceLabels: Record<string, string> = {
  high: 'Forte',
  medium: 'Moyenne',
  low: 'Faible',
};

/** The follow-up outcomes of a case (packages/core stats), in the order of the follow-up. */
export const outcomeLabels: Record<string, string> = {
  to_contact: 'À contacter',
  contacted: 'Personne contactée',
  unreachable: 'Personne injoignable',
  rights_opened: 'Droit ouvert',
  already_covered: 'Déjà couvert',
  not_eligible: 'Non éligible',
  refused: 'Refus de la personne',
};

export const label = (labels: Record<string, string>, code: string | null | undefined) =>
  code === null || code === undefined ? '—' : (labels[code] ?? code);

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
  rate_limited: 'Trop de tentatives : patientez une minute avant de recommencer.',
  issuer_unavailable: 'Le service d’authentification ne répond pas ; réessayez dans quelques instants.',
};

/** A French message for an API error code; the API's own wording stays in the page's details. */
export const apiErrorMessage = (code: string) =>
  apiErrors[code] ?? `La demande a été refusée (code « ${code} »).`;

const paris = 'Europe/Paris';
const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: paris,
});
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: paris });
const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export const formatDateTime = (v: string | Date | null | undefined) =>
  v ? dateTime.format(new Date(v)) : '—';
export const formatDate = (v: string | Date | null | undefined) => (v ? dateOnly.format(new Date(v)) : '—');
/** "2026-10" → "octobre 2026". */
export const formatMonth = (v: string | null | undefined) =>
  v ? monthYear.format(new Date(`${v.slice(0, 7)}-01`)) : '—';
export const formatEuros = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : euros.format(v);
export const formatCount = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : integer.format(v);
/** A published count: suppressed below the threshold (statistical secrecy). */
export const SUPPRESSED = 'secret (moins de 5)';

export const formatShare = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : percent.format(v);

/** "il y a 3 jours": how old a date is, for the freshness of extracts. */
export function formatAge(v: string | Date, now = Date.now()): string {
  const days = Math.floor((now - new Date(v).getTime()) / 86_400_000);
  if (days <= 0) return 'aujourd’hui';
  if (days === 1) return 'hier';
  return `il y a ${integer.format(days)} jours`;
}

export const rowErrorLabels: Record<string, string> = {
  required: 'valeur obligatoire manquante',
  invalid_month: 'mois invalide (AAAA-MM attendu)',
  invalid_amount: 'montant invalide',
  invalid_boolean: 'valeur oui/non invalide',
  invalid_integer: 'nombre entier invalide',
  below_minimum: 'valeur sous le minimum',
  invalid_enum: 'valeur hors de la liste attendue',
  invalid_commune: 'code commune INSEE invalide',
  wrong_field_count: 'nombre de champs incorrect',
};

export const formatBytes = (v: number | null | undefined) => {
  if (v === null || v === undefined) return '—';
  const units = ['o', 'Ko', 'Mo', 'Go'];
  let value = v;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
};

export const auditOutcomeLabels: Record<string, string> = {
  success: 'Réussi',
  denied: 'Refusé',
  failed: 'Échec',
};

export const chainBreakLabels: Record<string, string> = {
  hash_mismatch: 'le contenu de l’événement ne correspond plus à son empreinte (événement modifié)',
  link_mismatch: 'l’événement ne se rattache plus au précédent (événement inséré ou supprimé)',
  sequence_gap: 'il manque des événements dans la séquence',
  missing_checkpoint: 'un point de contrôle signé a disparu',
  unknown_key: 'un point de contrôle est signé d’une clé inconnue',
  bad_signature: 'la signature d’un point de contrôle est invalide',
  altered_row: 'un point de contrôle a été modifié',
  missing_event: 'l’événement scellé par un point de contrôle a disparu (fin du journal coupée ?)',
  head_mismatch:
    'la tête du journal ne désigne plus son dernier événement (fin du journal coupée ou réécrite)',
  no_checkpoint: 'des événements de plus de deux périodes n’ont aucun point de contrôle',
  checkpoint_overdue:
    'le dernier point de contrôle a plus de deux périodes alors que des événements l’ont suivi',
};

export const partnerKindLabels: Record<string, string> = {
  ...kindLabels,
  territory: 'Équipe territoriale',
  operator: 'Opérateur',
  other: 'Autre',
};

export const yesNo = (v: boolean) => (v ? 'oui' : 'non');

export const subjectKindLabels: Record<string, string> = {
  person: 'Personne',
  household: 'Foyer',
  tenancy: 'Ménage locataire',
};

export const variantLabels: Record<string, string> = {
  free: 'sans participation',
  participation: 'avec participation',
};

export const linkLabels: Record<string, string> = {
  own_row: 'ligne de la personne',
  household_pseudo: 'même foyer',
  person_pseudo: 'rapprochement exact (NIR)',
  identity_pseudo: 'rapprochement exact (identité)',
  identity_clk: 'rapprochement approché (identité)',
};

/** The button that records an outcome: what the agent did or learnt. */
export const outcomeActions: Record<string, string> = {
  contacted: 'Personne contactée',
  unreachable: 'Personne injoignable',
  rights_opened: 'Droit ouvert',
  already_covered: 'Déjà couverte',
  not_eligible: 'Non éligible',
  refused: 'Refus de la personne',
};

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 });

/** A legal parameter's value with its unit. */
export function formatParameter(value: number, unit: string): string {
  switch (unit) {
    case 'eur_per_month':
      return `${formatEuros(value)} par mois`;
    case 'eur_per_year':
      return `${formatEuros(value)} par an`;
    case 'eur_per_hour':
      return `${formatEuros(value)} de l’heure`;
    case 'rate':
      return `${decimal.format(value * 100)} %`;
    case 'smic_hours':
      return `${decimal.format(value)} heures au SMIC`;
    case 'years':
      return `${decimal.format(value)} ans`;
    default:
      return decimal.format(value);
  }
}

/** An input value as read in an extract. */
export const formatInput = (v: string | number | boolean | null) =>
  v === null ? '—' : v === true ? 'oui' : v === false ? 'non' : typeof v === 'number' ? decimal.format(v) : v;
