// A case as a viewer receives it, by the need-to-know rule (case-sight.ts). A partner also gets only
// itself among the source partners, and not the follow-up history (who in the territory team did what).
import {
  benefitLabels,
  communeLabel,
  confidenceLabels,
  label,
  outcomeLabels,
  ruleLabels,
  variantLabels,
} from '@nonrecours/french';
import type { CaseEvidenceView } from './case-evidence.ts';
import { caseEvidenceView } from './case-evidence.ts';
import { caseInFrench } from './case-french.ts';
import type { Reidentification } from './case-reidentification.ts';
import { caseSight } from './case-sight.ts';
import type { CaseStatus, StatusChange } from './case-status.ts';
import type { CaseViewer } from './case-viewer.ts';
import type { CaseRow, CaseSummaryRow } from './cases.repository.ts';

export interface CaseSummary {
  id: string;
  run_id: string;
  subject_kind: 'person' | 'household' | 'tenancy';
  subject_pseudo: string;
  household_pseudo: string | null;
  benefit: string;
  variant: string | null;
  rule: string;
  rule_version: string;
  confidence: 'high' | 'medium' | 'low';
  estimated_amount: number | null;
  commune: string | null;
  status: CaseStatus;
  source_partners: string[];
  /** The kinds of partner whose data the case's rules read. */
  rests_on: string[];
  /** The amount, the computation and what they were computed from are not shown: not all the viewer's. */
  withheld: boolean;
  created_at: Date;
  expires_at: Date;
  /** The French words of the codes above, for a person (@nonrecours/french). */
  benefit_label: string;
  variant_label: string | null;
  rule_label: string;
  confidence_label: string;
  status_label: string;
  /** « Rennes (35238) »; null when the commune is. */
  commune_label: string | null;
}

/** A change as shown: with the names of the account and organisation (null for a command). */
export type NamedStatusChange = StatusChange & {
  actor_name: string | null;
  organisation_name: string | null;
};

export interface CaseDetail extends CaseSummary {
  /** Null for partners. */
  status_history: NamedStatusChange[] | null;
  evidence: CaseEvidenceView;
  plain_french: string[];
  /** The partners that can re-identify the person, from which extract (a partner: its own only). */
  reidentification: Reidentification[];
}

export function caseSummary(row: CaseSummaryRow, viewer: CaseViewer): CaseSummary {
  const sight = caseSight(viewer, row);
  return {
    id: row.id,
    run_id: row.run_id,
    subject_kind: row.subject_kind,
    subject_pseudo: row.subject_pseudo,
    household_pseudo: sight.placement ? row.household_pseudo : null,
    benefit: row.benefit,
    variant: sight.computation ? row.variant : null,
    rule: row.rule,
    rule_version: row.rule_version,
    confidence: row.confidence,
    estimated_amount: sight.computation ? row.estimated_amount : null,
    commune: sight.placement ? row.commune : null,
    status: row.status as CaseStatus,
    source_partners:
      sight.inputsOf === null ? row.source_partners : row.source_partners.filter((p) => p === sight.inputsOf),
    rests_on: row.input_kinds,
    withheld: !sight.computation,
    created_at: row.created_at,
    expires_at: row.expires_at,
    benefit_label: label(benefitLabels, row.benefit),
    variant_label: sight.computation && row.variant ? label(variantLabels, row.variant) : null,
    rule_label: label(ruleLabels, row.rule),
    confidence_label: label(confidenceLabels, row.confidence),
    status_label: label(outcomeLabels, row.status),
    commune_label: sight.placement && row.commune ? communeLabel(row.commune) : null,
  };
}

export function caseDetail(row: CaseRow, viewer: CaseViewer): CaseDetail {
  const summary = caseSummary(row, viewer);
  const evidence = caseEvidenceView(row.evidence, caseSight(viewer, row));
  return {
    ...summary,
    status_history:
      viewer.role === 'territory'
        ? (row.status_history as StatusChange[]).map((h) => ({
            ...h,
            actor_name: null,
            organisation_name: null,
          }))
        : null,
    evidence,
    plain_french: caseInFrench({ ...summary, evidence }),
    reidentification: [],
  };
}
