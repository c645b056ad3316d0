// The toolkit's language: French unless --lang en or a locale starting with en; the two catalogues
// have the same messages (their type says so), and --json/--lang are taken wherever they are.
import { afterEach, describe, expect, it } from 'vitest';
import {
  jsonOutput,
  language,
  languageOfEnvironment,
  messages,
  setLanguage,
  takeGlobalOptions,
} from './language.ts';

afterEach(() => setLanguage('fr'));

describe('the toolkit language', () => {
  it('is French by default, English from a locale starting with en, LC_ALL first', () => {
    expect(languageOfEnvironment({})).toBe('fr');
    expect(languageOfEnvironment({ LANG: 'C.UTF-8' })).toBe('fr');
    expect(languageOfEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(languageOfEnvironment({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageOfEnvironment({ LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(languageOfEnvironment({ LC_ALL: '', LC_MESSAGES: 'en_US', LANG: 'fr_FR' })).toBe('en');
  });

  it('takes --lang and --json out of the arguments, but not after --', () => {
    expect(
      takeGlobalOptions(['upload', '--lang', 'en', '--in', 'x.csv', '--json'], { LANG: 'fr_FR' }),
    ).toEqual({
      argv: ['upload', '--in', 'x.csv'],
    });
    expect(language()).toBe('en');
    expect(jsonOutput()).toBe(true);
    expect(takeGlobalOptions(['--lang=fr', 'keys'], { LANG: 'en_US' })).toEqual({ argv: ['keys'] });
    expect(language()).toBe('fr');
    expect(jsonOutput()).toBe(false);
    expect(takeGlobalOptions(['oppositions', 'add', '--', '--json'], {})).toEqual({
      argv: ['oppositions', 'add', '--', '--json'],
    });
    expect(jsonOutput()).toBe(false);
    expect(takeGlobalOptions(['--lang', 'de'], {})).toEqual({ invalid: 'de' });
  });

  it('speaks French with French typography, and English', () => {
    setLanguage('fr');
    expect(messages().pseudonymise.written(3, 'x.csv', 'caf.v1', 'abc')).toBe(
      '3 lignes écrites dans x.csv (schéma caf.v1, valeur de contrôle de la clé abc)',
    );
    expect(messages().pseudonymise.written(1, 'x.csv', 'caf.v1', 'abc')).toMatch(/^1 ligne écrite /);
    expect(messages().rowCode('date_dd_mm_yyyy')).toBe(
      'date au format JJ/MM/AAAA (Excel) : attendu AAAA-MM-JJ',
    );
    setLanguage('en');
    expect(messages().pseudonymise.written(3, 'x.csv', 'caf.v1', 'abc')).toBe(
      '3 rows written to x.csv (schema caf.v1, key check value abc)',
    );
  });
});
