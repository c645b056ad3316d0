// RSA.UNKNOWN_TO_CAF: a social-housing tenancy none of whose tenants links to a caf or msa row of the
// run, yet whose declared resources leave an RSA of at least 6 €. Only meaningful when the run has
// a caf extract; low confidence, the landlord's declaration being the only source.

import { decimal, euros, roundCents } from '../money.ts';
import { ageAt } from '../months.ts';
import { housingForfait, maximumAmount } from './formulas.ts';
import { describeComposition } from './household-subject.ts';
import { tenancyInput, tenantInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { extractOf, limits, presumption } from './wording.ts';

const meta = {
  id: 'RSA.UNKNOWN_TO_CAF',
  version: '1.1.0',
  benefit: 'rsa',
  confidence: 'low',
} as const satisfies RuleMeta;

export const rsaUnknownToCafRule: RuleFor<'tenancy'> = {
  ...meta,
  target: 'tenancy',
  apply(tenancy, params) {
    if (!tenancy.caf_extract_in_run) return null;
    if (tenancy.tenants.some((tenant) => tenant.family_link !== null)) return null;
    const asOf = params.asOf;
    const ageMin = params.value('rsa.age_min');
    const children = tenancy.household_children;
    if (children === 0 && !tenancy.tenants.some((tenant) => ageAt(tenant.birth_ym, asOf) >= ageMin))
      return null;

    const adults = Math.min(tenancy.household_adults, 2);
    const maximum = maximumAmount('rsa', params, asOf, { adults, children, increase: false });
    // The landlord knows of housing aid through the APL it receives, not its amount: no cap.
    const basis = tenancy.apl ? ({ applies: true, cap: null } as const) : ({ applies: false } as const);
    const forfait = housingForfait('rsa', params, asOf, adults + children, basis);
    const rsa = roundCents(maximum.amount - forfait - tenancy.household_resources);
    const minimum = params.value('rsa.minimum_payment');
    if (rsa < minimum) return null;

    return resultOf(meta, params, {
      subject: { type: 'tenancy', household_pseudo: tenancy.household_pseudo },
      amount: rsa,
      inputs: [
        tenancyInput(tenancy, 'household_adults'),
        tenancyInput(tenancy, 'household_children'),
        ...tenancy.tenants.map((tenant) => tenantInput(tenancy, tenant)),
        tenancyInput(tenancy, 'household_resources'),
        tenancyInput(tenancy, 'apl'),
      ],
      computation: [
        { name: 'tenants_linked_to_caf_or_msa', value: 0 },
        { name: 'composition_factor', value: maximum.factor },
        { name: 'maximum_amount', value: roundCents(maximum.amount) },
        { name: 'housing_forfait', value: roundCents(forfait) },
        { name: 'rsa', value: rsa },
      ],
      explanation:
        `Le ménage locataire du parc social compte ${describeComposition(adults, children)} selon ` +
        `${extractOf(tenancy.source)} ; ` +
        'aucun locataire n’est rapproché d’un dossier CAF ou MSA du traitement. Montant forfaitaire ' +
        `${euros(maximum.amount)} (${euros(params.value('rsa.base'))} × ${decimal(maximum.factor)}), forfait ` +
        `logement ${euros(forfait)}, ressources déclarées au bailleur : ${euros(tenancy.household_resources)} ` +
        `par mois ; RSA estimé à ${euros(rsa)} par mois. ${presumption} ${limits.rsa}`,
    });
  },
};
