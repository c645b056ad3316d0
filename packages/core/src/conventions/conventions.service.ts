// The convention lifecycle (draft → active ⇄ suspended → ended), its key check and its members,
// every change audited in its own transaction.
import type {
  Convention,
  ConventionMember,
  ConventionStatus,
  Db,
  MemberRole,
  NewConvention,
} from '@nonrecours/db';
import type { AuditActor } from '../audit/audit-actor.ts';
import { audited } from '../audit/audited.ts';
import { conflict, notFound } from '../errors.ts';
import { findPartner } from '../partners/partners.repository.ts';
import {
  deleteMember,
  findConvention,
  findConventionByReference,
  insertConvention,
  updateConvention,
  upsertMember,
} from './conventions.repository.ts';

const transitions: Record<ConventionStatus, readonly ConventionStatus[]> = {
  draft: ['active', 'ended'],
  active: ['suspended', 'ended'],
  suspended: ['active', 'ended'],
  ended: [],
};

const audit = (action: string, c: Convention, details?: Record<string, unknown>) => ({
  action,
  conventionId: c.id,
  target: `convention/${c.id}`,
  purpose: 'administration',
  details: details ?? null,
});

async function requireConvention(db: Db, id: string): Promise<Convention> {
  const convention = await findConvention(db, id);
  if (!convention) throw notFound('convention');
  return convention;
}

export function createConvention(db: Db, actor: AuditActor, values: NewConvention): Promise<Convention> {
  return audited(
    db,
    actor,
    async (trx) => {
      if (await findConventionByReference(trx, values.reference)) {
        throw conflict('reference_taken', `a convention with reference ${values.reference} exists`);
      }
      if (values.valid_until < values.valid_from) {
        throw conflict('invalid_validity', 'valid_until is before valid_from');
      }
      return insertConvention(trx, values);
    },
    (c) => audit('convention.create', c),
  );
}

export function changeConventionStatus(
  db: Db,
  actor: AuditActor,
  id: string,
  to: ConventionStatus,
): Promise<Convention> {
  return audited(
    db,
    actor,
    async (trx) => {
      const current = await requireConvention(trx, id);
      if (!transitions[current.status].includes(to)) {
        throw conflict('invalid_transition', `a ${current.status} convention cannot become ${to}`, {
          from: current.status,
          allowed: transitions[current.status],
        });
      }
      if (to === 'active' && !current.key_check_value) {
        throw conflict(
          'key_check_missing',
          'register the key check value of the convention key before activating it',
        );
      }
      return (await updateConvention(trx, id, { status: to }))!;
    },
    (c) =>
      audit(
        `convention.${c.status === 'active' ? 'activate' : c.status === 'suspended' ? 'suspend' : 'end'}`,
        c,
      ),
  );
}

/** Registers the key check value of a new convention key; extracts made with an older key stop matching. */
export function registerConventionKey(
  db: Db,
  actor: AuditActor,
  id: string,
  keyCheckValue: string,
): Promise<Convention> {
  return audited(
    db,
    actor,
    async (trx) => {
      const current = await requireConvention(trx, id);
      if (current.status === 'ended')
        throw conflict('convention_ended', 'an ended convention cannot change its key');
      return (await updateConvention(trx, id, {
        key_check_value: keyCheckValue,
        key_version: current.key_version + 1,
      }))!;
    },
    (c) => audit('convention.key', c, { key_version: c.key_version }),
  );
}

export function updateConventionSettings(
  db: Db,
  actor: AuditActor,
  id: string,
  values: Partial<
    Pick<
      Convention,
      | 'title'
      | 'territory'
      | 'legal_basis'
      | 'purpose'
      | 'valid_from'
      | 'valid_until'
      | 'retention_days'
      | 'max_error_rate'
      | 'dice_threshold'
      | 'linkage_method'
      | 'link_weight_threshold'
    >
  >,
): Promise<Convention> {
  return audited(
    db,
    actor,
    async (trx) => {
      const current = await requireConvention(trx, id);
      if (current.status === 'ended') throw conflict('convention_ended', 'an ended convention cannot change');
      const next = { ...current, ...values };
      if (next.valid_until < next.valid_from)
        throw conflict('invalid_validity', 'valid_until is before valid_from');
      return (await updateConvention(trx, id, values))!;
    },
    (c) => audit('convention.update', c, { fields: Object.keys(values) }),
  );
}

export function putConventionMember(
  db: Db,
  actor: AuditActor,
  member: { conventionId: string; partnerId: string; roles: MemberRole[]; provides: string[] },
): Promise<ConventionMember> {
  return audited(
    db,
    actor,
    async (trx) => {
      const convention = await requireConvention(trx, member.conventionId);
      if (convention.status === 'ended')
        throw conflict('convention_ended', 'an ended convention cannot change');
      if (!(await findPartner(trx, member.partnerId))) throw notFound('partner');
      return upsertMember(trx, {
        convention_id: member.conventionId,
        partner_id: member.partnerId,
        roles: member.roles,
        provides: member.provides,
      });
    },
    (m) => ({
      action: 'convention.member.put',
      conventionId: m.convention_id,
      target: `partner/${m.partner_id}`,
      purpose: 'administration',
      details: { roles: m.roles, provides: m.provides },
    }),
  );
}

export function removeConventionMember(
  db: Db,
  actor: AuditActor,
  conventionId: string,
  partnerId: string,
): Promise<void> {
  return audited(
    db,
    actor,
    async (trx) => {
      if (!(await deleteMember(trx, conventionId, partnerId))) throw notFound('member');
    },
    () => ({
      action: 'convention.member.remove',
      conventionId,
      target: `partner/${partnerId}`,
      purpose: 'administration',
    }),
  );
}
