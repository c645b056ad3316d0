// Prime d'activité (CSS L841-1 and following, D843-1 to D843-3): base amount, slope, individual
// bonus, composition rates, isolated-parent increase, forfait logement, minimum payment and age.

import { frV1ReviewedOn, type LegalReference, type ParameterDefinition } from './parameter.ts';

const decret20151710: LegalReference = {
  title: 'Décret n° 2015-1710 du 21 décembre 2015, art. 2 (art. D843-1 du code de la sécurité sociale)',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000031665094',
};

const d8432Since2015: LegalReference = {
  title: 'Décret n° 2015-1710 du 21 décembre 2015, art. 2 (art. D843-2 du code de la sécurité sociale)',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000031665094',
};

const decret20181197: LegalReference = {
  title: 'Décret n° 2018-1197 du 21 décembre 2018 (art. D843-2 du code de la sécurité sociale)',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037846000',
};

const decret2026222art1: LegalReference = {
  title: 'Décret n° 2026-222 du 30 mars 2026, art. 1 (art. D843-2 du code de la sécurité sociale)',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053733855',
};

const r8443: LegalReference = {
  title: 'Article R844-3 du code de la sécurité sociale',
  href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048841687',
};

export const ppaParameters = {
  'ppa.base': {
    label: 'Montant forfaitaire de la prime d’activité, une personne',
    unit: 'eur_per_month',
    values: [
      {
        from: '2023-04-01',
        value: 595.25,
        reference: {
          title: 'Décret n° 2023-343 du 4 mai 2023, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000047521600',
        },
      },
      {
        from: '2024-04-01',
        value: 622.63,
        reference: {
          title: 'Décret n° 2024-403 du 1er mai 2024, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000049490767',
        },
      },
      {
        from: '2025-04-01',
        value: 633.21,
        reference: {
          title: 'Décret n° 2025-294 du 29 mars 2025, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000051393100',
        },
      },
      {
        from: '2026-04-01',
        value: 638.28,
        reference: {
          title: 'Décret n° 2026-222 du 30 mars 2026, art. 2',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053733855',
        },
      },
    ],
  },
  'ppa.slope': {
    label: 'Prime d’activité : part des revenus d’activité retenue (pente)',
    unit: 'rate',
    values: [
      {
        from: '2018-08-01',
        value: 0.61,
        reference: {
          title: 'Décret n° 2018-836 du 3 octobre 2018, art. 2 (art. D843-3 du code de la sécurité sociale)',
          href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000037460547',
        },
      },
      {
        from: '2025-04-01',
        value: 0.5985,
        reference: {
          title:
            'Article D843-3 du code de la sécurité sociale, rédaction au 1er avril 2025 (JORF du 30 mars 2025)',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000051393074',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.bonus.max_rate': {
    label: 'Prime d’activité : bonification individuelle maximale (× base, arrondie au centime)',
    unit: 'rate',
    values: [
      { from: '2018-10-01', value: 0.29101, reference: decret20181197 },
      { from: '2026-04-01', value: 0.377, reference: decret2026222art1 },
    ],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.bonus.lower_threshold': {
    label: 'Prime d’activité : revenus d’activité en deçà desquels la bonification est nulle',
    unit: 'smic_hours',
    values: [{ from: '2016-01-01', value: 59, reference: d8432Since2015 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.bonus.upper_threshold': {
    label: 'Prime d’activité : revenus d’activité à partir desquels la bonification est maximale',
    unit: 'smic_hours',
    values: [
      { from: '2018-10-01', value: 120, reference: decret20181197 },
      { from: '2026-04-01', value: 138, reference: decret2026222art1 },
    ],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.composition.second_person': {
    label: 'Prime d’activité : majoration pour la deuxième personne du foyer (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.5, reference: decret20151710 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.composition.third_fourth_person': {
    label: 'Prime d’activité : majoration par personne suivante jusqu’au deuxième enfant (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.3, reference: decret20151710 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.composition.further_child': {
    label: 'Prime d’activité : majoration par enfant à partir du troisième (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.4, reference: decret20151710 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.isolation.first': {
    label: 'Prime d’activité majorée (parent isolé ou grossesse) : taux de base (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 1.28412, reference: decret20151710 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.isolation.per_child': {
    label: 'Prime d’activité majorée : supplément par enfant à charge (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.42804, reference: decret20151710 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.housing_forfait.one_person': {
    label: 'Prime d’activité : forfait logement, foyer d’une personne (× montant 1 personne)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.12, reference: r8443 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.housing_forfait.two_persons': {
    label: 'Prime d’activité : forfait logement, foyer de deux personnes (× montant 2 personnes)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.16, reference: r8443 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.housing_forfait.three_persons_or_more': {
    label: 'Prime d’activité : forfait logement, foyer de trois personnes ou plus (× montant 3 personnes)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.165, reference: r8443 }],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.minimum_payment': {
    label: 'Prime d’activité : montant minimum versé',
    unit: 'eur_per_month',
    values: [
      {
        from: '2016-01-01',
        value: 15,
        reference: {
          title:
            'Décret n° 2015-1710 du 21 décembre 2015, art. 2 (art. D843-1 du code de la sécurité sociale)',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000031665094',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
  'ppa.age_min': {
    label: 'Prime d’activité : âge minimum',
    unit: 'years',
    values: [
      {
        from: '2016-01-01',
        value: 18,
        reference: {
          title: 'Article L842-2 du code de la sécurité sociale (loi n° 2015-994 du 17 août 2015, art. 57)',
          href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031087615',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
} satisfies Record<string, ParameterDefinition>;
