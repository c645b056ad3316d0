// An extract's refusal told to the person who uploaded it: which column, which line, and the likely
// cause with what to do, from the API's code and details (names and positions, never a value).
import { clearIdentityColumns } from '@nonrecours/pseudo';
import { apiErrorMessage, formatCount } from './wording.ts';

export interface RefusalInput {
  code: string;
  details?: Record<string, unknown> | undefined;
}

const PSEUDONYMISE_FIRST =
  'ce fichier contient des données en clair, pseudonymisez-le d’abord avec nonrecours pseudonymise';

/** Column names of a clear file: a partner's own, or the usual French ones. */
const clearNames = new Set<string>([
  ...clearIdentityColumns,
  'nom',
  'prenom',
  'prenoms',
  'nom_naissance',
  'nom_usage',
  'nom_de_famille',
  'date_naissance',
  'date_de_naissance',
  'nss',
  'numero_secu',
  'numero_securite_sociale',
  'adresse',
  'email',
  'courriel',
  'mail',
  'telephone',
  'tel',
  'portable',
  'name',
  'first_name',
  'last_name',
  'surname',
  'address',
  'phone',
]);

const quoted = (name: string) => `« ${name} »`;

function columnsOf(details: RefusalInput['details']): { position?: number; name?: string }[] {
  const columns = details?.columns;
  if (!Array.isArray(columns)) return [];
  return columns.map((c) =>
    typeof c === 'string' ? { name: c } : (c as { position?: number; name?: string }),
  );
}

function lineOf(details: RefusalInput['details']): { line?: number; column?: string } {
  const line = typeof details?.line === 'number' ? details.line : undefined;
  const column = typeof details?.column === 'string' ? details.column : undefined;
  return { ...(line ? { line } : {}), ...(column ? { column } : {}) };
}

const where = ({ line, column }: { line?: number; column?: string }) =>
  [
    line === undefined ? null : line === 1 ? 'ligne 1 (en-tête)' : `ligne ${formatCount(line)}`,
    column ? `colonne ${quoted(column)}` : null,
  ]
    .filter(Boolean)
    .join(', ');

function unexpected(c: { position?: number; name?: string }, kind: string | undefined): string {
  const at = c.position ? ` (${c.position === 1 ? '1re' : `${formatCount(c.position)}e`} colonne)` : '';
  if (!c.name)
    return `colonne inattendue${at} : son nom n’a pas la forme d’un nom de colonne ; la première ligne du fichier est-elle bien l’en-tête ?`;
  if (clearNames.has(c.name)) return `colonne inattendue ${quoted(c.name)}${at} : ${PSEUDONYMISE_FIRST}`;
  return `colonne inattendue ${quoted(c.name)}${at} : une extraction ${kind ?? 'de ce type'} n’a pas cette colonne ; vérifiez le type d’extraction choisi, ou retirez la colonne avant de pseudonymiser`;
}

/** Sentences that say what was refused, where, and what to do. */
export function explainRefusal(refusal: RefusalInput, kind?: string): string[] {
  const { code, details } = refusal;
  const at = where(lineOf(details));
  const prefix = (text: string) => (at ? `${at[0]!.toUpperCase()}${at.slice(1)} : ${text}` : text);
  switch (code) {
    case 'unexpected_column': {
      const columns = columnsOf(details);
      if (columns.length === 0) break;
      return columns.map((c) => {
        const text = unexpected(c, kind);
        return `${text[0]!.toUpperCase()}${text.slice(1)}${text.endsWith('?') ? '' : '.'}`;
      });
    }
    case 'missing_column': {
      const names = columnsOf(details).flatMap((c) => (c.name ? [c.name] : []));
      if (names.length === 0) break;
      return [
        `${names.length > 1 ? 'Colonnes obligatoires manquantes' : 'Colonne obligatoire manquante'} : ${names.map(quoted).join(', ')}. Le fichier a-t-il été produit par nonrecours pseudonymise pour ce type d’extraction ?`,
      ];
    }
    case 'duplicate_column': {
      const names = columnsOf(details).flatMap((c) => (c.name ? [c.name] : []));
      if (names.length === 0) break;
      return [
        `${names.length > 1 ? 'Colonnes présentes deux fois' : 'Colonne présente deux fois'} : ${names.map(quoted).join(', ')}. Gardez-en une seule.`,
      ];
    }
    case 'clear_identifier_suspected':
      return [
        prefix(
          `une valeur ressemble à un identifiant en clair (NIR, adresse électronique, numéro de téléphone ou nom) : ${PSEUDONYMISE_FIRST}. Rien de ce fichier n’a été conservé.`,
        ),
      ];
    case 'invalid_encoding':
      return [
        prefix(
          'le fichier n’est pas en UTF-8. Une extraction produite par nonrecours pseudonymise l’est toujours : déposez ce fichier-là, pas le fichier d’origine (enregistré par un tableur en Windows-1252).',
        ),
      ];
    case 'too_many_row_errors': {
      const rows = typeof details?.rows === 'number' ? details.rows : null;
      const errors = typeof details?.error_count === 'number' ? details.error_count : null;
      if (rows === null || errors === null) break;
      return [
        `${formatCount(errors)} lignes sur ${formatCount(rows)} sont en erreur, plus que la convention n’en admet : l’extraction est refusée. Les lignes en erreur, avec leur colonne, sont listées ci-dessous.`,
      ];
    }
  }
  const message = apiErrorMessage(code);
  return [at ? prefix(`${message[0]!.toLowerCase()}${message.slice(1)}`) : message];
}
