// The comparison of fr.v1 with OpenFisca over a set of oracle households: agreement rates per benefit
// (amounts within a cent, eligibility, C2S variant) and every disagreement with its cause. A cause
// is accepted only when it is checked: the stated simplification or approximation explains the
// difference (OpenFisca's own monthly inputs or resource base give its figure back), or the
// household carries the OpenFisca gap that explains it.

import { euros } from '../money.ts';
import { c2sOfOpenfiscaBase } from './oracle-c2s.ts';
import {
  type C2sOutcome,
  type ComparedBenefit,
  comparedBenefits,
  notCovered,
  presumed,
} from './oracle-compare.ts';
import { personPseudo, type Schema } from './oracle-extracts.ts';
import type { OracleHousehold } from './oracle-households.ts';
import { monthlyPpa } from './oracle-months.ts';

/** Why fr.v1 and OpenFisca differ, each a limit stated in RULES.md or an OpenFisca gap of the oracle. */
export const causes = {
  mayotte_outside_fr_v1:
    'Mayotte (976) is outside fr.v1 (RULES.md); OpenFisca applies national amounts there (gap MAYOTTE_RULES_NOT_MODELLED)',
  ppa_v1_quarterly_average:
    'v1 extracts: the quarterly average pay, resources, composition, increase, housing aid and the age at as_of serve each reference month (RULES.md, stated in the evidence); the same formula on each month’s own inputs gives OpenFisca’s PPA',
  c2s_resources_approximated:
    'C2S resources approximated from the quarter’s RSA/PPA resources (RULES.md known limits); OpenFisca’s 12-month base under the same ceilings gives its variant',
  openfisca_c2s_2025_table:
    'OpenFisca still uses the 2024 C2S ceilings (gap C2S_VARIANT_DIFFERS_WITH_2025_TABLE); fr.v1 gives the variant of the official 2025 table',
  unexplained: 'no stated limit or OpenFisca gap explains it',
} as const;
export type Cause = keyof typeof causes;

export interface Disagreement {
  readonly id: string;
  readonly benefit: ComparedBenefit;
  readonly as_of: string;
  readonly ours: string;
  readonly openfisca: string;
  readonly cause: Cause;
  /** Outside what the pack covers: listed, not counted in the rates. */
  readonly counted: boolean;
}

export interface BenefitFigures {
  readonly households: number;
  /** Amount within 0.01 € (C2S: same variant). */
  readonly amountAgree: number;
  /** Presumption made where OpenFisca pays, and only there (C2S: same variant). */
  readonly eligibilityAgree: number;
}

export interface OracleReport {
  readonly households: number;
  readonly notCovered: number;
  readonly figures: Record<ComparedBenefit, BenefitFigures>;
  readonly disagreements: readonly Disagreement[];
  /**
   * Households where C2S.ASPA's presumption (C2S with participation for an ASPA beneficiary, DOMAIN.md)
   * gives another variant than OpenFisca's resource test, which does not model it: listed apart.
   */
  readonly aspaPresumption: readonly { id: string; ours: C2sOutcome; openfisca: C2sOutcome }[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.01;
const money = (amounts: readonly number[]) => amounts.map((a) => euros(a)).join(' + ');

function ppaCause(household: OracleHousehold): Cause {
  return close(monthlyPpa(household), household.openfisca.ppa) ? 'ppa_v1_quarterly_average' : 'unexplained';
}

function c2sCause(household: OracleHousehold, ours: C2sOutcome): Cause {
  const official = household.gap_details?.official_2025_ceilings?.c2s_variant;
  if (household.openfisca_known_gaps.includes('C2S_VARIANT_DIFFERS_WITH_2025_TABLE') && ours === official)
    return 'openfisca_c2s_2025_table';
  const law = official ?? household.openfisca.c2s;
  return c2sOfOpenfiscaBase(household) === law ? 'c2s_resources_approximated' : 'unexplained';
}

export function compareWithOpenfisca(households: readonly OracleHousehold[], schema: Schema): OracleReport {
  const tally = Object.fromEntries(
    comparedBenefits.map((b) => [b, { households: 0, amountAgree: 0, eligibilityAgree: 0 }]),
  ) as Record<ComparedBenefit, { households: number; amountAgree: number; eligibilityAgree: number }>;
  const disagreements: Disagreement[] = [];
  const aspaPresumption: { id: string; ours: C2sOutcome; openfisca: C2sOutcome }[] = [];
  let outside = 0;
  for (const household of households) {
    const counted = !notCovered(household);
    if (!counted) outside += 1;
    const ours = presumed(household, schema);
    const of = household.openfisca;
    const record = (
      benefit: ComparedBenefit,
      agree: boolean,
      eligible: boolean,
      values: [string, string],
      cause: () => Cause,
    ) => {
      if (counted) {
        tally[benefit].households += 1;
        if (agree) tally[benefit].amountAgree += 1;
        if (eligible) tally[benefit].eligibilityAgree += 1;
      }
      if (!agree)
        disagreements.push({
          id: household.id,
          benefit,
          as_of: household.as_of,
          ours: values[0],
          openfisca: values[1],
          cause: counted ? cause() : 'mayotte_outside_fr_v1',
          counted,
        });
    };
    const presumes = (benefit: 'rsa' | 'ppa') => ours.cases.none.some((c) => c.benefit === benefit);
    record(
      'rsa',
      close(ours.rsa, of.rsa),
      presumes('rsa') === of.rsa > 0,
      [euros(ours.rsa), euros(of.rsa)],
      () => 'unexplained',
    );
    record(
      'ppa',
      close(ours.ppa, of.ppa),
      presumes('ppa') === of.ppa > 0,
      [euros(ours.ppa), euros(of.ppa)],
      () => ppaCause(household),
    );
    if (household.kind === 'retiree') {
      const theirs = household.persons.map((p) => p.aspa_share_derived);
      const agree = theirs.every((share, i) => close(ours.aspa[i] ?? 0, share));
      const eligible = theirs.every(
        (share, i) =>
          ours.cases.none.some(
            (c) =>
              c.benefit === 'aspa' &&
              c.subject.type === 'person' &&
              c.subject.person_pseudo === personPseudo(household, i),
          ) ===
          share > 0,
      );
      record('aspa', agree, eligible, [money(ours.aspa), money(theirs)], () => 'unexplained');
    }
    if (counted && ours.c2sWithAspa !== ours.c2s)
      aspaPresumption.push({ id: household.id, ours: ours.c2sWithAspa, openfisca: of.c2s });
    record('c2s', ours.c2s === of.c2s, ours.c2s === of.c2s, [ours.c2s, of.c2s], () =>
      c2sCause(household, ours.c2s),
    );
  }
  return {
    households: households.length,
    notCovered: outside,
    figures: tally,
    disagreements,
    aspaPresumption,
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2)} %`;

/** The report as text: rates per benefit, causes counted, then every disagreement. */
export function formatReport(title: string, report: OracleReport): string {
  const lines = [
    `${title}: ${report.households} households, ${report.notCovered} outside fr.v1 (listed, not counted)`,
    'benefit  households  amount within 0.01 €  same eligibility',
  ];
  for (const benefit of comparedBenefits) {
    const f = report.figures[benefit];
    lines.push(
      `${benefit.padEnd(8)} ${String(f.households).padStart(10)}  ${`${f.amountAgree} (${percent(f.amountAgree, f.households)})`.padStart(20)}  ${`${f.eligibilityAgree} (${percent(f.eligibilityAgree, f.households)})`.padStart(16)}`,
    );
  }
  const byCause = new Map<string, number>();
  for (const d of report.disagreements)
    byCause.set(`${d.benefit} ${d.cause}`, (byCause.get(`${d.benefit} ${d.cause}`) ?? 0) + 1);
  lines.push('', 'disagreements by cause:');
  for (const [key, n] of [...byCause].sort()) {
    const cause = key.split(' ')[1] as Cause;
    lines.push(`  ${key}: ${n} — ${causes[cause]}`);
  }
  const presumption = report.aspaPresumption;
  lines.push(
    '',
    `C2S.ASPA presumption (not modelled by OpenFisca): ${presumption.length} households whose ASPA beneficiaries it ` +
      'presumes eligible to C2S with participation where the resource test alone gives another variant' +
      (presumption.length > 0
        ? `: ${presumption.map((p) => `${p.id} (${p.ours} / OpenFisca ${p.openfisca})`).join(', ')}`
        : ''),
  );
  lines.push('', 'every disagreement (id, benefit, as_of: fr.v1 / OpenFisca, cause):');
  for (const d of report.disagreements)
    lines.push(
      `  ${d.id} ${d.benefit} ${d.as_of}: ${d.ours} / ${d.openfisca}, ${d.cause}${d.counted ? '' : ' (not counted)'}`,
    );
  return lines.join('\n');
}
