// The refusals of an upload as the console tells them: column, line, likely cause and what to do.
import { describe, expect, it } from 'vitest';
import { explainRefusal } from './refusal-explained.ts';

describe('a refusal explained', () => {
  it('says that a clear column means the file was not pseudonymised, and names the other columns', () => {
    const lines = explainRefusal(
      {
        code: 'unexpected_column',
        details: {
          columns: [{ position: 1, name: 'nom' }, { position: 4, name: 'montant' }, { position: 7 }],
        },
      },
      'CAF',
    );
    expect(lines).toEqual([
      'Colonne inattendue « nom » (1re colonne) : ce fichier contient des données en clair, pseudonymisez-le d’abord avec nonrecours pseudonymise.',
      'Colonne inattendue « montant » (4e colonne) : une extraction CAF n’a pas cette colonne ; vérifiez le type d’extraction choisi, ou retirez la colonne avant de pseudonymiser.',
      'Colonne inattendue (7e colonne) : son nom n’a pas la forme d’un nom de colonne ; la première ligne du fichier est-elle bien l’en-tête ?',
    ]);
  });

  it('names missing and repeated columns', () => {
    expect(explainRefusal({ code: 'missing_column', details: { columns: ['person_pseudo'] } })[0]).toBe(
      'Colonne obligatoire manquante : « person_pseudo ». Le fichier a-t-il été produit par nonrecours pseudonymise pour ce type d’extraction ?',
    );
    expect(explainRefusal({ code: 'duplicate_column', details: { columns: ['commune', 'role'] } })[0]).toBe(
      'Colonnes présentes deux fois : « commune », « role ». Gardez-en une seule.',
    );
  });

  it('puts the line and column in front of a refusal found in the rows', () => {
    expect(
      explainRefusal({
        code: 'clear_identifier_suspected',
        details: { line: 12, column: 'household_pseudo' },
      })[0],
    ).toMatch(/^Ligne 12, colonne « household_pseudo » : une valeur ressemble à un identifiant en clair/);
    expect(explainRefusal({ code: 'malformed_csv', details: { line: 3, column: null } })[0]).toBe(
      'Ligne 3 : le fichier n’est pas un CSV bien formé.',
    );
    expect(
      explainRefusal({ code: 'too_many_row_errors', details: { rows: 1200, error_count: 130 } })[0],
    ).toBe(
      `130 lignes sur ${new Intl.NumberFormat('fr-FR').format(1200)} sont en erreur, plus que la convention n’en admet : l’extraction est refusée. Les lignes en erreur, avec leur colonne, sont listées ci-dessous.`,
    );
  });

  it('falls back to the code’s message without details', () => {
    expect(explainRefusal({ code: 'key_check_mismatch' })[0]).toMatch(
      /^La clé choisie n’est pas celle de la convention/,
    );
  });
});
