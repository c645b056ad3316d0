// The communes of the synthetic territory: Rennes, its first ring and a few rural communes of
// Ille-et-Vilaine, plus Saint-Denis de La Réunion so that the overseas C2S factor is exercised.
// Weights follow the orders of magnitude of the populations; the shares of farming households and
// of social housing are rough local colour, not statistics.

import type { Zone } from './housing-aid.ts';
import { weighted } from './prng.ts';

export type Commune = {
  code: string;
  name: string;
  /** Share of households under the agricultural scheme (MSA). */
  agricultural: number;
  /** Multiplier of the social-housing share. */
  socialHousing: number;
  overseas: boolean;
  /** Housing-aid zone (arrêté du 17 mars 1978, zoning of 2011); null overseas, outside APL.LANDLORD. */
  aplZone: Zone | null;
};

const urban = (code: string, name: string, aplZone: Zone, social = 0.8): Commune => ({
  code,
  name,
  agricultural: 0.02,
  socialHousing: social,
  overseas: false,
  aplZone,
});
const rural = (code: string, name: string, aplZone: Zone): Commune => ({
  code,
  name,
  agricultural: 0.22,
  socialHousing: 0.5,
  overseas: false,
  aplZone,
});

export const communes: readonly (readonly [Commune, number])[] = [
  [{ ...urban('35238', 'Rennes', 2, 1.3), agricultural: 0.003 }, 40],
  [urban('35051', 'Cesson-Sévigné', 2), 4],
  [urban('35281', 'Saint-Jacques-de-la-Lande', 2, 1.1), 3],
  [urban('35047', 'Bruz', 2), 4],
  [urban('35024', 'Betton', 3), 2.5],
  [urban('35055', 'Chantepie', 2), 2],
  [urban('35210', 'Pacé', 3), 2.5],
  [urban('35240', 'Le Rheu', 3), 2],
  [urban('35278', 'Saint-Grégoire', 2), 2],
  [urban('35334', 'Thorigné-Fouillard', 3), 2],
  [urban('35066', 'Chartres-de-Bretagne', 2), 1.5],
  [urban('35353', 'Vezin-le-Coquet', 2), 1],
  [urban('35001', 'Acigné', 3), 1.5],
  [urban('35196', 'Mordelles', 3), 1.5],
  [rural('35136', 'Janzé', 3), 2],
  [rural('35126', 'Guichen', 3), 2],
  [rural('35012', 'Bain-de-Bretagne', 3), 2],
  [rural('35184', 'Montauban-de-Bretagne', 3), 1.5],
  [
    {
      code: '97411',
      name: 'Saint-Denis (La Réunion)',
      agricultural: 0.02,
      socialHousing: 1,
      overseas: true,
      aplZone: null,
    },
    12,
  ],
];

export const communeCodes: readonly string[] = communes.map(([c]) => c.code);

const zones = new Map(communes.map(([c]) => [c.code, c.aplZone]));

/** A territory commune's housing-aid zone, null overseas. */
export const aplZoneOf = (code: string): Zone | null => zones.get(code) ?? null;

export const drawCommune = weighted(communes);

/** Birthplaces written into NIRs (INSEE codes: department and commune, or 99 and a country). */
export const birthplaces = {
  local: weighted([
    ['35238', 50],
    ['35288', 6],
    ['35047', 3],
    ['35051', 2],
    ['35115', 3],
    ['35236', 3],
  ]),
  metropolitan: weighted([
    ['75056', 8],
    ['29019', 6],
    ['22278', 5],
    ['56260', 5],
    ['44109', 6],
    ['69123', 3],
    ['13055', 3],
    ['59350', 2],
    ['49007', 3],
    ['53130', 2],
    ['2A004', 0.5],
    ['2B033', 0.5],
  ]),
  reunion: weighted([
    ['97411', 40],
    ['97415', 15],
    ['97416', 15],
    ['97407', 8],
    ['97422', 8],
  ]),
  abroad: weighted([
    ['99350', 5],
    ['99352', 5],
    ['99351', 3],
    ['99341', 3],
    ['99139', 4],
    ['99208', 2],
    ['99335', 2],
    ['99243', 2],
    ['99114', 2],
    ['99397', 2],
    ['99333', 2],
  ]),
};
