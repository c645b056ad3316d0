// The state of every case from one month to the next, as the service must find it when it compares
// the open cases of the previous run with the new extracts. A case is (subject, subject kind,
// benefit) of the ground truth. Month m: presumed → open; else, open before and the subject receives
// the benefit in month m's extracts → taken_up; else present in them → no_longer_presumed; else
// (absent) it stays open. "Receives" and "present" are read from the household's partner rows, the
// very values the extracts carry.

import type { CampaignMembership } from './campaign.ts';
import { type PartnerRow, partnerRows } from './extract-rows.ts';
import { type Benefit, groundTruth, type TruthRow } from './ground-truth.ts';
import type { Household } from './household.ts';
import type { OpenBenefits } from './months-evolution.ts';

export type CaseState = 'open' | 'taken_up' | 'no_longer_presumed';

export type CaseKey = { subject: string; subjectKind: TruthRow['subjectKind']; benefit: Benefit };

/** A case open after a month: since when, and whether that month's contacts hold it. */
export type OpenCase = CaseKey & { firstMonth: number; contacted: boolean; campaign?: CampaignMembership };

export type CaseStateRow = CaseKey & {
  state: CaseState;
  firstMonth: number;
  /** In the previous month's contacts. */
  contacted: boolean;
};

export const caseStateColumns = [
  'subject_pseudo',
  'subject_kind',
  'benefit',
  'state',
  'first_month',
  'contacted',
];
export const contactColumns = ['subject_pseudo', 'subject_kind', 'benefit'];

const keyOf = (c: CaseKey): string => `${c.subjectKind}\u0000${c.subject}\u0000${c.benefit}`;

/** The cases of a ground truth: one per (subject, kind, benefit), in the order they first appear. */
export function presumedCases(truth: readonly TruthRow[]): CaseKey[] {
  const seen = new Map<string, CaseKey>();
  for (const t of truth) {
    const c = { subject: t.subject, subjectKind: t.subjectKind, benefit: t.benefit };
    if (!seen.has(keyOf(c))) seen.set(keyOf(c), c);
  }
  return [...seen.values()];
}

const isFamily = (row: PartnerRow): boolean => row.kind === 'caf' || row.kind === 'msa';

/** Whether the subject of a case receives its benefit according to a household's rows. */
export function receives(c: CaseKey, rows: readonly PartnerRow[]): boolean {
  switch (c.subjectKind) {
    case 'household':
      return rows.some((r) => isFamily(r) && r.person.pseudo === c.subject && r.values[c.benefit] === '1');
    case 'person':
      if (c.benefit === 'c2s') {
        return rows.some(
          (r) =>
            (r.kind === 'cpam' || r.kind === 'msa') &&
            r.person.pseudo === c.subject &&
            r.values.c2s !== 'none',
        );
      }
      return rows.some(
        (r) =>
          (r.kind === 'carsat' || (r.kind === 'msa' && r.values.pension !== '')) &&
          r.person.pseudo === c.subject &&
          r.values.aspa === '1',
      );
    case 'tenancy': {
      const tenants = new Set(rows.filter((r) => r.kind === 'landlord').map((r) => r.person));
      return rows.some((r) => isFamily(r) && tenants.has(r.person) && r.values.rsa === '1');
    }
  }
}

/** Whether the subject of a case appears in a household's rows (as its extract rows name it). */
export function present(c: CaseKey, rows: readonly PartnerRow[], h: Household): boolean {
  switch (c.subjectKind) {
    case 'household':
      return rows.some((r) => isFamily(r) && r.person.pseudo === c.subject);
    case 'person':
      // Landlord rows carry no person_pseudo.
      return rows.some((r) => r.kind !== 'landlord' && r.person.pseudo === c.subject);
    case 'tenancy':
      return rows.some((r) => r.kind === 'landlord') && h.tenancyPseudo === c.subject;
  }
}

/**
 * A household's case states in `month` (m ≥ 2), from the cases open after the month before: one
 * row per case open then or presumed now. A moved-out household has no rows and presumes nothing.
 */
export function caseStates(
  month: number,
  h: Household,
  movedOut: boolean,
  previous: readonly OpenCase[],
): CaseStateRow[] {
  const before = new Map(previous.map((c) => [keyOf(c), c]));
  const rows: CaseStateRow[] = [];
  const presumed = movedOut ? [] : presumedCases(groundTruth(month, h));
  for (const c of presumed) {
    const was = before.get(keyOf(c));
    before.delete(keyOf(c));
    rows.push({
      ...c,
      state: 'open',
      firstMonth: was?.firstMonth ?? month,
      contacted: was?.contacted ?? false,
    });
  }
  let partner: PartnerRow[] | undefined;
  for (const was of before.values()) {
    partner ??= movedOut ? [] : partnerRows(h, month);
    const state: CaseState = receives(was, partner)
      ? 'taken_up'
      : present(was, partner, h)
        ? 'no_longer_presumed'
        : 'open';
    const { subject, subjectKind, benefit, firstMonth, contacted } = was;
    rows.push({ subject, subjectKind, benefit, state, firstMonth, contacted });
  }
  return rows;
}

/** The benefits of a household's open cases, as the take-up draws read them. */
export function openBenefits(open: readonly OpenCase[]): OpenBenefits {
  const byBenefit = new Map<
    Benefit,
    { contacted: boolean; tenancy: boolean; campaign?: CampaignMembership }
  >();
  for (const c of open) {
    const b = byBenefit.get(c.benefit) ?? { contacted: false, tenancy: false };
    b.contacted ||= c.contacted;
    b.tenancy ||= c.subjectKind === 'tenancy';
    b.campaign ??= c.campaign;
    byBenefit.set(c.benefit, b);
  }
  return byBenefit;
}
