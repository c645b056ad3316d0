// ASPA.PENSION: a retiree of 65 or more without ASPA whose resources fall under the ASPA ceiling.
// ASPA is differential. A single person: single ceiling / 12 − pension. A couple (OpenFisca
// `asi_aspa`): the household's ASPA is D = couple ceiling / 12 − household resources; both partners
// eligible share it (D / 2 on each case), an only eligible partner gets at most the single amount.

import { euros, roundCents } from '../money.ts';
import { ageAt } from '../months.ts';
import type { ParamsAtDate } from '../parameters/lookup.ts';
import type { Retiree } from '../profile.schema.ts';
import { retireeInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { extractOf, limits, presumption } from './wording.ts';

const meta = {
  id: 'ASPA.PENSION',
  version: '1.1.0',
  benefit: 'aspa',
  confidence: 'medium',
} as const satisfies RuleMeta;

/** carsat: its `couple` column; msa: household_adults = 2. Null when the row does not say. */
function isCouple(retiree: Retiree): boolean | null {
  if (retiree.source.kind === 'carsat') return retiree.couple;
  return retiree.household_adults === null ? null : retiree.household_adults === 2;
}

/** How the couple's ASPA is carried by this person's case, and why. */
type CoupleShare =
  | { readonly kind: 'shared'; readonly partnerAge: number }
  | { readonly kind: 'partner_unknown' }
  | { readonly kind: 'only_eligible'; readonly partnerAge: number };

function coupleShare(retiree: Retiree, params: ParamsAtDate): CoupleShare {
  if (retiree.partner_birth_ym === null) return { kind: 'partner_unknown' };
  const partnerAge = ageAt(retiree.partner_birth_ym, params.asOf);
  return partnerAge >= params.value('aspa.age_min')
    ? { kind: 'shared', partnerAge }
    : { kind: 'only_eligible', partnerAge };
}

function describeShare(share: CoupleShare, household: number, single: number, aspa: number): string {
  const total = `ASPA du foyer ${euros(household)} par mois (plafond couple / 12 − ressources du foyer)`;
  switch (share.kind) {
    case 'shared':
      return (
        `${total} ; le conjoint, ${share.partnerAge} ans, y a droit aussi : elle est partagée par moitié, ` +
        `${euros(aspa)} pour cette personne (le dossier du conjoint porte l’autre moitié).`
      );
    case 'partner_unknown':
      return (
        `${total} ; l’âge du conjoint n’est pas connu de l’extrait : les deux conjoints sont supposés y avoir ` +
        `droit et ce dossier en porte la moitié, ${euros(aspa)} (jamais plus que le droit réel ; si le ` +
        `conjoint a moins de 65 ans, le droit de cette personne peut aller jusqu’à ${euros(Math.min(household, single))}).`
      );
    case 'only_eligible':
      return (
        `${total} ; le conjoint, ${share.partnerAge} ans, n’y a pas droit : cette personne perçoit l’ASPA du ` +
        `foyer dans la limite du montant d’une personne seule (${euros(single)}), soit ${euros(aspa)}.`
      );
  }
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
    const household = ceiling / 12 - monthly;
    const share = couple ? coupleShare(retiree, params) : null;
    const single = params.value('aspa.ceiling.single') / 12;
    const aspa = roundCents(
      share === null
        ? household
        : share.kind === 'only_eligible'
          ? Math.min(household, single)
          : household / 2,
    );
    const partnerLink = retiree.source.kind === 'msa' ? 'household_pseudo' : 'own_row';

    return resultOf(meta, params, {
      subject: { type: 'person', person_pseudo: retiree.person_pseudo },
      amount: aspa,
      inputs: [
        retireeInput(retiree, 'aspa'),
        retireeInput(retiree, 'birth_ym'),
        retireeInput(retiree, retiree.source.kind === 'carsat' ? 'couple' : 'household_adults'),
        retireeInput(retiree, couple ? 'household_resources' : 'pension'),
        ...(couple ? [retireeInput(retiree, 'partner_birth_ym', partnerLink)] : []),
      ],
      computation: [
        { name: 'age', value: age },
        { name: 'annual_resources', value: annual },
        ...(share === null
          ? []
          : [
              { name: 'household_aspa', value: roundCents(household) },
              ...(share.kind === 'partner_unknown' ? [] : [{ name: 'partner_age', value: share.partnerAge }]),
            ]),
        { name: 'aspa', value: aspa },
      ],
      explanation:
        `La personne a ${age} ans, vit ${couple ? 'en couple' : 'seule'} et ne perçoit pas l’ASPA selon ` +
        `${extractOf(retiree.source)} : ` +
        `${couple ? 'ressources du foyer' : 'pension'} de ${euros(monthly)} par mois, soit ${euros(annual)} ` +
        `par an, sous le plafond de ${euros(ceiling)}. ` +
        (share === null
          ? `ASPA estimée à ${euros(aspa)} par mois (plafond / 12 − pension). `
          : `${describeShare(share, household, single, aspa)} `) +
        `${presumption} ${limits.aspa}`,
    });
  },
};
