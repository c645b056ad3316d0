// RSA (CASF L262-1 and following): base amount, composition rates, isolated-parent increase,
// forfait logement, minimum payment and minimum age.

import { frV1ReviewedOn, type LegalReference, type ParameterDefinition } from './parameter.ts';

const decret2009404: LegalReference = {
  title:
    'Décret n° 2009-404 du 15 avril 2009, art. 2 (art. R262-1 du code de l’action sociale et des familles)',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000020521930',
};

const r2621Since2016: LegalReference = {
  title: 'Décret n° 2015-1710 du 21 décembre 2015, art. 2 (art. R262-1 CASF et D843-1 CSS)',
  href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000031665094',
};

const r2629: LegalReference = {
  title: 'Article R262-9 du code de l’action sociale et des familles (décret n° 2009-404 du 15 avril 2009)',
  href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000020526192',
};

export const rsaParameters = {
  'rsa.base': {
    label: 'Montant forfaitaire du RSA, une personne',
    unit: 'eur_per_month',
    values: [
      {
        from: '2023-04-01',
        value: 607.75,
        reference: {
          title: 'Décret n° 2023-340 du 4 mai 2023, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000047521567',
        },
      },
      {
        from: '2024-04-01',
        value: 635.71,
        reference: {
          title: 'Décret n° 2024-396 du 29 avril 2024, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000049486518',
        },
      },
      {
        from: '2025-04-01',
        value: 646.52,
        reference: {
          title: 'Décret n° 2025-293 du 29 mars 2025, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000051393086',
        },
      },
      {
        from: '2026-04-01',
        value: 651.69,
        reference: {
          title: 'Décret n° 2026-220 du 30 mars 2026, art. 1',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053733826',
        },
      },
    ],
  },
  'rsa.composition.second_person': {
    label: 'RSA : majoration pour la deuxième personne du foyer (× base)',
    unit: 'rate',
    values: [{ from: '2009-06-01', value: 0.5, reference: decret2009404 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.composition.third_fourth_person': {
    label: 'RSA : majoration par personne suivante jusqu’au deuxième enfant (× base)',
    unit: 'rate',
    values: [{ from: '2009-06-01', value: 0.3, reference: decret2009404 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.composition.further_child': {
    label: 'RSA : majoration par enfant à partir du troisième (× base)',
    unit: 'rate',
    values: [{ from: '2009-06-01', value: 0.4, reference: decret2009404 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.isolation.first': {
    label: 'RSA majoré (parent isolé ou grossesse) : taux de base (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 1.28412, reference: r2621Since2016 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.isolation.per_child': {
    label: 'RSA majoré : supplément par enfant à charge (× base)',
    unit: 'rate',
    values: [{ from: '2016-01-01', value: 0.42804, reference: r2621Since2016 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.housing_forfait.one_person': {
    label: 'RSA : forfait logement, foyer d’une personne (× montant 1 personne)',
    unit: 'rate',
    values: [{ from: '2009-06-01', value: 0.12, reference: r2629 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.housing_forfait.two_persons': {
    label: 'RSA : forfait logement, foyer de deux personnes (× montant 2 personnes)',
    unit: 'rate',
    values: [{ from: '2009-06-01', value: 0.16, reference: r2629 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.housing_forfait.three_persons_or_more': {
    label: 'RSA : forfait logement, foyer de trois personnes ou plus (× montant 3 personnes)',
    unit: 'rate',
    values: [{ from: '2009-06-01', value: 0.165, reference: r2629 }],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.minimum_payment': {
    label: 'RSA : montant minimum versé',
    unit: 'eur_per_month',
    values: [
      {
        from: '2009-06-01',
        value: 6,
        reference: {
          title: 'Article R262-39 du code de l’action sociale et des familles',
          href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000020526072',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
  'rsa.age_min': {
    label: 'RSA : âge minimum sans enfant à charge',
    unit: 'years',
    values: [
      {
        from: '2009-06-01',
        value: 25,
        reference: {
          title: 'Article L262-4 du code de l’action sociale et des familles',
          href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031087751',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
} satisfies Record<string, ParameterDefinition>;
