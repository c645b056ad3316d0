// Complémentaire santé solidaire (CSS L861-1 and following): annual resource ceilings by household
// size (official tables, stored as published: deriving them from the one-person ceiling is off by up
// to 1 €), the overseas increase and the housing forfait added to resources.

import { frV1ReviewedOn, type LegalReference, type ParameterDefinition } from './parameter.ts';

const ceiling2023: LegalReference = {
  title: 'Arrêté du 30 mars 2023 (plafond de ressources au 1er avril 2023) ; art. R861-3 et L861-1 CSS',
  href: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000047387932',
};

const ceiling2024: LegalReference = {
  title:
    'Arrêté du 26 mars 2024, art. 1 (plafond de ressources au 1er avril 2024) ; art. R861-3 et L861-1 CSS',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049339291',
};

const ceiling2025: LegalReference = {
  title:
    'Arrêté publié au JORF du 29 mars 2025 (plafond de ressources au 1er avril 2025), barème officiel ' +
    'reproduit par les Éditions Francis Lefebvre',
  href: 'https://efl.fr/chiffres-taux/complementaire-sante-solidaire-conditions-ressources_CT_7129ce118f6c6dd185e1e33e846b593435cbcf61',
};

const c2sCeilingPending = {
  date: '2026-04-01',
  note: 'Plafonds de la C2S au 1er avril 2026 non encore connus : les plafonds du 1er avril 2025 restent appliqués.',
};

/** One ceiling of the official table, by year of revaluation (2023, 2024, 2025). */
function ceiling(
  label: string,
  [of2023, of2024, of2025]: readonly [number, number, number],
): ParameterDefinition {
  return {
    label,
    unit: 'eur_per_year',
    values: [
      { from: '2023-04-01', value: of2023, reference: ceiling2023 },
      { from: '2024-04-01', value: of2024, reference: ceiling2024 },
      { from: '2025-04-01', value: of2025, reference: ceiling2025 },
    ],
    pending: c2sCeilingPending,
  };
}

const withAid: LegalReference = {
  title: 'Article R861-7 du code de la sécurité sociale (foyers bénéficiant d’une aide au logement)',
  href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038929244',
};

const withoutAid: LegalReference = {
  title: 'Article R861-5 du code de la sécurité sociale (propriétaires et personnes logées gratuitement)',
  href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006753243',
};

function housingRate(label: string, value: number, reference: LegalReference): ParameterDefinition {
  return {
    label,
    unit: 'rate',
    values: [{ from: '2019-11-01', value, reference }],
    reviewedOn: frV1ReviewedOn,
  };
}

export const c2sParameters = {
  'c2s.ceiling.free.one_person': ceiling(
    'C2S sans participation : plafond annuel, 1 personne',
    [9719, 10166, 10339],
  ),
  'c2s.ceiling.free.two_persons': ceiling(
    'C2S sans participation : plafond annuel, 2 personnes',
    [14578, 15249, 15508],
  ),
  'c2s.ceiling.free.three_persons': ceiling(
    'C2S sans participation : plafond annuel, 3 personnes',
    [17494, 18299, 18609],
  ),
  'c2s.ceiling.free.four_persons': ceiling(
    'C2S sans participation : plafond annuel, 4 personnes',
    [20410, 21349, 21711],
  ),
  'c2s.ceiling.free.per_further_person': ceiling(
    'C2S sans participation : supplément par personne au-delà de 4',
    [3888, 4066, 4135],
  ),
  'c2s.ceiling.participation.one_person': ceiling(
    'C2S avec participation : plafond annuel, 1 personne',
    [13121, 13724, 13957],
  ),
  'c2s.ceiling.participation.two_persons': ceiling(
    'C2S avec participation : plafond annuel, 2 personnes',
    [19681, 20586, 20936],
  ),
  'c2s.ceiling.participation.three_persons': ceiling(
    'C2S avec participation : plafond annuel, 3 personnes',
    [23617, 24703, 25123],
  ),
  'c2s.ceiling.participation.four_persons': ceiling(
    'C2S avec participation : plafond annuel, 4 personnes',
    [27553, 28821, 29311],
  ),
  'c2s.ceiling.participation.per_further_person': ceiling(
    'C2S avec participation : supplément par personne au-delà de 4',
    [5248, 5490, 5583],
  ),
  'c2s.overseas_factor': {
    label: 'C2S : coefficient des plafonds dans les départements d’outre-mer (communes 97x)',
    unit: 'rate',
    values: [
      {
        from: '2000-01-01',
        value: 1.113,
        reference: {
          title:
            'Plafond majoré de 11,3 % dans les départements d’outre-mer (circulaire CNAM 33-2019, point 3)',
          href: 'https://circulaires.ameli.fr/circulaire/cir-332019',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
  'c2s.housing_forfait.with_aid.one_person': housingRate(
    'C2S : forfait logement avec aide au logement, 1 personne (× montant RSA 1 personne)',
    0.12,
    withAid,
  ),
  'c2s.housing_forfait.with_aid.two_persons': housingRate(
    'C2S : forfait logement avec aide au logement, 2 personnes (× montant RSA 2 personnes)',
    0.16,
    withAid,
  ),
  'c2s.housing_forfait.with_aid.three_persons_or_more': housingRate(
    'C2S : forfait logement avec aide au logement, 3 personnes ou plus (× montant RSA 3 personnes)',
    0.165,
    withAid,
  ),
  'c2s.housing_forfait.without_aid.one_person': housingRate(
    'C2S : forfait logement sans aide au logement, 1 personne (× montant RSA 1 personne)',
    0.12,
    withoutAid,
  ),
  'c2s.housing_forfait.without_aid.two_persons': housingRate(
    'C2S : forfait logement sans aide au logement, 2 personnes (× montant RSA 2 personnes)',
    0.14,
    withoutAid,
  ),
  'c2s.housing_forfait.without_aid.three_persons_or_more': housingRate(
    'C2S : forfait logement sans aide au logement, 3 personnes ou plus (× montant RSA 3 personnes)',
    0.14,
    withoutAid,
  ),
} satisfies Record<string, ParameterDefinition>;
