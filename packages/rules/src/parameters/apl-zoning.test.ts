import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { communeZone, zoningMap } from './apl-zoning.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const csv = path.resolve(
  repoRoot,
  '..',
  'shared',
  'openfisca',
  'openfisca_france',
  'assets',
  'apl',
  '20110914_zonage.csv',
);

describe('housing-aid zoning', () => {
  it('gives the zone of a listed commune, 1bis as zone 1, and zone 2 to an unlisted one', () => {
    expect(communeZone('35238')).toEqual({ zone: 2, listed: '2' }); // Rennes
    expect(communeZone('75056')).toEqual({ zone: 1, listed: '1bis' }); // Paris
    expect(communeZone('01001')).toEqual({ zone: 3, listed: '3' });
    expect(communeZone('2A004')).toEqual({ zone: 2, listed: '2' }); // Ajaccio
    expect(communeZone('35999')).toEqual({ zone: 2, listed: null });
  });

  it.skipIf(!existsSync(csv))('holds every commune of OpenFisca-France’s zoning file, and no other', () => {
    const [, ...lines] = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    const expected = new Map(
      lines.map((line) => {
        const fields = line.split(',');
        return [fields[0]!, fields.at(-1)!.trim()];
      }),
    );
    expect(expected.size).toBe(36_681);
    expect(new Map(zoningMap())).toEqual(expected);
  });
});
