// The commune a person typed in a filter, by INSEE code or by name, as the INSEE code the API filters
// on. A name several communes bear is looked for among the convention's own communes first.
import type { FastifyRequest } from 'fastify';
import type { ApiClient } from './api-client.ts';
import type { ConventionView } from './api-views.ts';
import { communeLabel, findCommune } from './wording.ts';

export type CommuneFilter = { code: string } | { error: string };

export async function communeFilter(
  api: ApiClient,
  request: FastifyRequest,
  conventionId: string,
  typed: string,
): Promise<CommuneFilter> {
  let found = findCommune(typed);
  if (found.found === 'several') {
    const { items } = await api.json<{ items: ConventionView[] }>(
      request,
      request.consoleSession!.account,
      '/v1/conventions',
    );
    const territory = items.find((c) => c.id === conventionId)?.territory ?? [];
    found = findCommune(typed, territory);
  }
  switch (found.found) {
    case 'code':
      return { code: found.code };
    case 'none':
      return {
        error: `Aucune commune ne s’appelle « ${typed.trim()} » : saisissez son nom ou son code INSEE.`,
      };
    case 'several':
      return {
        error: `Plusieurs communes s’appellent « ${typed.trim()} » : ${found.codes
          .slice(0, 6)
          .map(communeLabel)
          .join(', ')}${found.codes.length > 6 ? '…' : ''}. Saisissez son code INSEE.`,
      };
  }
}
