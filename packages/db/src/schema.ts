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

export interface Database {
  partners: PartnersTable;
  conventions: ConventionsTable;
  convention_members: ConventionMembersTable;
  api_clients: ApiClientsTable;
  audit_events: AuditEventsTable;
}

export type Partner = Selectable<PartnersTable>;
export type NewPartner = Insertable<PartnersTable>;
export type Convention = Selectable<ConventionsTable>;
export type NewConvention = Insertable<ConventionsTable>;
export type ConventionUpdate = Updateable<ConventionsTable>;
export type ConventionMember = Selectable<ConventionMembersTable>;
export type ApiClient = Selectable<ApiClientsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
