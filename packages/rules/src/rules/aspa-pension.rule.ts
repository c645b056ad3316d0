// ASPA.PENSION: a retiree of 65 or more without ASPA whose resources fall under the ASPA ceiling.
// ASPA is differential: ceiling / 12 − monthly resources (the pension alone for a single person,
// household resources for a couple).

import { euros, roundCents } from '../money.ts';
import { ageAt } from '../months.ts';
import type { Retiree } from '../profile.schema.ts';
import { retireeInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { limits, presumption } from './wording.ts';

const meta = {
  id: 'ASPA.PENSION',
  version: '1.0.0',
  benefit: 'aspa',
  confidence: 'medium',
} as const satisfies RuleMeta;

/** carsat: its `couple` column; msa: household_adults = 2. Null when the row does not say. */
function isCouple(retiree: Retiree): boolean | null {
  if (retiree.source.kind === 'carsat') return retiree.couple;
  return retiree.household_adults === null ? null : retiree.household_adults === 2;
}

export const aspaPensionRule: RuleFor<'retiree'> = {
  ...meta,
  target: 'retiree',
  apply(retiree, params) {
    if (retiree.aspa !== false) return null;
    const age = ageAt(retiree.birth_ym, params.asOf);
    if (age < params.value('aspa.age_min')) return null;
    const couple = isCouple(retiree);
    if (couple === null) return null;
    // A single person is tested on the pension; a couple on the household's resources.
    const monthly = couple ? retiree.household_resources : retiree.pension;
    if (monthly === null) return null;
    const ceiling = params.value(couple ? 'aspa.ceiling.couple' : 'aspa.ceiling.single');
    const annual = roundCents(12 * monthly);
    if (annual >= ceiling) return null;
    const aspa = roundCents(ceiling / 12 - monthly);

    return resultOf(meta, params, {
      subject: { type: 'person', person_pseudo: retiree.person_pseudo },
      amount: aspa,
      inputs: [
        retireeInput(retiree, 'aspa'),
        retireeInput(retiree, 'birth_ym'),
        retireeInput(retiree, retiree.source.kind === 'carsat' ? 'couple' : 'household_adults'),
        retireeInput(retiree, couple ? 'household_resources' : 'pension'),
      ],
      computation: [
        { name: 'age', value: age },
        { name: 'annual_resources', value: annual },
        { name: 'aspa', value: aspa },
      ],
      explanation:
        `Personne de ${age} ans sans ASPA (extrait ${retiree.source.kind.toUpperCase()} de ` +
        `${retiree.source.reference_month}), ${couple ? 'en couple' : 'seule'} : ` +
        `${couple ? 'ressources du foyer' : 'pension'} de ${euros(monthly)} par mois, soit ${euros(annual)} ` +
        `par an, sous le plafond de ${euros(ceiling)}. ASPA estimée à ${euros(aspa)} par mois ` +
        `(plafond / 12 − ressources). ${presumption} ${limits.aspa}`,
    });
  },
};
