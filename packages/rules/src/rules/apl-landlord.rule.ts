// APL.LANDLORD: a social-housing tenancy for which the landlord receives no APL although its rent,
// household and declared resources give one (APL.md): the estimated monthly APL, every step of the
// formula in the evidence. Needs a landlord.v2 extract (conventionné dwelling, rent before the RLS);
// mainland France only.

import type { ComputationStep, InputUse } from '../case.schema.ts';
import { decimal, euros, roundCents } from '../money.ts';
import { communeZone } from '../parameters/apl-zoning.ts';
import type { Tenancy } from '../profile.schema.ts';
import { type AplSteps, aplSteps } from './apl-formula.ts';
import { describeComposition } from './household-subject.ts';
import { tenancyInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { presumption } from './wording.ts';

const meta = {
  id: 'APL.LANDLORD',
  version: '1.0.0',
  benefit: 'housing_aid',
  confidence: 'medium',
} as const satisfies RuleMeta;

/** Overseas departments have their own R0, TF and charges and no RLS: outside this estimate. */
export const isOverseas = (commune: string): boolean => commune.startsWith('97');

export const aplLimits =
  'Limites : estimation d’après les seules données du bailleur (APL.md) ; les ressources sont le revenu ' +
  'fiscal de référence N-2 (ou, à défaut, 12 fois les ressources mensuelles déclarées, qui comptent aussi ' +
  'des prestations familiales) et non les revenus des mois M-13 à M-2 ; ne sont pas examinés la ' +
  'neutralisation des revenus d’activité (RSA perçu, congé parental, chômage non indemnisé de plus de ' +
  '2 mois, qui augmenterait l’aide), les abattements de 30 % (chômage indemnisé, retraite, AAH), les ' +
  'pensions alimentaires, le patrimoine de plus de 30 000 €, les revenus propres des enfants, le forfait ' +
  'étudiant, la garde alternée, les enfants autonomes, la grossesse d’une personne seule, la colocation et ' +
  'les logements meublés ; hors outre-mer. Une aide versée au locataire plutôt qu’au bailleur n’apparaît ' +
  'pas dans l’extrait du bailleur : à vérifier auprès de la CAF. Prévoir environ ±1 € d’écart avec un ' +
  'calcul CAF sur données exactes.';

export interface TenancyAidBasis {
  readonly couple: boolean;
  readonly dependants: number;
  readonly conventionne: boolean;
  readonly annualResources: number;
  /** Where R_raw comes from: the RFR the landlord holds, or 12 × the monthly declared resources. */
  readonly resourcesFrom: 'annual_resources' | 'household_resources';
}

/** What the formula reads from a landlord tenancy, with the defaults landlord.v2 names. */
export function tenancyAidBasis(tenancy: Tenancy): TenancyAidBasis {
  const fromRfr = tenancy.annual_resources !== null;
  return {
    couple: tenancy.household_adults >= 2,
    dependants: tenancy.dependants ?? tenancy.household_children,
    conventionne: tenancy.conventionne ?? true,
    annualResources: fromRfr ? tenancy.annual_resources! : 12 * tenancy.household_resources,
    resourcesFrom: fromRfr ? 'annual_resources' : 'household_resources',
  };
}

function stepsOf(zone: number, basis: TenancyAidBasis, steps: AplSteps): ComputationStep[] {
  const euro = (name: string, value: number) => ({ name, value: roundCents(value) });
  const rate = (name: string, value: number) => ({ name, value: Number(value.toPrecision(10)) });
  return [
    { name: 'zone', value: zone },
    { name: 'couple', value: basis.couple ? 1 : 0 },
    { name: 'dependants', value: basis.dependants },
    { name: 'conventionne', value: basis.conventionne ? 1 : 0 },
    euro('rent_rounded', steps.rent_rounded),
    euro('rent_ceiling', steps.rent_ceiling),
    euro('rent_taken_l', steps.rent_taken),
    euro('charges_c', steps.charges),
    euro('resources_raw', basis.annualResources),
    euro('resources_r', steps.resources_rounded),
    euro('p0', steps.p0),
    euro('r0', steps.r0),
    rate('tf', steps.tf),
    euro('rent_ceiling_zone_2', steps.rent_ceiling_zone_2),
    rate('rl', steps.rl),
    rate('tl', steps.tl),
    rate('tp', steps.tp),
    euro('participation_pp', steps.pp),
    euro('aid_due_a1', steps.a1),
    euro('payment_threshold', steps.payment_threshold),
    euro('aid_over_threshold_a2', steps.a2),
    rate('degressivity_coefficient', steps.degressivity_coefficient),
    euro('aid_after_minoration_a3', steps.a3),
    ...(steps.rls_ceiling === null ? [] : [euro('rls_ceiling', steps.rls_ceiling)]),
    euro('rls', steps.rls),
    euro('aid_after_rls_a4', steps.a4),
    euro('housing_aid', steps.aid),
  ];
}

export const aplLandlordRule: RuleFor<'tenancy'> = {
  ...meta,
  target: 'tenancy',
  apply(tenancy, params) {
    if (tenancy.landlord_schema === 'landlord.v1' || tenancy.apl) return null;
    if (isOverseas(tenancy.commune)) return null;
    const { zone, listed } = communeZone(tenancy.commune);
    const basis = tenancyAidBasis(tenancy);
    const steps = aplSteps(params, { zone, rent: tenancy.rent, ...basis });
    if (steps.aid <= 0) return null;

    const inputs: InputUse[] = [
      tenancyInput(tenancy, 'commune'),
      tenancyInput(tenancy, 'household_adults'),
      tenancyInput(tenancy, tenancy.dependants === null ? 'household_children' : 'dependants'),
      tenancyInput(tenancy, 'rent'),
      tenancyInput(tenancy, 'conventionne'),
      tenancyInput(tenancy, basis.resourcesFrom),
      tenancyInput(tenancy, 'apl'),
    ];
    const zoneText =
      listed === null
        ? `zone 2 (commune absente du zonage de 2011, zone 2 par défaut)`
        : `zone ${listed}${listed === '1bis' ? ' (comptée zone 1)' : ''}`;
    const resourcesText =
      basis.resourcesFrom === 'annual_resources'
        ? `ressources annuelles ${euros(basis.annualResources)} (revenu fiscal de référence N-2 déclaré au bailleur)`
        : `ressources annuelles ${euros(basis.annualResources)} (12 × les ressources mensuelles déclarées au ` +
          `bailleur, ${euros(tenancy.household_resources)} : le revenu fiscal de référence n’est pas fourni)`;
    const rlsText =
      steps.rls > 0
        ? `, diminuée de ${decimal(params.value('rls.apl_fraction'))} × la RLS de ${euros(steps.rls)}`
        : basis.conventionne
          ? ', sans RLS (ressources au-dessus de son plafond)'
          : '';
    return resultOf(meta, params, {
      subject: { type: 'tenancy', household_pseudo: tenancy.household_pseudo },
      amount: steps.aid,
      inputs,
      computation: stepsOf(zone, basis, steps),
      explanation:
        `Ménage locataire du parc social de ${describeComposition(tenancy.household_adults, basis.dependants)} ` +
        `(extrait bailleur de ${tenancy.source.reference_month}), logement ` +
        `${basis.conventionne ? 'conventionné (APL)' : 'non conventionné (AL)'} en ${zoneText}, sans aide au ` +
        `logement versée au bailleur. Loyer ${euros(tenancy.rent)} (avant RLS), loyer retenu ` +
        `${euros(steps.rent_taken)} (plafond ${euros(steps.rent_ceiling)}), forfait charges ` +
        `${euros(steps.charges)}, ${resourcesText}, arrondies à ${euros(steps.resources_rounded)} ; ` +
        `participation personnelle ${euros(steps.pp)} (P0 ${euros(steps.p0)}, taux ${decimal(steps.tp)}). ` +
        `Aide avant minoration ${euros(steps.a1)}, après minoration forfaitaire ${euros(steps.a3)}${rlsText}, ` +
        `après CRDS : aide au logement estimée à ${euros(steps.aid)} par mois. ${presumption} ${aplLimits}`,
    });
  },
};
