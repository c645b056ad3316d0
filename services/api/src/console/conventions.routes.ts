// The conventions of the signed-in account's organisation where it holds the account's role, and
// the home page of one convention, which depends on that role.
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from './api-client.ts';
import type { ConventionView } from './api-views.ts';
import { badge, table } from './components.ts';
import { territoryDashboard } from './dashboard.routes.ts';
import { partnerHome } from './extracts.routes.ts';
import { html } from './html.ts';
import { dpoConventionPage } from './record.routes.ts';
import { sendPage } from './render.ts';
import { communeLabel, conventionStatusLabels, formatDate, label, que, roleLabels } from './wording.ts';

export async function conventionsRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;

  app.get('/conventions', { schema: { hide: true } }, async (request, reply) => {
    const { account } = request.consoleSession!;
    const { items } = await api.json<{ items: ConventionView[] }>(request, account, '/v1/conventions');
    const mine = items.filter((c) => c.roles.includes(account.role));
    return sendPage(request, reply, {
      title: 'Mes conventions',
      section: 'conventions',
      main: html`<h1>Mes conventions</h1>
        <p class="fr-text--lead">Les conventions où votre organisme intervient en tant ${que(label(roleLabels, account.role).toLowerCase())}.</p>
        ${table(
          'Conventions',
          [
            {
              label: 'Convention',
              cell: (c: ConventionView) =>
                html`<a href="/console/conventions/${c.id}">${c.reference}</a><br><span class="fr-text--sm">${c.title}</span>`,
            },
            {
              label: 'Statut',
              cell: (c) =>
                badge(label(conventionStatusLabels, c.status), c.status === 'active' ? 'success' : 'warning'),
            },
            {
              label: 'Validité',
              cell: (c) => `du ${formatDate(c.valid_from)} au ${formatDate(c.valid_until)}`,
            },
            { label: 'Communes', cell: (c) => c.territory.map(communeLabel).join(', ') },
          ],
          mine,
          'votre organisme n’est membre d’aucune convention avec ce rôle.',
        )}`,
    });
  });

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid',
    { schema: { hide: true } },
    async (request, reply) => {
      const { account } = request.consoleSession!;
      const convention = await api.json<ConventionView>(
        request,
        account,
        `/v1/conventions/${request.params.cid}`,
      );
      if (account.role === 'partner') return partnerHome(api, request, reply, convention);
      if (account.role === 'territory') return territoryDashboard(api, request, reply, convention);
      return dpoConventionPage(api, request, reply, convention);
    },
  );
}
