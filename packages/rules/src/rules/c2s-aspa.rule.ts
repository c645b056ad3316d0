// C2S.ASPA: an ASPA beneficiary whom a health extract shows without C2S. ASPA beneficiaries with no
// activity in the last three months are presumed eligible to C2S with participation (since April
// 2022); the extracts do not say whether there was such activity, and the explanation says so.

import { healthInput, retireeInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { extractOf, presumption } from './wording.ts';

const meta = {
  id: 'C2S.ASPA',
  version: '1.1.0',
  benefit: 'c2s',
  confidence: 'medium',
} as const satisfies RuleMeta;

export const c2sAspaRule: RuleFor<'retiree'> = {
  ...meta,
  target: 'retiree',
  apply(retiree, params) {
    const health = retiree.health;
    if (retiree.aspa !== true || health === null || health.c2s !== 'none') return null;
    return resultOf(meta, params, {
      subject: { type: 'person', person_pseudo: retiree.person_pseudo },
      variant: 'participation',
      amount: null,
      inputs: [retireeInput(retiree, 'aspa'), healthInput(retiree.person_pseudo, health)],
      computation: [],
      explanation:
        `La personne perçoit l’ASPA selon ${extractOf(retiree.source)} et n’a pas de complémentaire ` +
        `santé solidaire selon ${extractOf(health.source)}. Les bénéficiaires de ` +
        'l’ASPA sans activité au cours des trois derniers mois sont présumés éligibles à la C2S avec ' +
        'participation ; cette absence d’activité n’est pas vérifiée ici, les extraits ne la portant pas. ' +
        presumption,
    });
  },
};
