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
  refusal: { code: string; message: string } | null;
  received_at: string;
  finished_at: string | null;
  expires_at: string;
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
  by_commune: { commune: string; presumed: StatCell }[];
}
