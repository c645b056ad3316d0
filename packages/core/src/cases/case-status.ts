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

/** One recorded change: who (the token's subject and organisation) set which outcome, and when. */
export interface StatusChange {
  status: CaseStatus;
  at: string;
  actor: string;
  organisation: string;
}
