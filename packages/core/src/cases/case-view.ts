// A case as a viewer receives it. A partner gets the household pseudonym only of households from its
// own extracts, only itself among the source partners, and not the follow-up history (who in the
// territory team did what).
import type { CaseEvidenceView } from './case-evidence.ts';
import { caseEvidenceView } from './case-evidence.ts';
import { caseInFrench } from './case-french.ts';
import type { CaseStatus, StatusChange } from './case-status.ts';
import { type CaseViewer, householdVisible } from './case-viewer.ts';
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
  commune: string;
  status: CaseStatus;
  source_partners: string[];
  created_at: Date;
  expires_at: Date;
}

export interface CaseDetail extends CaseSummary {
  /** Null for partners. */
  status_history: StatusChange[] | null;
  evidence: CaseEvidenceView;
  plain_french: string[];
}

export function caseSummary(row: CaseSummaryRow, viewer: CaseViewer): CaseSummary {
  return {
    id: row.id,
    run_id: row.run_id,
    subject_kind: row.subject_kind,
    subject_pseudo: row.subject_pseudo,
    household_pseudo: householdVisible(viewer, row.source_extracts) ? row.household_pseudo : null,
    benefit: row.benefit,
    variant: row.variant,
    rule: row.rule,
    rule_version: row.rule_version,
    confidence: row.confidence,
    estimated_amount: row.estimated_amount,
    commune: row.commune,
    status: row.status as CaseStatus,
    source_partners:
      viewer.role === 'territory'
        ? row.source_partners
        : row.source_partners.filter((p) => p === viewer.partnerId),
    created_at: row.created_at,
    expires_at: row.expires_at,
  };
}

export function caseDetail(row: CaseRow, viewer: CaseViewer): CaseDetail {
  const summary = caseSummary(row, viewer);
  const evidence = caseEvidenceView(row.evidence, viewer);
  return {
    ...summary,
    status_history: viewer.role === 'territory' ? (row.status_history as StatusChange[]) : null,
    evidence,
    plain_french: caseInFrench({ ...summary, evidence }),
  };
}
