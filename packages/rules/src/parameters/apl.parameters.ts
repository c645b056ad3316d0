// Housing aid for tenants, APL / AL "locatif" (CCH L821-1 and following, D823-1 and following;
// design: APL.md), and the réduction de loyer de solidarité (RLS, CCH L442-2-1) that a conventionné
// dwelling's APL is cut by: the values in force from January 2021 on (the first supported as_of is
// 2023-08; the 2021 values serve OpenFisca's tests of the 2021 reform), encoded
// from OpenFisca-France (a7038ee4) with the texts it cites. Mainland France only: overseas departments
// have their own R0, TF and charges and no RLS.
//
// The rent ceilings, the charges allowance and P0 are revalued each 1 October; the 2026 revaluation is
// not in our sources, so from 2026-10 the 2025 values are kept, with a warning.

import type { DatedValue, LegalReference, ParameterDefinition, ParameterUnit } from './parameter.ts';

const ref1: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 7',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000042378448/2021-01-02',
};
const ref2: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 7',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000044137432/2021-10-01/#LEGIARTI000044137432',
};
const ref3: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 7',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206217/2022-07-01',
};
const ref4: LegalReference = {
  title: 'Arrêté du 22/09/2023, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048107807',
};
const ref5: LegalReference = {
  title: 'Arrêté du 27/09/2024, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000050278404',
};
const ref6: LegalReference = {
  title:
    "Arrêté du 05/09/2025 relatif au calcul des aides personnelles au logement et de l'aide à l'accession sociale et à la sortie de l'insalubrité spécifique à l'outre-mer",
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000052212770',
};
const ref7: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 9',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000042378438/2020-10-01',
};
const ref8: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 9',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206205/2021-10-01/',
};
const ref9: LegalReference = {
  title: 'Arrêté du 27/09/2019, article 9',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206205/2022-07-01',
};
const ref10: LegalReference = {
  title: 'Arrêté du 27/09/2024, art. 1, 3°',
  href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000050278404',
};
const ref11: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 16',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000042378438/2020-10-01',
};
const ref12: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 16',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206205/2021-10-01/',
};
const ref13: LegalReference = {
  title: 'Arrêté du 27/09/2019, article 16, 2°',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206205/2022-07-01',
};
const ref14: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 13',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000042378442/2020-10-01/#LEGIARTI000042378442',
};
const ref15: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 13',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000042378442',
};
const ref16: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 13',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206225/2022-07-01',
};
const ref17: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 13',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000050286634/2024-09-29',
};
const ref18: LegalReference = {
  title: 'Arrêté du 03/01/2020, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000039772259',
};
const ref19: LegalReference = {
  title: 'Arrêté du 20/12/2021, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000044572819',
};
const ref20: LegalReference = {
  title: 'Arrêté du 26/12/2022, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046829580',
};
const ref21: LegalReference = {
  title:
    "Arrêté du 15/12/2023 relatif au calcul des aides personnelles au logement pour l'année 2024, art. 1",
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048621292',
};
const ref22: LegalReference = {
  title: 'Arrêté du 28/12/2025, art. 1',
  href: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000053202812/',
};
const ref23: LegalReference = {
  title: 'Décret n° 2020-6 du 3 janvier 2020, art. 1',
  href: 'https://www.legifrance.gouv.fr/eli/decret/2020/1/3/LOGL1934005D/jo/texte',
};
const ref24: LegalReference = {
  title: 'Arrêté du 27/09/2019, article 14, 1°',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046206208/2022-07-01/#LEGIARTI000046206208',
};
const ref25: LegalReference = {
  title: 'Arrêté du 27/09/2019, article 14, 2°',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000050286630',
};
const ref26: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 11',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000039160747/2024-09-29',
};
const ref27: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 12',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000039160749',
};
const ref28: LegalReference = {
  title: 'Arrêté du 27/09/2019, art. 10',
  href: 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000039160745',
};
const ref29: LegalReference = {
  title: 'Arrêté du 17/12/2020, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042709416',
};
const ref30: LegalReference = {
  title: 'Arrêté du 17/09/2021, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000044138120',
};
const ref31: LegalReference = {
  title: 'Arrêté du 20/12/2021, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000044560604',
};
const ref32: LegalReference = {
  title: 'Arrêté du 27/09/2022, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046349828',
};
const ref33: LegalReference = {
  title: 'Arrêté du 30/12/2022, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046848188',
};
const ref34: LegalReference = {
  title: 'Arrêté du 21/09/2023, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048100093',
};
const ref35: LegalReference = {
  title:
    'Arrêté du 29/12/2023 relatif à la revalorisation des plafonds de ressources et des montants de réduction de loyer de solidarité applicables, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048729702',
};
const ref36: LegalReference = {
  title:
    'Arrêté du 21/05/2025 relatif à la revalorisation des plafonds de ressources et des montants de réduction de loyer de solidarité, article 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000051657925',
};
const ref37: LegalReference = {
  title:
    "Arrêté du 22 mai 2026 modifiant l'arrêté du 27 février 2018 relatif à la réduction de loyer de solidarité",
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000054132213',
};
const ref38: LegalReference = {
  title: 'Arrêté du 27/12/2018, art. 1',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037880880',
};
const ref39: LegalReference = {
  title:
    "Arrêté du 23/12/2025 relatif à la revalorisation des plafonds de ressources et des montants de réduction de loyer de solidarité applicables modifiant l'arrêté du 27 février 2018 relatif à la réduction de loyer de solidarité",
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053175260',
};
const ref40: LegalReference = {
  title: "Article L832-3 du Code de la construction et de l'habitation",
  href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038814872',
};
const ref41: LegalReference = {
  title: 'Article 1600-0 J du Code général des impôts',
  href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006306523',
};

const octoberRevaluation = {
  date: '2026-10-01',
  note: 'revalorisation du 1er octobre 2026 non connue : les valeurs du 1er octobre 2025 sont conservées.',
} as const;

function dated(
  label: string,
  unit: ParameterUnit,
  values: readonly (readonly [from: string, value: number, reference: LegalReference])[],
  extra: Pick<ParameterDefinition, 'reviewedOn' | 'pending'> = {},
): ParameterDefinition {
  return {
    label,
    unit,
    values: values.map(([from, value, reference]): DatedValue => ({ from, value, reference })),
    ...extra,
  };
}

export const aplParameters = {
  'apl.rent_ceiling.zone_1.single': dated(
    'APL : loyer plafond, zone 1, personne seule',
    'eur_per_month',
    [
      ['2020-10-01', 296.82, ref1],
      ['2021-10-01', 298.07, ref2],
      ['2022-07-01', 308.5, ref3],
      ['2023-10-01', 319.3, ref4],
      ['2024-10-01', 329.71, ref5],
      ['2025-10-01', 333.14, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_1.couple': dated(
    'APL : loyer plafond, zone 1, couple sans personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 357.99, ref1],
      ['2021-10-01', 359.49, ref2],
      ['2022-07-01', 372.07, ref3],
      ['2023-10-01', 385.09, ref4],
      ['2024-10-01', 397.64, ref5],
      ['2025-10-01', 401.78, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_1.one_dependant': dated(
    'APL : loyer plafond, zone 1, une personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 404.6, ref1],
      ['2021-10-01', 406.3, ref2],
      ['2022-07-01', 420.52, ref3],
      ['2023-10-01', 435.24, ref4],
      ['2024-10-01', 449.43, ref5],
      ['2025-10-01', 454.1, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_1.per_extra_dependant': dated(
    'APL : loyer plafond, zone 1, par personne à charge supplémentaire',
    'eur_per_month',
    [
      ['2020-10-01', 58.7, ref1],
      ['2021-10-01', 58.95, ref2],
      ['2022-07-01', 61.01, ref3],
      ['2023-10-01', 63.15, ref4],
      ['2024-10-01', 65.21, ref5],
      ['2025-10-01', 65.89, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_2.single': dated(
    'APL : loyer plafond, zone 2, personne seule',
    'eur_per_month',
    [
      ['2020-10-01', 258.69, ref1],
      ['2021-10-01', 259.78, ref2],
      ['2022-07-01', 268.87, ref3],
      ['2023-10-01', 278.28, ref4],
      ['2024-10-01', 287.35, ref5],
      ['2025-10-01', 290.34, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_2.couple': dated(
    'APL : loyer plafond, zone 2, couple sans personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 316.64, ref1],
      ['2021-10-01', 317.97, ref2],
      ['2022-07-01', 329.1, ref3],
      ['2023-10-01', 340.62, ref4],
      ['2024-10-01', 351.72, ref5],
      ['2025-10-01', 355.38, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_2.one_dependant': dated(
    'APL : loyer plafond, zone 2, une personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 356.3, ref1],
      ['2021-10-01', 357.8, ref2],
      ['2022-07-01', 370.32, ref3],
      ['2023-10-01', 383.28, ref4],
      ['2024-10-01', 395.77, ref5],
      ['2025-10-01', 399.89, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_2.per_extra_dependant': dated(
    'APL : loyer plafond, zone 2, par personne à charge supplémentaire',
    'eur_per_month',
    [
      ['2020-10-01', 51.86, ref1],
      ['2021-10-01', 52.08, ref2],
      ['2022-07-01', 53.9, ref3],
      ['2023-10-01', 55.79, ref4],
      ['2024-10-01', 57.61, ref5],
      ['2025-10-01', 58.21, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_3.single': dated(
    'APL : loyer plafond, zone 3, personne seule',
    'eur_per_month',
    [
      ['2020-10-01', 242.46, ref1],
      ['2021-10-01', 243.48, ref2],
      ['2022-07-01', 252, ref3],
      ['2023-10-01', 260.82, ref4],
      ['2024-10-01', 269.32, ref5],
      ['2025-10-01', 272.12, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_3.couple': dated(
    'APL : loyer plafond, zone 3, couple sans personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 293.92, ref1],
      ['2021-10-01', 295.15, ref2],
      ['2022-07-01', 305.48, ref3],
      ['2023-10-01', 316.17, ref4],
      ['2024-10-01', 326.48, ref5],
      ['2025-10-01', 329.88, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_3.one_dependant': dated(
    'APL : loyer plafond, zone 3, une personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 329.56, ref1],
      ['2021-10-01', 330.94, ref2],
      ['2022-07-01', 342.52, ref3],
      ['2023-10-01', 354.51, ref4],
      ['2024-10-01', 366.07, ref5],
      ['2025-10-01', 369.88, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.rent_ceiling.zone_3.per_extra_dependant': dated(
    'APL : loyer plafond, zone 3, par personne à charge supplémentaire',
    'eur_per_month',
    [
      ['2020-10-01', 47.23, ref1],
      ['2021-10-01', 47.43, ref2],
      ['2022-07-01', 49.09, ref3],
      ['2023-10-01', 50.81, ref4],
      ['2024-10-01', 52.47, ref5],
      ['2025-10-01', 53.01, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.charges.base': dated(
    'APL : forfait charges, cas général',
    'eur_per_month',
    [
      ['2020-10-01', 53.99, ref7],
      ['2021-10-01', 54.22, ref8],
      ['2022-07-01', 56.12, ref9],
      ['2023-10-01', 58.08, ref4],
      ['2024-10-01', 59.97, ref10],
      ['2025-10-01', 60.59, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.charges.per_dependant': dated(
    'APL : forfait charges, majoration par personne à charge',
    'eur_per_month',
    [
      ['2020-10-01', 12.24, ref11],
      ['2021-10-01', 12.29, ref12],
      ['2022-07-01', 12.72, ref13],
      ['2023-10-01', 13.17, ref4],
      ['2024-10-01', 13.6, ref10],
      ['2025-10-01', 13.74, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.p0.minimum': dated(
    'APL : participation minimale forfaitaire (P0)',
    'eur_per_month',
    [
      ['2020-10-01', 35.24, ref14],
      ['2021-10-01', 35.39, ref15],
      ['2022-07-01', 36.63, ref16],
      ['2023-10-01', 37.91, ref4],
      ['2024-10-01', 39.15, ref17],
      ['2025-10-01', 39.56, ref6],
    ],
    { pending: octoberRevaluation },
  ),
  'apl.p0.rate': dated(
    'APL : taux de participation minimale, part de L + C (P0)',
    'rate',
    [['2001-01-01', 0.085, ref16]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.r0.single': dated(
    'APL : abattement forfaitaire R0, personne seule',
    'eur_per_year',
    [
      ['2020-01-01', 4588, ref18],
      ['2022-01-01', 4683, ref19],
      ['2022-07-01', 4870, ref19],
      ['2023-01-01', 4949, ref20],
      ['2024-01-01', 5186, ref21],
      ['2025-01-01', 5235, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.couple': dated(
    'APL : abattement forfaitaire R0, couple',
    'eur_per_year',
    [
      ['2020-01-01', 6572, ref23],
      ['2022-01-01', 6709.0, ref19],
      ['2022-07-01', 6977, ref19],
      ['2023-01-01', 7090, ref20],
      ['2024-01-01', 7430, ref21],
      ['2025-01-01', 7501, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.dependants_1': dated(
    'APL : abattement forfaitaire R0, 1 personne à charge',
    'eur_per_year',
    [
      ['2020-01-01', 7839, ref23],
      ['2022-01-01', 8002.0, ref19],
      ['2022-07-01', 8322, ref19],
      ['2023-01-01', 8456, ref20],
      ['2024-01-01', 8862, ref21],
      ['2025-01-01', 8947, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.dependants_2': dated(
    'APL : abattement forfaitaire R0, 2 personnes à charge',
    'eur_per_year',
    [
      ['2020-01-01', 8015, ref23],
      ['2022-01-01', 8182.0, ref19],
      ['2022-07-01', 8509, ref19],
      ['2023-01-01', 8646, ref20],
      ['2024-01-01', 9061, ref21],
      ['2025-01-01', 9148, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.dependants_3': dated(
    'APL : abattement forfaitaire R0, 3 personnes à charge',
    'eur_per_year',
    [
      ['2020-01-01', 8322, ref23],
      ['2022-01-01', 8495.0, ref19],
      ['2022-07-01', 8834, ref19],
      ['2023-01-01', 8977, ref20],
      ['2024-01-01', 9408, ref21],
      ['2025-01-01', 9498, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.dependants_4': dated(
    'APL : abattement forfaitaire R0, 4 personnes à charge',
    'eur_per_year',
    [
      ['2020-01-01', 8631, ref23],
      ['2022-01-01', 8811.0, ref19],
      ['2022-07-01', 9163, ref19],
      ['2023-01-01', 9311, ref20],
      ['2024-01-01', 9758, ref21],
      ['2025-01-01', 9851, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.dependants_5': dated(
    'APL : abattement forfaitaire R0, 5 personnes à charge',
    'eur_per_year',
    [
      ['2020-01-01', 8938, ref23],
      ['2022-01-01', 9124.0, ref19],
      ['2022-07-01', 9488, ref19],
      ['2023-01-01', 9642, ref20],
      ['2024-01-01', 10105, ref21],
      ['2025-01-01', 10202, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.dependants_6': dated(
    'APL : abattement forfaitaire R0, 6 personnes à charge',
    'eur_per_year',
    [
      ['2020-01-01', 9246, ref23],
      ['2022-01-01', 9439.0, ref19],
      ['2022-07-01', 9816, ref19],
      ['2023-01-01', 9975, ref20],
      ['2024-01-01', 10454, ref21],
      ['2025-01-01', 10554, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.r0.per_extra_dependant': dated(
    'APL : abattement forfaitaire R0, par personne à charge au-delà de 6',
    'eur_per_year',
    [
      ['2020-01-01', 305, ref23],
      ['2022-01-01', 311.0, ref19],
      ['2022-07-01', 323, ref19],
      ['2023-01-01', 328, ref20],
      ['2024-01-01', 343, ref21],
      ['2025-01-01', 346, ref22],
    ],
    { reviewedOn: '2026-01-06' },
  ),
  'apl.tf.single': dated('APL : taux TF, personne seule', 'rate', [['2007-07-01', 0.0283, ref24]], {
    reviewedOn: '2026-01-01',
  }),
  'apl.tf.couple': dated(
    'APL : taux TF, couple sans personne à charge',
    'rate',
    [['2007-07-01', 0.0315, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tf.dependants_1': dated('APL : taux TF, 1 personne à charge', 'rate', [['2007-07-01', 0.027, ref24]], {
    reviewedOn: '2026-01-01',
  }),
  'apl.tf.dependants_2': dated(
    'APL : taux TF, 2 personnes à charge',
    'rate',
    [['2007-07-01', 0.0238, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tf.dependants_3': dated(
    'APL : taux TF, 3 personnes à charge',
    'rate',
    [['2007-07-01', 0.0201, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tf.dependants_4': dated(
    'APL : taux TF, 4 personnes à charge',
    'rate',
    [['2007-07-01', 0.0185, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tf.dependants_5': dated(
    'APL : taux TF, 5 personnes à charge',
    'rate',
    [['2007-07-01', 0.0179, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tf.dependants_6': dated(
    'APL : taux TF, 6 personnes à charge',
    'rate',
    [['2007-07-01', 0.0173, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tf.per_extra_dependant': dated(
    'APL : taux TF, par personne à charge au-delà de 6',
    'rate',
    [['2007-07-01', -0.0006, ref24]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tl.threshold_1': dated(
    'APL : taux TL, premier seuil du rapport RL',
    'rate',
    [['2001-01-01', 0.45, ref25]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tl.threshold_2': dated(
    'APL : taux TL, second seuil du rapport RL',
    'rate',
    [['2001-01-01', 0.75, ref25]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.tl.rate_1': dated('APL : taux TL sous le premier seuil', 'rate', [['2001-01-01', 0, ref25]], {
    reviewedOn: '2026-01-01',
  }),
  'apl.tl.rate_2': dated('APL : taux TL entre les deux seuils', 'rate', [['2007-07-01', 0.0045, ref25]], {
    reviewedOn: '2026-01-01',
  }),
  'apl.tl.rate_3': dated('APL : taux TL au-delà du second seuil', 'rate', [['2007-07-01', 0.0068, ref25]], {
    reviewedOn: '2026-01-01',
  }),
  'apl.minoration': dated('APL : minoration forfaitaire', 'eur_per_month', [['2017-10-01', 5, ref26]], {
    reviewedOn: '2026-01-01',
  }),
  'apl.payment_threshold.apl': dated(
    'APL : seuil de versement (logement conventionné)',
    'eur_per_month',
    [['2018-03-01', 0, ref27]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.payment_threshold.al': dated(
    'AL : seuil de versement (logement non conventionné)',
    'eur_per_month',
    [['2017-10-01', 10, ref27]],
    { reviewedOn: '2026-01-01' },
  ),
  'apl.degressivity.zone_1': dated(
    'APL : coefficient de dégressivité du loyer, zone 1',
    'rate',
    [['2016-07-01', 3.4, ref28]],
    { reviewedOn: '2026-03-24' },
  ),
  'apl.suppression.zone_1': dated(
    'APL : coefficient de suppression du loyer, zone 1',
    'rate',
    [['2016-07-01', 4, ref28]],
    { reviewedOn: '2026-03-24' },
  ),
  'apl.degressivity.zone_2': dated(
    'APL : coefficient de dégressivité du loyer, zone 2',
    'rate',
    [['2016-07-01', 2.5, ref28]],
    { reviewedOn: '2026-03-24' },
  ),
  'apl.suppression.zone_2': dated(
    'APL : coefficient de suppression du loyer, zone 2',
    'rate',
    [['2016-07-01', 3.1, ref28]],
    { reviewedOn: '2026-03-24' },
  ),
  'apl.degressivity.zone_3': dated(
    'APL : coefficient de dégressivité du loyer, zone 3',
    'rate',
    [['2016-07-01', 2.5, ref28]],
    { reviewedOn: '2026-03-24' },
  ),
  'apl.suppression.zone_3': dated(
    'APL : coefficient de suppression du loyer, zone 3',
    'rate',
    [['2016-07-01', 3.1, ref28]],
    { reviewedOn: '2026-03-24' },
  ),
  'rls.amount.zone_1.single': dated('RLS : montant mensuel, zone 1, personne seule', 'eur_per_month', [
    ['2021-01-01', 46.47, ref29],
    ['2021-10-01', 52.24, ref30],
    ['2022-01-01', 50.95, ref31],
    ['2022-10-01', 48.77, ref32],
    ['2023-01-01', 52.16, ref33],
    ['2023-10-01', 54.51, ref34],
    ['2024-01-01', 55.2, ref35],
    ['2025-06-01', 39.69, ref36],
    ['2026-06-01', 35.99, ref37],
  ]),
  'rls.amount.zone_1.couple': dated(
    'RLS : montant mensuel, zone 1, couple sans personne à charge',
    'eur_per_month',
    [
      ['2021-01-01', 56.05, ref29],
      ['2021-10-01', 63.29, ref30],
      ['2022-01-01', 61.53, ref31],
      ['2022-10-01', 58.9, ref32],
      ['2023-01-01', 63, ref33],
      ['2023-10-01', 66.05, ref34],
      ['2024-01-01', 66.73, ref35],
      ['2025-06-01', 47.98, ref36],
      ['2026-06-01', 43.51, ref37],
    ],
  ),
  'rls.amount.zone_1.one_dependant': dated(
    'RLS : montant mensuel, zone 1, une personne à charge',
    'eur_per_month',
    [
      ['2021-01-01', 63.33, ref29],
      ['2021-10-01', 71.33, ref30],
      ['2022-01-01', 69.48, ref31],
      ['2022-10-01', 66.51, ref32],
      ['2023-01-01', 71.14, ref33],
      ['2023-10-01', 74.43, ref34],
      ['2024-01-01', 75.31, ref35],
      ['2025-06-01', 54.14, ref36],
      ['2026-06-01', 49.09, ref37],
    ],
  ),
  'rls.amount.zone_1.per_extra_dependant': dated(
    'RLS : montant mensuel, zone 1, par personne à charge supplémentaire',
    'eur_per_month',
    [
      ['2021-01-01', 9.18, ref29],
      ['2021-10-01', 10.05, ref30],
      ['2022-01-01', 10.0, ref31],
      ['2022-10-01', 9.57, ref32],
      ['2023-01-01', 10.24, ref33],
      ['2023-10-01', 10.48, ref34],
      ['2024-01-01', 10.78, ref35],
      ['2025-06-01', 7.75, ref36],
      ['2026-06-01', 7.03, ref37],
    ],
  ),
  'rls.amount.zone_2.single': dated('RLS : montant mensuel, zone 2, personne seule', 'eur_per_month', [
    ['2021-01-01', 40.51, ref29],
    ['2021-10-01', 46.21, ref30],
    ['2022-01-01', 44.6, ref31],
    ['2022-10-01', 42.7, ref32],
    ['2023-01-01', 45.66, ref33],
    ['2023-10-01', 48.22, ref34],
    ['2024-01-01', 48.45, ref35],
    ['2025-06-01', 34.83, ref36],
    ['2026-06-01', 31.58, ref37],
  ]),
  'rls.amount.zone_2.couple': dated(
    'RLS : montant mensuel, zone 2, couple sans personne à charge',
    'eur_per_month',
    [
      ['2021-01-01', 49.57, ref29],
      ['2021-10-01', 56.26, ref30],
      ['2022-01-01', 54.49, ref31],
      ['2022-10-01', 52.16, ref32],
      ['2023-01-01', 55.79, ref33],
      ['2023-10-01', 58.71, ref34],
      ['2024-01-01', 59.15, ref35],
      ['2025-06-01', 42.53, ref36],
      ['2026-06-01', 38.56, ref37],
    ],
  ),
  'rls.amount.zone_2.one_dependant': dated(
    'RLS : montant mensuel, zone 2, une personne à charge',
    'eur_per_month',
    [
      ['2021-01-01', 55.77, ref29],
      ['2021-10-01', 62.29, ref30],
      ['2022-01-01', 61.04, ref31],
      ['2022-10-01', 58.43, ref32],
      ['2023-01-01', 62.5, ref33],
      ['2023-10-01', 65.0, ref34],
      ['2024-01-01', 66.06, ref35],
      ['2025-06-01', 47.49, ref36],
      ['2026-06-01', 43.06, ref37],
    ],
  ),
  'rls.amount.zone_2.per_extra_dependant': dated(
    'RLS : montant mensuel, zone 2, par personne à charge supplémentaire',
    'eur_per_month',
    [
      ['2021-01-01', 8.12, ref29],
      ['2021-10-01', 9.04, ref30],
      ['2022-01-01', 8.88, ref31],
      ['2022-10-01', 8.5, ref32],
      ['2023-01-01', 9.09, ref33],
      ['2023-10-01', 9.44, ref34],
      ['2024-01-01', 9.6, ref35],
      ['2025-06-01', 6.9, ref36],
      ['2026-06-01', 6.26, ref37],
    ],
  ),
  'rls.amount.zone_3.single': dated('RLS : montant mensuel, zone 3, personne seule', 'eur_per_month', [
    ['2021-01-01', 37.96, ref29],
    ['2021-10-01', 43.2, ref30],
    ['2022-01-01', 41.76, ref31],
    ['2022-10-01', 39.98, ref32],
    ['2023-01-01', 42.76, ref33],
    ['2023-10-01', 45.08, ref34],
    ['2024-01-01', 45.36, ref35],
    ['2025-06-01', 32.61, ref36],
    ['2026-06-01', 29.57, ref37],
  ]),
  'rls.amount.zone_3.couple': dated(
    'RLS : montant mensuel, zone 3, couple sans personne à charge',
    'eur_per_month',
    [
      ['2021-01-01', 46.01, ref29],
      ['2021-10-01', 52.24, ref30],
      ['2022-01-01', 50.59, ref31],
      ['2022-10-01', 48.43, ref32],
      ['2023-01-01', 51.8, ref33],
      ['2023-10-01', 54.51, ref34],
      ['2024-01-01', 54.92, ref35],
      ['2025-06-01', 39.48, ref36],
      ['2026-06-01', 35.8, ref37],
    ],
  ),
  'rls.amount.zone_3.one_dependant': dated(
    'RLS : montant mensuel, zone 3, une personne à charge',
    'eur_per_month',
    [
      ['2021-01-01', 51.59, ref29],
      ['2021-10-01', 58.27, ref30],
      ['2022-01-01', 56.64, ref31],
      ['2022-10-01', 54.22, ref32],
      ['2023-01-01', 57.99, ref33],
      ['2023-10-01', 60.8, ref34],
      ['2024-01-01', 61.42, ref35],
      ['2025-06-01', 44.16, ref36],
      ['2026-06-01', 40.04, ref37],
    ],
  ),
  'rls.amount.zone_3.per_extra_dependant': dated(
    'RLS : montant mensuel, zone 3, par personne à charge supplémentaire',
    'eur_per_month',
    [
      ['2021-01-01', 7.39, ref29],
      ['2021-10-01', 8.04, ref30],
      ['2022-01-01', 8.03, ref31],
      ['2022-10-01', 7.69, ref32],
      ['2023-01-01', 8.22, ref33],
      ['2023-10-01', 8.39, ref34],
      ['2024-01-01', 8.65, ref35],
      ['2025-06-01', 6.22, ref36],
      ['2026-06-01', 5.64, ref37],
    ],
  ),
  'rls.ceiling.zone_1.single': dated(
    'RLS : plafond mensuel de ressources, zone 1, personne seule',
    'eur_per_month',
    [
      ['2019-01-01', 915, ref38],
      ['2024-01-01', 959, ref35],
      ['2026-01-01', 970, ref39],
    ],
  ),
  'rls.ceiling.zone_1.couple': dated(
    'RLS : plafond mensuel de ressources, zone 1, couple sans personne à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1102, ref38],
      ['2024-01-01', 1155, ref35],
      ['2026-01-01', 1168, ref39],
    ],
  ),
  'rls.ceiling.zone_1.dependants_1': dated(
    'RLS : plafond mensuel de ressources, zone 1, 1 personne à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1403, ref38],
      ['2024-01-01', 1470, ref35],
      ['2026-01-01', 1486, ref39],
    ],
  ),
  'rls.ceiling.zone_1.dependants_2': dated(
    'RLS : plafond mensuel de ressources, zone 1, 2 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1669, ref38],
      ['2024-01-01', 1749, ref35],
      ['2026-01-01', 1768, ref39],
    ],
  ),
  'rls.ceiling.zone_1.dependants_3': dated(
    'RLS : plafond mensuel de ressources, zone 1, 3 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2043, ref38],
      ['2024-01-01', 2141, ref35],
      ['2026-01-01', 2165, ref39],
    ],
  ),
  'rls.ceiling.zone_1.dependants_4': dated(
    'RLS : plafond mensuel de ressources, zone 1, 4 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2357, ref38],
      ['2024-01-01', 2470, ref35],
      ['2026-01-01', 2497, ref39],
    ],
  ),
  'rls.ceiling.zone_1.dependants_5': dated(
    'RLS : plafond mensuel de ressources, zone 1, 5 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2624, ref38],
      ['2024-01-01', 2750, ref35],
      ['2026-01-01', 2781, ref39],
    ],
  ),
  'rls.ceiling.zone_1.dependants_6': dated(
    'RLS : plafond mensuel de ressources, zone 1, 6 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2905, ref38],
      ['2024-01-01', 3045, ref35],
      ['2026-01-01', 3079, ref39],
    ],
  ),
  'rls.ceiling.zone_1.per_extra_dependant': dated(
    'RLS : plafond mensuel de ressources, zone 1, par personne à charge au-delà de 6',
    'eur_per_month',
    [
      ['2019-01-01', 283, ref38],
      ['2024-01-01', 297, ref35],
      ['2026-01-01', 300, ref39],
    ],
  ),
  'rls.ceiling.zone_2.single': dated(
    'RLS : plafond mensuel de ressources, zone 2, personne seule',
    'eur_per_month',
    [
      ['2019-01-01', 854, ref38],
      ['2024-01-01', 895, ref35],
      ['2026-01-01', 905, ref39],
    ],
  ),
  'rls.ceiling.zone_2.couple': dated(
    'RLS : plafond mensuel de ressources, zone 2, couple sans personne à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1042, ref38],
      ['2024-01-01', 1092, ref35],
      ['2026-01-01', 1104, ref39],
    ],
  ),
  'rls.ceiling.zone_2.dependants_1': dated(
    'RLS : plafond mensuel de ressources, zone 2, 1 personne à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1329, ref38],
      ['2024-01-01', 1393, ref35],
      ['2026-01-01', 1408, ref39],
    ],
  ),
  'rls.ceiling.zone_2.dependants_2': dated(
    'RLS : plafond mensuel de ressources, zone 2, 2 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1583, ref38],
      ['2024-01-01', 1659, ref35],
      ['2026-01-01', 1677, ref39],
    ],
  ),
  'rls.ceiling.zone_2.dependants_3': dated(
    'RLS : plafond mensuel de ressources, zone 2, 3 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1943, ref38],
      ['2024-01-01', 2036, ref35],
      ['2026-01-01', 2059, ref39],
    ],
  ),
  'rls.ceiling.zone_2.dependants_4': dated(
    'RLS : plafond mensuel de ressources, zone 2, 4 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2243, ref38],
      ['2024-01-01', 2351, ref35],
      ['2026-01-01', 2377, ref39],
    ],
  ),
  'rls.ceiling.zone_2.dependants_5': dated(
    'RLS : plafond mensuel de ressources, zone 2, 5 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2497, ref38],
      ['2024-01-01', 2617, ref35],
      ['2026-01-01', 2646, ref39],
    ],
  ),
  'rls.ceiling.zone_2.dependants_6': dated(
    'RLS : plafond mensuel de ressources, zone 2, 6 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2764, ref38],
      ['2024-01-01', 2897, ref35],
      ['2026-01-01', 2929, ref39],
    ],
  ),
  'rls.ceiling.zone_2.per_extra_dependant': dated(
    'RLS : plafond mensuel de ressources, zone 2, par personne à charge au-delà de 6',
    'eur_per_month',
    [
      ['2019-01-01', 266, ref38],
      ['2024-01-01', 279, ref35],
      ['2026-01-01', 282, ref39],
    ],
  ),
  'rls.ceiling.zone_3.single': dated(
    'RLS : plafond mensuel de ressources, zone 3, personne seule',
    'eur_per_month',
    [
      ['2019-01-01', 828, ref38],
      ['2024-01-01', 868, ref35],
      ['2026-01-01', 878, ref39],
    ],
  ),
  'rls.ceiling.zone_3.couple': dated(
    'RLS : plafond mensuel de ressources, zone 3, couple sans personne à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1008, ref38],
      ['2024-01-01', 1056, ref35],
      ['2026-01-01', 1068, ref39],
    ],
  ),
  'rls.ceiling.zone_3.dependants_1': dated(
    'RLS : plafond mensuel de ressources, zone 3, 1 personne à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1289, ref38],
      ['2024-01-01', 1351, ref35],
      ['2026-01-01', 1366, ref39],
    ],
  ),
  'rls.ceiling.zone_3.dependants_2': dated(
    'RLS : plafond mensuel de ressources, zone 3, 2 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1536, ref38],
      ['2024-01-01', 1610, ref35],
      ['2026-01-01', 1628, ref39],
    ],
  ),
  'rls.ceiling.zone_3.dependants_3': dated(
    'RLS : plafond mensuel de ressources, zone 3, 3 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 1877, ref38],
      ['2024-01-01', 1967, ref35],
      ['2026-01-01', 1989, ref39],
    ],
  ),
  'rls.ceiling.zone_3.dependants_4': dated(
    'RLS : plafond mensuel de ressources, zone 3, 4 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2169, ref38],
      ['2024-01-01', 2273, ref35],
      ['2026-01-01', 2298, ref39],
    ],
  ),
  'rls.ceiling.zone_3.dependants_5': dated(
    'RLS : plafond mensuel de ressources, zone 3, 5 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2411, ref38],
      ['2024-01-01', 2527, ref35],
      ['2026-01-01', 2555, ref39],
    ],
  ),
  'rls.ceiling.zone_3.dependants_6': dated(
    'RLS : plafond mensuel de ressources, zone 3, 6 personnes à charge',
    'eur_per_month',
    [
      ['2019-01-01', 2671, ref38],
      ['2024-01-01', 2799, ref35],
      ['2026-01-01', 2830, ref39],
    ],
  ),
  'rls.ceiling.zone_3.per_extra_dependant': dated(
    'RLS : plafond mensuel de ressources, zone 3, par personne à charge au-delà de 6',
    'eur_per_month',
    [
      ['2019-01-01', 247, ref38],
      ['2024-01-01', 259, ref35],
      ['2026-01-01', 262, ref39],
    ],
  ),
  'rls.apl_fraction': dated(
    'RLS : part de la RLS retranchée de l’APL',
    'rate',
    [['2018-01-01', 0.98, ref40]],
    { reviewedOn: '2026-01-13' },
  ),
  'crds.rate': dated('CRDS : taux', 'rate', [['1996-02-01', 0.005, ref41]], { reviewedOn: '2026-03-27' }),
} satisfies Record<string, ParameterDefinition>;
