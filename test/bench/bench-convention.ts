// The convention of a matching benchmark: its key registered, one partner per extract kind and a
// territory team, each with an API client and a token from the running API.
import { cliActor, registerConventionKey } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { type ExtractKind, extractKinds } from '@nonrecours/pseudo';
import { addMember, makeClient, makeConvention, makePartner } from '../support/factories.ts';
import { clientToken } from '../support/http-client.ts';

export async function benchConvention(
  db: Db,
  apiUrl: string,
  kcv: string,
): Promise<{ conventionId: string; tokens: Record<ExtractKind | 'territory', string> }> {
  const convention = await makeConvention(db);
  await registerConventionKey(db, cliActor(), convention.id, kcv);
  const tokens = {} as Record<ExtractKind | 'territory', string>;
  for (const kind of extractKinds) {
    const org = await makePartner(db, kind);
    await addMember(db, convention.id, org.id, ['partner'], [kind]);
    tokens[kind] = await clientToken(apiUrl, await makeClient(db, org.id, 'partner'));
  }
  const team = await makePartner(db, 'territory');
  await addMember(db, convention.id, team.id, ['territory']);
  tokens.territory = await clientToken(apiUrl, await makeClient(db, team.id, 'territory'));
  return { conventionId: convention.id, tokens };
}
