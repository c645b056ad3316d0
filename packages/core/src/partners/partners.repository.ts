// Partners: the bodies that sign conventions (CAF, CPAM, MSA, CARSAT, landlords, territories).
import type { Db, NewPartner, Partner } from '@nonrecours/db';

export function insertPartner(db: Db, values: NewPartner): Promise<Partner> {
  return db.insertInto('partners').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findPartner(db: Db, id: string): Promise<Partner | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPartners(db: Db): Promise<Partner[]> {
  return db.selectFrom('partners').selectAll().orderBy('name').execute();
}
