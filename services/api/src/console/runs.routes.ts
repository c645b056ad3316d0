// A run's page: its stages and their progress, refreshed live by the page script from a small JSON
// view of the same API answer (or every few seconds by the browser without the script), then the
// cases it published.
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from './api-client.ts';
import type { RunStageView, RunView } from './api-views.ts';
import { table } from './components.ts';
import { casesOf, runBadge } from './dashboard.routes.ts';
import { html } from './html.ts';
import { sendPage } from './render.ts';
import {
  benefitLabels,
  formatCount,
  formatDateTime,
  label,
  ofMonth,
  runStatusLabels,
  stageLabels,
  stageStatusLabels,
} from './wording.ts';

const finished = (status: string) => ['succeeded', 'failed', 'cancelled'].includes(status);

/** What the page script needs to redraw the progress. */
function progressOf(run: RunView) {
  return {
    status: run.status,
    statusLabel: label(runStatusLabels, run.status),
    finished: finished(run.status),
    stages: run.stages.map((s) => ({
      stage: s.stage,
      status: s.status,
      statusLabel: label(stageStatusLabels, s.status),
      done: s.done ?? null,
      total: s.total ?? null,
    })),
  };
}

function stageRow(s: RunStageView) {
  const hasProgress = s.total !== undefined && s.total > 0;
  return html`<li class="fr-mb-2w" data-stage="${s.stage}">
    <p class="fr-mb-1v"><span class="fr-text--bold">${label(stageLabels, s.stage)}</span> :
      <span data-stage-status>${label(stageStatusLabels, s.status)}</span>
      <span data-stage-count>${hasProgress ? ` (${formatCount(s.done)} sur ${formatCount(s.total)} partition${s.total === 1 ? '' : 's'})` : ''}</span></p>
    ${
      s.stage === 'evaluate'
        ? html`<progress class="console-progress" max="${s.total ?? 1}" value="${s.done ?? (s.status === 'done' ? 1 : 0)}"
            aria-label="Progression de l’application des règles"></progress>`
        : ''
    }
  </li>`;
}

export async function runsRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;

  app.get<{ Params: { cid: string; id: string } }>(
    '/conventions/:cid/traitements/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid, id } = request.params;
      const run = await api.json<RunView>(
        request,
        request.consoleSession!.account,
        `/v1/conventions/${cid}/runs/${id}`,
      );
      const title = `Traitement du ${formatDateTime(run.created_at)}`;
      const byBenefit = Object.entries(
        (run.report.cases as { by_benefit?: Record<string, number> } | undefined)?.by_benefit ?? {},
      );
      return sendPage(request, reply, {
        title,
        section: 'conventions',
        refreshSeconds: finished(run.status) ? undefined : 5,
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Tableau de bord', href: `/console/conventions/${cid}` },
          { label: title },
        ],
        main: html`<h1>${title}</h1>
          <p><span data-run-status>${runBadge(run.status)}</span> Règles ${run.rule_pack}${run.as_of ? ` appliquées à la situation ${ofMonth(run.as_of)}` : ''}.</p>
          <section ${finished(run.status) ? '' : html`data-run-progress="/console/conventions/${cid}/traitements/${id}/etat"`} aria-labelledby="titre-etapes">
            <h2 id="titre-etapes">Étapes</h2>
            <ol class="fr-pl-2w" aria-live="polite">${run.stages.map(stageRow)}</ol>
          </section>
          ${run.status === 'failed' ? html`<div class="fr-alert fr-alert--error fr-mb-3w"><h2 class="fr-alert__title">Le traitement a échoué</h2><p>${run.error ?? ''}</p></div>` : ''}
          ${
            run.status === 'succeeded'
              ? html`<h2>Résultat</h2>
                <p class="fr-text--lead">${formatCount(casesOf(run))} cas présumés publiés.</p>
                ${table(
                  'Cas présumés par prestation',
                  [
                    { label: 'Prestation', cell: (r: [string, number]) => label(benefitLabels, r[0]) },
                    { label: 'Cas présumés', cell: (r) => formatCount(r[1]), numeric: true },
                  ],
                  byBenefit,
                )}
                <a class="fr-btn" href="/console/conventions/${cid}/cas">Voir les cas</a>`
              : ''
          }`,
      });
    },
  );

  app.get<{ Params: { cid: string; id: string } }>(
    '/conventions/:cid/traitements/:id/etat',
    { config: { consoleJson: true }, schema: { hide: true } },
    async (request, reply) => {
      const { cid, id } = request.params;
      const run = await api.json<RunView>(
        request,
        request.consoleSession!.account,
        `/v1/conventions/${cid}/runs/${id}`,
      );
      return reply.header('cache-control', 'no-store').send(progressOf(run));
    },
  );
}
