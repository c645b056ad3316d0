// ASPA, minimum vieillesse (CSS L815-1 and following): annual resource ceilings, which are also the
// maximum allowance, and the minimum age.

import { frV1ReviewedOn, type LegalReference, type ParameterDefinition } from './parameter.ts';

const cnav2023: LegalReference = {
  title: 'Circulaire Cnav 2023/3 du 9 janvier 2023',
  href: 'https://legislation.lassuranceretraite.fr/Pdf/circulaire_cnav_2023_03_09012023.pdf',
};
const cnav2024: LegalReference = {
  title: 'Circulaire Cnav 2023-34 du 29 décembre 2023',
  href: 'https://legislation.lassuranceretraite.fr/Pdf/circulaire_cnav_2023_34_29122023.pdf',
};
const cnav2025: LegalReference = {
  title: 'Circulaire Cnav 2024-39 du 23 décembre 2024',
  href: 'https://legislation.lassuranceretraite.fr/Pdf/circulaire_cnav_2024_39_23122024.pdf',
};
const cnav2026: LegalReference = {
  title: 'Circulaire Cnav 2025-29 du 22 décembre 2025',
  href: 'https://legislation.lassuranceretraite.fr/Pdf/circulaire_cnav_2025_29_22122025.pdf',
};

export const aspaParameters = {
  'aspa.ceiling.single': {
    label: 'ASPA : plafond annuel de ressources, personne seule',
    unit: 'eur_per_year',
    values: [
      { from: '2023-01-01', value: 11533.02, reference: cnav2023 },
      { from: '2024-01-01', value: 12144.27, reference: cnav2024 },
      { from: '2025-01-01', value: 12411.44, reference: cnav2025 },
      { from: '2026-01-01', value: 12523.14, reference: cnav2026 },
    ],
  },
  'aspa.ceiling.couple': {
    label: 'ASPA : plafond annuel de ressources, couple',
    unit: 'eur_per_year',
    values: [
      { from: '2023-01-01', value: 17905.06, reference: cnav2023 },
      { from: '2024-01-01', value: 18854.02, reference: cnav2024 },
      { from: '2025-01-01', value: 19268.8, reference: cnav2025 },
      { from: '2026-01-01', value: 19442.21, reference: cnav2026 },
    ],
  },
  'aspa.age_min': {
    label: 'ASPA : âge minimum (hors inaptitude)',
    unit: 'years',
    values: [
      {
        from: '2002-01-01',
        value: 65,
        reference: {
          title: 'Article R815-1 du code de la sécurité sociale',
          href: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000047633276',
        },
      },
    ],
    reviewedOn: frV1ReviewedOn,
  },
} satisfies Record<string, ParameterDefinition>;
