// Conventions and their members: the data-sharing agreements that scope every access.
import type { Convention, ConventionMember, ConventionUpdate, Db, NewConvention } from '@nonrecours/db';
import { sql } from 'kysely';

export function insertConvention(db: Db, values: NewConvention): Promise<Convention> {
  return db.insertInto('conventions').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findConvention(db: Db, id: string): Promise<Convention | undefined> {
  return db.selectFrom('conventions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findConventionByReference(db: Db, reference: string): Promise<Convention | undefined> {
  return db.selectFrom('conventions').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function listConventions(db: Db): Promise<Convention[]> {
  return db.selectFrom('conventions').selectAll().orderBy('created_at').execute();
}

export function updateConvention(
  db: Db,
  id: string,
  values: ConventionUpdate,
): Promise<Convention | undefined> {
  return db
    .updateTable('conventions')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** The conventions a partner belongs to, with its roles in each. */
export function listMemberships(db: Db, partnerId: string) {
  return db
    .selectFrom('convention_members as m')
    .innerJoin('conventions as c', 'c.id', 'm.convention_id')
    .selectAll('c')
    .select(['m.roles', 'm.provides'])
    .where('m.partner_id', '=', partnerId)
    .orderBy('c.created_at')
    .execute();
}

export function findMember(
  db: Db,
  conventionId: string,
  partnerId: string,
): Promise<ConventionMember | undefined> {
  return db
    .selectFrom('convention_members')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
}

export function listMembers(db: Db, conventionId: string): Promise<ConventionMember[]> {
  return db.selectFrom('convention_members').selectAll().where('convention_id', '=', conventionId).execute();
}

/** The organisations of a convention in the role `partner`, with their names, by name. */
export function listConventionPartners(db: Db, conventionId: string) {
  return db
    .selectFrom('convention_members as m')
    .innerJoin('partners as p', 'p.id', 'm.partner_id')
    .select(['p.id as partner_id', 'p.name', 'p.kind', 'm.provides'])
    .where('m.convention_id', '=', conventionId)
    .where(sql<boolean>`'partner' = any(m.roles)`)
    .orderBy('p.name')
    .execute();
}

export function upsertMember(db: Db, member: ConventionMember): Promise<ConventionMember> {
  return db
    .insertInto('convention_members')
    .values(member)
    .onConflict((oc) =>
      oc
        .columns(['convention_id', 'partner_id'])
        .doUpdateSet({ roles: member.roles, provides: member.provides }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteMember(db: Db, conventionId: string, partnerId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('convention_members')
    .where('convention_id', '=', conventionId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
