// Table types for Kysely, one interface per table; Selectable/Insertable/Updateable derive the rest.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const partnerKinds = [
  'caf',
  'cpam',
  'msa',
  'carsat',
  'landlord',
  'territory',
  'operator',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const conventionStatuses = ['draft', 'active', 'suspended', 'ended'] as const;
export type ConventionStatus = (typeof conventionStatuses)[number];
export const memberRoles = ['partner', 'territory', 'dpo'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const clientRoles = [...memberRoles, 'admin'] as const;
export type ClientRole = (typeof clientRoles)[number];

export interface PartnersTable {
  id: Generated<string>;
  name: string;
  kind: PartnerKind;
  siret: string | null;
  created_at: CreatedAt;
}

export interface ConventionsTable {
  id: Generated<string>;
  reference: string;
  title: string;
  territory: string[];
  legal_basis: string;
  purpose: string;
  status: ColumnType<ConventionStatus, ConventionStatus | undefined, ConventionStatus>;
  valid_from: string;
  valid_until: string;
  retention_days: number;
  max_error_rate: ColumnType<number, number | undefined, number>;
  key_check_value: string | null;
  key_version: ColumnType<number, number | undefined, number>;
  rule_pack: ColumnType<string, string | undefined, string>;
  dice_threshold: ColumnType<number, number | undefined, number>;
  /** How tenants exact linkage left out are linked (migration 2026-12-02T1550). */
  linkage_method: ColumnType<LinkageMethod, LinkageMethod | undefined, LinkageMethod>;
  /** The probabilistic method's weight threshold; null: the one each run estimates. */
  link_weight_threshold: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ConventionMembersTable {
  convention_id: string;
  partner_id: string;
  roles: MemberRole[];
  provides: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ApiClientsTable {
  id: Generated<string>;
  partner_id: string;
  name: string;
  role: ClientRole;
  secret_hash: string;
  status: ColumnType<'active' | 'revoked', 'active' | 'revoked' | undefined, 'active' | 'revoked'>;
  created_at: CreatedAt;
  revoked_at: Date | null;
  /** Each audited response to this client carries a signed receipt of its event (migration 2026-12-02T1310). */
  audit_receipts: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AuditEventsTable {
  seq: number;
  at: Date;
  actor: string | null;
  org: string | null;
  role: string | null;
  convention_id: string | null;
  action: string;
  target: string | null;
  purpose: string | null;
  request_id: string | null;
  ip: string | null;
  outcome: 'success' | 'denied' | 'failed';
  status_code: number | null;
  record_count: number | null;
  details: ColumnType<unknown, string | null, never>;
  prev_hash: string;
  hash: string;
}

export const extractStatuses = [
  'receiving',
  'accepted',
  'rejected',
  'failed',
  'withdrawn',
  'purged',
] as const;
export type ExtractStatus = (typeof extractStatuses)[number];

export interface ExtractsTable {
  id: Generated<string>;
  convention_id: string;
  partner_id: string;
  kind: string;
  schema: string;
  reference_month: string;
  key_version: number;
  status: ColumnType<ExtractStatus, ExtractStatus | undefined, ExtractStatus>;
  superseded_by: string | null;
  row_count: number | null;
  valid_count: number | null;
  error_count: number | null;
  bytes: number | null;
  sha256: string | null;
  idempotency_key: string | null;
  uploaded_by: string;
  refusal_code: string | null;
  refusal_message: string | null;
  /** Line, column or header columns of the refusal (migration 2026-12-02T1510). */
  refusal_details: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  received_at: CreatedAt;
  finished_at: Date | null;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  withdrawn_at: Date | null;
  purged_at: Date | null;
}

export interface ExtractErrorsTable {
  extract_id: string;
  ordinal: number;
  line: number;
  column_name: string | null;
  code: string;
}

export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const runStages = ['select', 'link', 'evaluate', 'finalise'] as const;
export type RunStage = (typeof runStages)[number];
type Json = ColumnType<unknown, string, string>;

export const linkageMethods = ['dice', 'probabilistic'] as const;
export type LinkageMethod = (typeof linkageMethods)[number];

export interface RunsTable {
  id: Generated<string>;
  convention_id: string;
  rule_pack: string;
  as_of: string | null;
  dice_threshold: number;
  linkage_method: ColumnType<LinkageMethod, LinkageMethod | undefined, LinkageMethod>;
  link_weight_threshold: ColumnType<number | null, number | null | undefined, number | null>;
  partitions: number;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  stage: RunStage | null;
  extracts: ColumnType<unknown, string | undefined, string>;
  report: ColumnType<unknown, string | undefined, string>;
  warnings: ColumnType<unknown, string | undefined, string>;
  error: string | null;
  started_by: string;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface RunPartitionsTable {
  run_id: string;
  part: number;
  status: ColumnType<'pending' | 'done', 'pending' | 'done' | undefined, 'pending' | 'done'>;
  profiles: number | null;
  cases: number | null;
  finished_at: Date | null;
}

export interface RunStageCountsTable {
  run_id: string;
  relation: 'family' | 'retirees' | 'tenants';
  rows: number;
  recorded_at: CreatedAt;
}

export interface CasesTable {
  id: Generated<string>;
  run_id: string;
  convention_id: string;
  part: number;
  subject_kind: 'person' | 'household' | 'tenancy';
  subject_pseudo: string;
  household_pseudo: string | null;
  pseudonyms: string[];
  benefit: string;
  variant: string | null;
  rule: string;
  rule_version: string;
  confidence: 'high' | 'medium' | 'low';
  estimated_amount: number | null;
  commune: string;
  source_partners: string[];
  source_extracts: string[];
  evidence: Json;
  /**
   * Whose values the rules read: written by the publishing run, else derived from the evidence by the
   * database (migrations 2026-12-02T1300 and T1400).
   */
  input_partners: ColumnType<string[], string[] | undefined, never>;
  /** Idem: the kinds of those partners' extracts. */
  input_kinds: ColumnType<string[], string[] | undefined, never>;
  /** Idem: the one partner whose values the rules read, if there is one. */
  sole_input_partner: ColumnType<string | null, string | null | undefined, never>;
  status: ColumnType<string, string | undefined, string>;
  status_history: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  /** A case kept open, unchanged, while its subject is absent from the run's extracts. */
  subject_absent: ColumnType<boolean, boolean | undefined, boolean>;
  status_changed_at: Date | null;
  /** The as_of month (first day) of the run that first presumed the case. */
  first_month: string | null;
}

export const observedOutcomes = ['taken_up', 'no_longer_presumed'] as const;
export type ObservedOutcome = (typeof observedOutcomes)[number];

/** What the next run's extracts showed of a case it did not presume again (migration 2026-12-02T0900). */
export interface CaseObservationsTable {
  case_id: string;
  /** The run of the case closed (cases are partitioned by run). */
  case_run_id: string;
  /** The run whose extracts showed it. */
  run_id: string;
  convention_id: string;
  outcome: ObservedOutcome;
  /** The observing run's as_of, the first month it was seen. */
  month: string;
}

export interface OppositionsTable {
  convention_id: string;
  pseudonym: string;
  registered_at: CreatedAt;
  registered_by: string;
}

export interface Database {
  partners: PartnersTable;
  conventions: ConventionsTable;
  convention_members: ConventionMembersTable;
  api_clients: ApiClientsTable;
  audit_events: AuditEventsTable;
  extracts: ExtractsTable;
  extract_errors: ExtractErrorsTable;
  runs: RunsTable;
  run_partitions: RunPartitionsTable;
  run_stage_counts: RunStageCountsTable;
  cases: CasesTable;
  case_observations: CaseObservationsTable;
  oppositions: OppositionsTable;
}

export type Partner = Selectable<PartnersTable>;
export type NewPartner = Insertable<PartnersTable>;
export type Convention = Selectable<ConventionsTable>;
export type NewConvention = Insertable<ConventionsTable>;
export type ConventionUpdate = Updateable<ConventionsTable>;
export type ConventionMember = Selectable<ConventionMembersTable>;
export type ApiClient = Selectable<ApiClientsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type Extract = Selectable<ExtractsTable>;
export type NewExtract = Insertable<ExtractsTable>;
export type ExtractError = Selectable<ExtractErrorsTable>;
export type Run = Selectable<RunsTable>;
export type Case = Selectable<CasesTable>;

/**
 * The pseudonyms each audited request disclosed (GDPR art. 15), written with its audit event: one row
 * per event, or per part of a large export's.
 */
export interface AuditDisclosuresTable {
  seq: number;
  part: Generated<number>;
  pseudonyms: string[];
}
/** The head of the audit chain: one row, locked by each append (migration 2026-11-27T1320). */
export interface AuditChainHeadTable {
  one: Generated<boolean>;
  seq: number;
  hash: string;
}
export interface Database {
  audit_disclosures: AuditDisclosuresTable;
  audit_chain_head: AuditChainHeadTable;
}

export const campaignChannels = [
  'courrier',
  'appel',
  'sms',
  'porte_a_porte',
  'bailleur',
  'permanence',
] as const;
export type CampaignChannel = (typeof campaignChannels)[number];
export const campaignArms = ['contact', 'comparison'] as const;
export type CampaignArm = (typeof campaignArms)[number];
export const campaignContacts = ['contacted', 'unreachable'] as const;
export type CampaignContact = (typeof campaignContacts)[number];

/** An outreach campaign over a frozen cohort (migration 2026-12-02T1600). */
export interface CampaignsTable {
  id: Generated<string>;
  convention_id: string;
  name: string;
  benefit: string;
  filter: Json;
  channel: CampaignChannel;
  contacting_partner_id: string;
  starts_on: string;
  ends_on: string;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  run_id: string | null;
  as_of: string;
  comparison_share: ColumnType<number | null, number | null | undefined, never>;
  comparison_until: string | null;
  seed: string | null;
  cohort_size: number;
  created_by: string;
  created_at: CreatedAt;
  closed_at: Date | null;
}

export interface CampaignMembersTable {
  campaign_id: string;
  convention_id: string;
  case_id: string;
  subject_kind: 'person' | 'household' | 'tenancy';
  subject_pseudo: string;
  household_pseudo: string | null;
  pseudonyms: string[];
  benefit: string;
  rule: string;
  confidence: string;
  estimated_amount: number | null;
  sole_input_partner: ColumnType<string | null, string | null | undefined, never>;
  commune: string;
  status: string;
  first_month: string | null;
  arm: CampaignArm;
  open: ColumnType<boolean, boolean | undefined, boolean>;
  contact: CampaignContact | null;
  contacted_at: Date | null;
  observed_outcome: ObservedOutcome | null;
  observed_month: string | null;
  observed_case_id: string | null;
}

export type Campaign = Selectable<CampaignsTable>;
export type CampaignMember = Selectable<CampaignMembersTable>;

export interface Database {
  campaigns: CampaignsTable;
  campaign_members: CampaignMembersTable;
}
