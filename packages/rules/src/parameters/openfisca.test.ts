// Cross-checks every value of our parameter tables against the OpenFisca-France parameter files
// (../shared/openfisca beside the repository), at every date either side records. OpenFisca keeps
// rates as fractions and the C2S ceiling for one person only: the other sizes are checked against
// its coefficients, within the 1 € by which official tables differ from the derived amounts.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { valueInForce } from './lookup.ts';
import { type ParameterName, parameterDefinition, parameterNames } from './registry.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const parametersRoot = path.resolve(repoRoot, '..', 'shared', 'openfisca', 'openfisca_france', 'parameters');
const present = existsSync(parametersRoot);
if (!present) {
  console.warn(`OpenFisca-France parameters not found at ${parametersRoot}: the cross-check is skipped.`);
}

interface Source {
  /** Files under openfisca_france/parameters. */
  readonly files: readonly string[];
  /** Our value from the files' values in force, in the order of `files`. */
  readonly compute: (values: readonly number[]) => number;
  readonly tolerance: number;
  /** From this date OpenFisca (a7038ee4) lacks a revaluation we record from another source. */
  readonly missingFrom?: string;
}

const ms = 'prestations_sociales/solidarite_insertion/minima_sociaux';
const mv = 'prestations_sociales/solidarite_insertion/minimum_vieillesse';
const first = (values: readonly number[]) => values[0] ?? Number.NaN;
const same = (file: string): Source => ({ files: [file], compute: first, tolerance: 1e-9 });

// C2S ceilings: base × household coefficient (× 1.35 with participation); 2025 is not in OpenFisca.
const cmu = `${ms}/cs/cmu`;
const ceilingFiles = [
  `${cmu}/plafond_base.yaml`,
  `${cmu}/coeff_p2.yaml`,
  `${cmu}/coeff_p3_p4.yaml`,
  `${cmu}/coeff_p5_plus.yaml`,
  `${ms}/cs/acs/majoration_plafond_acs.yaml`,
];
type Coefficient = (p2: number, p34: number, p5: number) => number;
function ceiling(size: string, coefficient: Coefficient, participation: boolean): Source {
  return {
    files: ceilingFiles,
    compute: ([base = Number.NaN, p2 = Number.NaN, p34 = Number.NaN, p5 = Number.NaN, acs = Number.NaN]) =>
      base * coefficient(p2, p34, p5) * (participation ? 1 + acs : 1),
    // Only the free one-person ceiling is OpenFisca's own figure; the rest are derived from it.
    tolerance: participation || size !== 'one_person' ? 1 : 1e-9,
    missingFrom: '2025-04-01',
  };
}
const sizes: Record<string, Coefficient> = {
  one_person: () => 1,
  two_persons: (p2) => 1 + p2,
  three_persons: (p2, p34) => 1 + p2 + p34,
  four_persons: (p2, p34) => 1 + p2 + 2 * p34,
  per_further_person: (_p2, _p34, p5) => p5,
};
type CeilingName = Extract<ParameterName, `c2s.ceiling.${string}`>;
const c2sCeilings = Object.fromEntries(
  Object.entries(sizes).flatMap(([size, coefficient]) => [
    [`c2s.ceiling.free.${size}`, ceiling(size, coefficient, false)],
    [`c2s.ceiling.participation.${size}`, ceiling(size, coefficient, true)],
  ]),
) as Record<CeilingName, Source>;

const sources: Record<ParameterName, Source> = {
  'smic.hourly_gross': same('marche_travail/salaire_minimum/smic/smic_b_horaire.yaml'),
  'rsa.base': same(`${ms}/rsa/rsa_m/montant_de_base_du_rsa.yaml`),
  'rsa.composition.second_person': same(
    `${ms}/rsa/rsa_maj/maj_montant_max/couples_celibataire_avec_enfant.yaml`,
  ),
  'rsa.composition.third_fourth_person': same(
    `${ms}/rsa/rsa_maj/maj_montant_max/couple_1_enfant_ou_2e_enfant.yaml`,
  ),
  'rsa.composition.further_child': same(`${ms}/rsa/rsa_maj/maj_montant_max/par_enfant_supplementaire.yaml`),
  'rsa.isolation.first': same(`${ms}/rsa/rsa_maj/majoration_isolement_en_base_rsa/femmes_enceintes.yaml`),
  'rsa.isolation.per_child': same(
    `${ms}/rsa/rsa_maj/majoration_isolement_en_base_rsa/par_enfant_a_charge.yaml`,
  ),
  'rsa.housing_forfait.one_person': same(`${ms}/rsa/rsa_fl/forfait_logement/taux_1_personne.yaml`),
  'rsa.housing_forfait.two_persons': same(`${ms}/rsa/rsa_fl/forfait_logement/taux_2_personnes.yaml`),
  'rsa.housing_forfait.three_persons_or_more': same(
    `${ms}/rsa/rsa_fl/forfait_logement/taux_3_personnes_ou_plus.yaml`,
  ),
  'rsa.minimum_payment': same(`${ms}/rsa/rsa_maj/montant_minimum_verse.yaml`),
  'rsa.age_min': same(`${ms}/rsa/rsa_cond/age_minimum_allocataire.yaml`),
  'ppa.base': same(`${ms}/ppa/pa_m/montant_de_base.yaml`),
  'ppa.slope': same(`${ms}/ppa/pa_m/majoration_ressources_revenus_activite.yaml`),
  'ppa.bonus.max_rate': same(`${ms}/ppa/pa_m/bonification/taux_bonification_max.yaml`),
  'ppa.bonus.lower_threshold': same(`${ms}/ppa/pa_m/bonification/seuil_bonification.yaml`),
  'ppa.bonus.upper_threshold': same(`${ms}/ppa/pa_m/bonification/seuil_max_bonification.yaml`),
  'ppa.composition.second_person': same(
    `${ms}/ppa/pa_m/majoration_montant_maximal/couples_seul_avec_enfant.yaml`,
  ),
  'ppa.composition.third_fourth_person': same(
    `${ms}/ppa/pa_m/majoration_montant_maximal/couple_1_enfant_2e_enfant.yaml`,
  ),
  'ppa.composition.further_child': same(
    `${ms}/ppa/pa_m/majoration_montant_maximal/par_enfant_supplementaire.yaml`,
  ),
  'ppa.isolation.first': same(`${ms}/ppa/pa_m/majoration_isolement/femmes_enceintes.yaml`),
  'ppa.isolation.per_child': same(`${ms}/ppa/pa_m/majoration_isolement/par_enfant_charge.yaml`),
  'ppa.housing_forfait.one_person': same(`${ms}/ppa/pa_fl/taux_forfait_logement/foyer_1_personne.yaml`),
  'ppa.housing_forfait.two_persons': same(`${ms}/ppa/pa_fl/taux_forfait_logement/foyer_2_personnes.yaml`),
  'ppa.housing_forfait.three_persons_or_more': same(
    `${ms}/ppa/pa_fl/taux_forfait_logement/foyer_3_personnes.yaml`,
  ),
  'ppa.minimum_payment': same(`${ms}/ppa/pa_m/montant_minimum_verse.yaml`),
  'ppa.age_min': same(`${ms}/ppa/pa_cond/age_min.yaml`),
  ...c2sCeilings,
  // OpenFisca stores the overseas increase (0.113), we store the factor (1.113).
  'c2s.overseas_factor': {
    files: [`${cmu}/majoration_dom.yaml`],
    compute: ([increase = Number.NaN]) => 1 + increase,
    tolerance: 1e-9,
  },
  'c2s.housing_forfait.with_aid.one_person': same(`${ms}/cs/css/forfait_logement_avec_al/taux_1p.yaml`),
  'c2s.housing_forfait.with_aid.two_persons': same(`${ms}/cs/css/forfait_logement_avec_al/taux_2p.yaml`),
  'c2s.housing_forfait.with_aid.three_persons_or_more': same(
    `${ms}/cs/css/forfait_logement_avec_al/taux_3p_plus.yaml`,
  ),
  'c2s.housing_forfait.without_aid.one_person': same(`${ms}/cs/css/forfait_logement_sans_al/taux_1p.yaml`),
  'c2s.housing_forfait.without_aid.two_persons': same(`${ms}/cs/css/forfait_logement_sans_al/taux_2p.yaml`),
  'c2s.housing_forfait.without_aid.three_persons_or_more': same(
    `${ms}/cs/css/forfait_logement_sans_al/taux_3p_plus.yaml`,
  ),
  'aspa.ceiling.single': same(`${mv}/aspa/plafond_ressources/personnes_seules.yaml`),
  'aspa.ceiling.couple': same(`${mv}/aspa/plafond_ressources/couples.yaml`),
  'aspa.age_min': same(`${mv}/aspa/age_min.yaml`),
  // Housing aid (APL.md), file for file.
  'apl.rent_ceiling.zone_1.single': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_1/personnes_seules.yaml',
  ),
  'apl.rent_ceiling.zone_1.couple': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_1/couples.yaml',
  ),
  'apl.rent_ceiling.zone_1.one_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_1/un_enfant.yaml',
  ),
  'apl.rent_ceiling.zone_1.per_extra_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_1/majoration_par_enf_supp.yaml',
  ),
  'apl.rent_ceiling.zone_2.single': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_2/personnes_seules.yaml',
  ),
  'apl.rent_ceiling.zone_2.couple': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_2/couples.yaml',
  ),
  'apl.rent_ceiling.zone_2.one_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_2/un_enfant.yaml',
  ),
  'apl.rent_ceiling.zone_2.per_extra_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_2/majoration_par_enf_supp.yaml',
  ),
  'apl.rent_ceiling.zone_3.single': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_3/personnes_seules.yaml',
  ),
  'apl.rent_ceiling.zone_3.couple': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_3/couples.yaml',
  ),
  'apl.rent_ceiling.zone_3.one_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_3/un_enfant.yaml',
  ),
  'apl.rent_ceiling.zone_3.per_extra_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/l_plafonds_loyers/par_zone/zone_3/majoration_par_enf_supp.yaml',
  ),
  'apl.charges.base': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/c_forfait_charges/cas_general/cas_general.yaml',
  ),
  'apl.charges.per_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/c_forfait_charges/cas_general/majoration_par_enfant.yaml',
  ),
  'apl.p0.minimum': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/p0_particip_min/p0_forfait.yaml',
  ),
  'apl.p0.rate': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/p0_particip_min/p0_taux.yaml',
  ),
  'apl.r0.single': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux_seul.yaml',
  ),
  'apl.r0.couple': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux_couple.yaml',
  ),
  'apl.r0.dependants_1': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux1pac.yaml',
  ),
  'apl.r0.dependants_2': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux2pac.yaml',
  ),
  'apl.r0.dependants_3': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux3pac.yaml',
  ),
  'apl.r0.dependants_4': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux4pac.yaml',
  ),
  'apl.r0.dependants_5': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux5pac.yaml',
  ),
  'apl.r0.dependants_6': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux6pac.yaml',
  ),
  'apl.r0.per_extra_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/r0_abattement/cas_general/taux_pac_supp.yaml',
  ),
  'apl.tf.single': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/personnes_isolees.yaml',
  ),
  'apl.tf.couple': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/couples_0_enfant.yaml',
  ),
  'apl.tf.dependants_1': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/avec_1_enfant.yaml',
  ),
  'apl.tf.dependants_2': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/avec_2_enfants.yaml',
  ),
  'apl.tf.dependants_3': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/avec_3_enfants.yaml',
  ),
  'apl.tf.dependants_4': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/avec_4_enfants.yaml',
  ),
  'apl.tf.dependants_5': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/avec_5_enfants.yaml',
  ),
  'apl.tf.dependants_6': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/avec_6_enfants.yaml',
  ),
  'apl.tf.per_extra_dependant': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tf_taille_famille/metropole/maj_par_enf_supp.yaml',
  ),
  'apl.tl.threshold_1': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tl_loyer/seuils/seuil_1.yaml',
  ),
  'apl.tl.threshold_2': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tl_loyer/seuils/seuil_2.yaml',
  ),
  'apl.tl.rate_1': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tl_loyer/taux/tl_taux_1.yaml',
  ),
  'apl.tl.rate_2': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tl_loyer/taux/tl_taux_2.yaml',
  ),
  'apl.tl.rate_3': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/formule/pp_particip_perso/tp_taux/tl_loyer/taux/tl_taux_3.yaml',
  ),
  'apl.minoration': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/minoration_forfaitaire.yaml',
  ),
  'apl.payment_threshold.apl': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/seuils_minimum_versement/apl.yaml',
  ),
  'apl.payment_threshold.al': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/seuils_minimum_versement/non_apl.yaml',
  ),
  'apl.degressivity.zone_1': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/coefficients_degressivite_suppression/zone_1/degressivite.yaml',
  ),
  'apl.suppression.zone_1': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/coefficients_degressivite_suppression/zone_1/suppression.yaml',
  ),
  'apl.degressivity.zone_2': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/coefficients_degressivite_suppression/zone_2/degressivite.yaml',
  ),
  'apl.suppression.zone_2': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/coefficients_degressivite_suppression/zone_2/suppression.yaml',
  ),
  'apl.degressivity.zone_3': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/coefficients_degressivite_suppression/zone_3/degressivite.yaml',
  ),
  'apl.suppression.zone_3': same(
    'prestations_sociales/aides_logement/allocations_logement/locatif/coefficients_degressivite_suppression/zone_3/suppression.yaml',
  ),
  'rls.amount.zone_1.single': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_1/personnes_seules.yaml',
  ),
  'rls.amount.zone_1.couple': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_1/couples.yaml',
  ),
  'rls.amount.zone_1.one_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_1/famille_1pac.yaml',
  ),
  'rls.amount.zone_1.per_extra_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_1/majoration_par_pac_supp.yaml',
  ),
  'rls.amount.zone_2.single': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_2/personnes_seules.yaml',
  ),
  'rls.amount.zone_2.couple': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_2/couples.yaml',
  ),
  'rls.amount.zone_2.one_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_2/famille_1pac.yaml',
  ),
  'rls.amount.zone_2.per_extra_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_2/majoration_par_pac_supp.yaml',
  ),
  'rls.amount.zone_3.single': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_3/personnes_seules.yaml',
  ),
  'rls.amount.zone_3.couple': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_3/couples.yaml',
  ),
  'rls.amount.zone_3.one_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_3/famille_1pac.yaml',
  ),
  'rls.amount.zone_3.per_extra_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/montant/par_zone/zone_3/majoration_par_pac_supp.yaml',
  ),
  'rls.ceiling.zone_1.single': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/personnes_seules.yaml',
  ),
  'rls.ceiling.zone_1.couple': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/couples.yaml',
  ),
  'rls.ceiling.zone_1.dependants_1': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/famille_1pac.yaml',
  ),
  'rls.ceiling.zone_1.dependants_2': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/famille_2pac.yaml',
  ),
  'rls.ceiling.zone_1.dependants_3': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/famille_3pac.yaml',
  ),
  'rls.ceiling.zone_1.dependants_4': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/famille_4pac.yaml',
  ),
  'rls.ceiling.zone_1.dependants_5': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/famille_5pac.yaml',
  ),
  'rls.ceiling.zone_1.dependants_6': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/famille_6pac.yaml',
  ),
  'rls.ceiling.zone_1.per_extra_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_1/majoration_par_pac_supp.yaml',
  ),
  'rls.ceiling.zone_2.single': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/personnes_seules.yaml',
  ),
  'rls.ceiling.zone_2.couple': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/couples.yaml',
  ),
  'rls.ceiling.zone_2.dependants_1': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/famille_1pac.yaml',
  ),
  'rls.ceiling.zone_2.dependants_2': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/famille_2pac.yaml',
  ),
  'rls.ceiling.zone_2.dependants_3': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/famille_3pac.yaml',
  ),
  'rls.ceiling.zone_2.dependants_4': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/famille_4pac.yaml',
  ),
  'rls.ceiling.zone_2.dependants_5': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/famille_5pac.yaml',
  ),
  'rls.ceiling.zone_2.dependants_6': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/famille_6pac.yaml',
  ),
  'rls.ceiling.zone_2.per_extra_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_2/majoration_par_pac_supp.yaml',
  ),
  'rls.ceiling.zone_3.single': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/personnes_seules.yaml',
  ),
  'rls.ceiling.zone_3.couple': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/couples.yaml',
  ),
  'rls.ceiling.zone_3.dependants_1': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/famille_1pac.yaml',
  ),
  'rls.ceiling.zone_3.dependants_2': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/famille_2pac.yaml',
  ),
  'rls.ceiling.zone_3.dependants_3': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/famille_3pac.yaml',
  ),
  'rls.ceiling.zone_3.dependants_4': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/famille_4pac.yaml',
  ),
  'rls.ceiling.zone_3.dependants_5': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/famille_5pac.yaml',
  ),
  'rls.ceiling.zone_3.dependants_6': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/famille_6pac.yaml',
  ),
  'rls.ceiling.zone_3.per_extra_dependant': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/plafond_ressources/par_zone/zone_3/majoration_par_pac_supp.yaml',
  ),
  'rls.apl_fraction': same(
    'prestations_sociales/aides_logement/reduction_loyer_solidarite/fraction_baisse_aide_logement.yaml',
  ),
  'crds.rate': same('prelevements_sociaux/contributions_sociales/crds.yaml'),
};

/** An OpenFisca leaf: (date, value) in ascending order, a null value ending the parameter. */
function readSeries(file: string): [string, number | null][] {
  const document = parse(readFileSync(path.join(parametersRoot, file), 'utf8')) as {
    values: Record<string, { value: number | null }>;
  };
  return Object.entries(document.values)
    .map(([date, entry]): [string, number | null] => [String(date), entry.value])
    .sort(([a], [b]) => a.localeCompare(b));
}

function inForce(series: readonly [string, number | null][], day: string): number | null {
  return series.findLast(([date]) => date <= day)?.[1] ?? null;
}

describe.skipIf(!present)(
  'parameters against OpenFisca-France (skipped when ../shared/openfisca is absent)',
  () => {
    it('maps every parameter to OpenFisca', () => {
      expect(Object.keys(sources).sort()).toEqual([...parameterNames].sort());
    });

    it.each(parameterNames)('%s matches OpenFisca at every date both record', (name) => {
      const source = sources[name];
      const definition = parameterDefinition(name);
      const series = source.files.map(readSeries);
      const dates = new Set([
        ...definition.values.map((entry) => entry.from),
        ...series.flatMap((s) => s.map(([d]) => d)),
      ]);
      let compared = 0;
      for (const day of [...dates].sort()) {
        const ours = valueInForce(definition, day);
        const theirs = series.map((s) => inForce(s, day));
        if (ours === undefined || theirs.some((value) => value === null)) continue;
        if (source.missingFrom !== undefined && day >= source.missingFrom) continue;
        const expected = source.compute(theirs as number[]);
        expect(
          Math.abs(ours.value - expected),
          `${name} on ${day}: ours ${ours.value}, OpenFisca ${expected}`,
        ).toBeLessThanOrEqual(source.tolerance);
        compared += 1;
      }
      expect(compared, `${name}: no date in common with OpenFisca`).toBeGreaterThan(0);
    });
  },
);
