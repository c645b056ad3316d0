// The follow-up of a case: outcome codes only (no free text, so nothing personal is written), and the
// transitions a territory team may record. An outcome that closes the case (the person's rights were
// opened, or they need nothing, or refused) is final; an unreachable person may be reached later.

export const caseStatuses = [
  'to_contact',
  'contacted',
  'unreachable',
  'rights_opened',
  'already_covered',
  'not_eligible',
  'refused',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  // Before any contact a partner's check may already show the person covered or not eligible, and a
  // person may refuse or stay out of reach of the first attempt.
  to_contact: ['contacted', 'unreachable', 'refused', 'already_covered', 'not_eligible'],
  contacted: ['rights_opened', 'already_covered', 'not_eligible', 'refused', 'unreachable'],
  unreachable: ['contacted'],
  rights_opened: [],
  already_covered: [],
  not_eligible: [],
  refused: [],
};

/**
 * Why an outcome was corrected rather than followed on: a mis-click or a wrong entry, something the
 * person said since, or a partner's check that showed otherwise. Codes only, like the outcomes.
 */
export const correctionReasons = ['entry_error', 'new_information', 'partner_check'] as const;
export type CorrectionReason = (typeof correctionReasons)[number];

/**
 * One recorded change: who (the token's subject and organisation) set which outcome, and when. A
 * correction replaces the outcome before it whatever the transitions allow, and keeps it with the
 * reason: the history is only ever appended to.
 */
export interface StatusChange {
  status: CaseStatus;
  at: string;
  actor: string;
  organisation: string;
  correction?: { previous: CaseStatus; reason: CorrectionReason };
}
