// The API's answers as the console reads them (JSON: dates are strings). The API's zod schemas are
// the contract; these name only the fields the pages use.

export interface ConventionView {
  id: string;
  reference: string;
  title: string;
  territory: string[];
  legal_basis: string;
  purpose: string;
  status: string;
  valid_from: string;
  valid_until: string;
  retention_days: number;
  rule_pack: string;
  roles: string[];
  provides: string[];
}

export interface ExtractView {
  id: string;
  partner_id: string;
  kind: string;
  schema: string;
  reference_month: string;
  status: string;
  current: boolean;
  row_count: number | null;
  valid_count: number | null;
  error_count: number | null;
  bytes: number | null;
  sha256: string | null;
  refusal: { code: string; message: string; details?: Record<string, unknown> } | null;
  received_at: string;
  finished_at: string | null;
  expires_at: string;
}

/** The answer of an upload with `dry_run=true`. */
export interface ExtractCheckView {
  verdict: 'accepted' | 'rejected';
  refusal: { code: string; message: string; details?: Record<string, unknown> } | null;
  row_count: number;
  valid_count: number;
  error_count: number;
  errors: { line: number; column: string | null; code: string }[];
}

export interface ExtractErrorsView {
  error_count: number | null;
  items: { line: number; column: string | null; code: string }[];
  next_cursor: number | null;
}

export interface RunStageView {
  stage: string;
  status: string;
  done?: number;
  total?: number;
}

export interface RunView {
  id: string;
  status: string;
  rule_pack: string;
  as_of: string | null;
  stages: RunStageView[];
  extracts: { id: string; kind: string; partner_id: string; reference_month: string; rows: number }[];
  report: Record<string, unknown>;
  error: string | null;
  started_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface StatCell {
  value: number | null;
  suppressed: boolean;
}

interface FollowUpRow {
  presumed: StatCell;
  verified: StatCell;
  verified_share: number | null;
  outcomes: Record<string, StatCell>;
  rights_opened_amount: StatCell;
}

export interface StatsView {
  run: { id: string; as_of: string | null; finished_at: string | null };
  min_shown_count: number;
  overall: FollowUpRow;
  by_benefit: (FollowUpRow & { benefit: string })[];
  by_commune: { commune: string; commune_label: string; presumed: StatCell }[];
  series: StatsMonthView[];
}

export interface SeriesFiguresView {
  presumed: StatCell;
  contacted: StatCell;
  declared_opened: StatCell;
  taken_up: StatCell;
  taken_up_contacted: StatCell;
  taken_up_not_contacted: StatCell;
  taken_up_amount: StatCell;
  median_months_to_take_up: StatCell;
}

export interface StatsMonthView {
  month: string;
  run_id: string;
  overall: SeriesFiguresView;
  by_benefit: (SeriesFiguresView & { benefit: string })[];
}

export interface AuditEventView {
  seq: number;
  at: string;
  actor: string | null;
  actor_name: string | null;
  org: string | null;
  org_name: string | null;
  role: string | null;
  convention_id: string | null;
  action: string;
  target: string | null;
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failed';
  status_code: number | null;
  record_count: number | null;
}

export interface VerificationView {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  first_broken: { seq: number; reason: string } | null;
  checkpoints?: {
    ok: boolean;
    checked: number;
    latest_verified: { id: number; seq: number; at: string } | null;
    first_mismatch: { id: number; seq: number | null; at: string | null; reason: string } | null;
  };
  reason?: string | null;
  freshness?: {
    ok: boolean;
    reason: string | null;
    unvouched: number;
    newest_checkpoint_age_seconds: number | null;
    period_seconds: number;
  };
}

/** The record of processing (GDPR art. 30) of a convention; its generated sentences are in English. */
export interface RecordView {
  generated_at: string;
  parties: { name: string; kind: string; siret: string | null; roles: string[]; provides: string[] }[];
  purposes: { stated: string; statements: string[] };
  legal_basis: { stated: string; gdpr: string[] };
  data_subjects: { kind: string; description: string; provided_by: string[] }[];
  personal_data: {
    kind: string;
    schema: string;
    provided_by: string[];
    columns: {
      name: string;
      required: boolean;
      category: string;
      description: string;
      special_category: boolean;
    }[];
  }[];
  special_categories: { present: boolean; columns: string[]; note: string };
  recipients: { role: string; access: string; members: string[] }[];
  transfers: { outside_eu: boolean; note: string };
  retention: { retention_days: number; extracts: string; cases: string; audit_trail: string };
  security_measures: string[];
  dpia: { required: boolean; note: string };
  to_complete: string[];
}

export interface CaseSummaryView {
  id: string;
  run_id: string;
  subject_kind: string;
  benefit: string;
  variant: string | null;
  rule: string;
  rule_version: string;
  confidence: string;
  estimated_amount: number | null;
  commune: string | null;
  status: string;
  rests_on: string[];
  withheld: boolean;
  created_at: string;
}

interface EvidenceView {
  rule: { id: string; version: string };
  as_of: string;
  parameters: {
    name: string;
    label: string;
    unit: string;
    value: number;
    effective_from: string;
    reference: { title: string; href: string | null };
  }[];
  inputs: {
    column: string;
    value: string | number | boolean | null;
    kind: string;
    reference_month: string;
    link: string;
  }[];
  inputs_withheld: boolean;
}

export interface CaseDetailView extends CaseSummaryView {
  status_history:
    | {
        status: string;
        at: string;
        actor: string;
        actor_name: string | null;
        organisation: string;
        organisation_name: string | null;
        correction?: { previous: string; reason: string };
      }[]
    | null;
  reidentification: {
    partner_id: string;
    partner_name: string;
    kind: string;
    extract_id: string;
    reference_month: string;
    profile: boolean;
  }[];
  evidence: EvidenceView & { supporting: { rule: { id: string }; evidence: EvidenceView }[] };
  plain_french: string[];
}
