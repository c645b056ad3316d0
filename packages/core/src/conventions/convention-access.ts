// Decides whether a principal may act on a convention in one of the given roles. A convention the
// caller is not a member of answers like a missing one, so nobody learns which conventions exist.
import type { Convention, ConventionMember, Db, MemberRole } from '@nonrecours/db';
import type { Principal } from '../auth/principal.ts';
import { forbidden, notFound } from '../errors.ts';

export interface ConventionAccess {
  convention: Convention;
  member: ConventionMember;
  role: MemberRole;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function resolveConventionAccess(
  db: Db,
  principal: Principal,
  conventionId: string,
  allowed: readonly MemberRole[],
  options: { requireActive?: boolean; on?: string } = {},
): Promise<ConventionAccess> {
  const row = await db
    .selectFrom('conventions as c')
    .innerJoin('convention_members as m', (join) =>
      join.onRef('m.convention_id', '=', 'c.id').on('m.partner_id', '=', principal.partnerId),
    )
    .selectAll('c')
    .select(['m.partner_id', 'm.roles', 'm.provides'])
    .where('c.id', '=', conventionId)
    .executeTakeFirst();
  if (!row || principal.role === 'admin') throw notFound('convention');
  const { partner_id, roles, provides, ...convention } = row;
  const role = principal.role;
  if (!allowed.includes(role) || !roles.includes(role)) {
    throw forbidden('forbidden', `the ${role} role may not do this on this convention`);
  }
  const on = options.on ?? today();
  if (
    (options.requireActive ?? true) &&
    (convention.status !== 'active' || on < convention.valid_from || on > convention.valid_until)
  ) {
    throw forbidden(
      'convention_not_active',
      'the convention is not active or not within its validity period',
    );
  }
  return { convention, member: { convention_id: conventionId, partner_id, roles, provides }, role };
}
