// Gross hourly SMIC: it sets the PPA bonus thresholds (59 and 120/138 hours of SMIC).

import type { ParameterDefinition } from './parameter.ts';

export const smicParameters = {
  'smic.hourly_gross': {
    label: 'SMIC horaire brut',
    unit: 'eur_per_hour',
    values: [
      {
        from: '2023-01-01',
        value: 11.27,
        reference: {
          title: 'Décret n° 2022-1608 du 22 décembre 2022',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046780043',
        },
      },
      {
        from: '2023-05-01',
        value: 11.52,
        reference: {
          title: 'Arrêté du 26 avril 2023 relatif au relèvement du salaire minimum de croissance',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047495817',
        },
      },
      {
        from: '2024-01-01',
        value: 11.65,
        reference: {
          title: 'Décret du 20 décembre 2023 portant relèvement du salaire minimum de croissance',
          href: 'https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000048604684',
        },
      },
      {
        from: '2024-11-01',
        value: 11.88,
        reference: {
          title: 'Décret n° 2024-951 du 23 octobre 2024',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000050392683',
        },
      },
      {
        from: '2026-01-01',
        value: 12.02,
        reference: {
          title:
            'Décret n° 2025-1228 du 17 décembre 2025 portant relèvement du salaire minimum de croissance',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053042520',
        },
      },
      {
        from: '2026-06-01',
        value: 12.31,
        reference: {
          title: 'Arrêté du 22 mai 2026 relatif au relèvement du salaire minimum de croissance',
          href: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000054126589',
        },
      },
    ],
  },
} satisfies Record<string, ParameterDefinition>;
