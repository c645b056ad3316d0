// The cases of a convention for territory teams: the list of the latest published run with filters
// and sorting by estimated amount, a case with its evidence in plain French and the follow-up outcome
// buttons, and the CSV export (a partner gets the cases of its own people, for `nonrecours
// reidentify`), passed on from the API as it streams.
import { type CaseStatus, caseStatuses, caseTransitions } from '@nonrecours/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiClient } from './api-client.ts';
import type { CaseDetailView, CaseSummaryView } from './api-views.ts';
import { type Alert, badge, csrfField, input, select, table } from './components.ts';
import { html } from './html.ts';
import { csrfToken, sendDownload, sendPage } from './render.ts';
import {
  apiErrorMessage,
  benefitLabels,
  confidenceLabels,
  formatDateTime,
  formatEuros,
  formatInput,
  formatMonth,
  formatParameter,
  kindLabels,
  label,
  linkLabels,
  outcomeActions,
  outcomeLabels,
  subjectKindLabels,
  variantLabels,
} from './wording.ts';

/** What the need-to-know rule withholds from a partner (see the API's `withheld`). */
const notShared = 'non communiqué';
const restsOn = (c: CaseSummaryView) => c.rests_on.map((k) => label(kindLabels, k)).join(', ');

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .literal('')
    .transform(() => undefined)
    .or(schema.optional());

/** The list's filters as the form sends them; the API checks them again. */
const filtersSchema = z.object({
  benefit: optional(z.enum(['rsa', 'ppa', 'c2s', 'aspa', 'housing_aid'])),
  status: optional(z.enum(caseStatuses)),
  confidence: optional(z.enum(['high', 'medium', 'low'])),
  commune: optional(z.string().regex(/^(\d{5}|2[AB]\d{3})$/)),
  min_amount: optional(z.coerce.number().min(0).max(1_000_000)),
  sort: optional(z.enum(['amount', 'date'])),
});
type Filters = z.output<typeof filtersSchema>;

function queryOf(filters: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, String(v));
  return q;
}

const options = (labels: Record<string, string>, all: string) => [
  { value: '', label: all },
  ...Object.entries(labels).map(([value, l]) => ({ value, label: l })),
];

const statusTone = (status: string) =>
  status === 'rights_opened'
    ? 'success'
    : ['not_eligible', 'refused', 'already_covered'].includes(status)
      ? 'warning'
      : status === 'to_contact'
        ? 'new'
        : 'info';

export const statusBadge = (status: string) => badge(label(outcomeLabels, status), statusTone(status));

export async function casesRoutes(app: FastifyInstance, opts: { api: ApiClient }) {
  const { api } = opts;

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/cas',
    { schema: { hide: true } },
    async (request, reply) => {
      const { account } = request.consoleSession!;
      const { cid } = request.params;
      const parsed = filtersSchema.safeParse(request.query);
      const filters: Filters = parsed.success ? parsed.data : {};
      const query = queryOf(filters);
      const cursor = (request.query as { suite?: string }).suite;
      const apiQuery = new URLSearchParams(query);
      apiQuery.set('limit', '50');
      if (cursor) apiQuery.set('cursor', cursor);
      const page = await api.json<{
        run_id: string | null;
        items: CaseSummaryView[];
        next_cursor: string | null;
      }>(request, account, `/v1/conventions/${cid}/cases?${apiQuery}`);
      const base = `/console/conventions/${cid}`;
      const alerts: Alert[] = parsed.success
        ? []
        : [
            {
              tone: 'error',
              text: 'Certains filtres sont invalides : la commune est un code INSEE à 5 caractères, le montant un nombre positif.',
            },
          ];
      return sendPage(request, reply, {
        title: 'Cas présumés',
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Convention', href: base },
          { label: 'Cas présumés' },
        ],
        alerts,
        main: html`<h1>Cas présumés</h1>
        ${
          page.run_id
            ? html`<p class="fr-text--lead">Les cas du dernier traitement publié (<a href="${base}/traitements/${page.run_id}">voir le traitement</a>). Chaque cas est une présomption à vérifier avec la personne.</p>`
            : html`<p class="fr-text--lead">Aucun traitement publié pour le moment.</p>`
        }
        <form method="get" action="${base}/cas" class="fr-mb-4w">
          <fieldset class="fr-fieldset" aria-labelledby="titre-filtres">
            <legend class="fr-fieldset__legend" id="titre-filtres">Filtrer et trier les cas</legend>
            <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
              <div class="fr-col-12 fr-col-md-4">${select({ name: 'benefit', label: 'Prestation', value: filters.benefit, options: options(benefitLabels, 'Toutes') })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({ name: 'status', label: 'Suivi', value: filters.status, options: options(outcomeLabels, 'Tous') })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({ name: 'confidence', label: 'Confiance', value: filters.confidence, options: options(confidenceLabels, 'Toutes') })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'commune', label: 'Commune', hint: 'Code INSEE, par exemple 35238', value: filters.commune })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'min_amount', label: 'Montant estimé minimal', hint: 'En euros par mois', type: 'number', value: filters.min_amount?.toString(), attributes: html`min="0" step="1"` })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({
                name: 'sort',
                label: 'Trier par',
                value: filters.sort,
                options: [
                  { value: 'amount', label: 'Montant estimé, du plus élevé au plus faible' },
                  { value: 'date', label: 'Date, des plus récents aux plus anciens' },
                ],
              })}</div>
            </div></div>
            <div class="fr-fieldset__element">
              <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                <li><button class="fr-btn" type="submit">Appliquer</button></li>
                <li><a class="fr-btn fr-btn--tertiary" href="${base}/cas">Effacer les filtres</a></li>
                <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="${base}/cas.csv?${query}" download>Exporter ces cas (CSV)</a></li>
              </ul>
            </div>
          </fieldset>
        </form>
        ${table(
          'Cas présumés',
          [
            {
              label: 'Prestation',
              cell: (c: CaseSummaryView) =>
                html`<a href="${base}/cas/${c.id}">${label(benefitLabels, c.benefit)}${c.variant ? ` (${label(variantLabels, c.variant)})` : ''}</a>`,
            },
            { label: 'Règle', cell: (c) => html`<code>${c.rule}</code>` },
            { label: 'Sujet', cell: (c) => label(subjectKindLabels, c.subject_kind) },
            { label: 'Commune', cell: (c) => c.commune ?? notShared },
            {
              label: 'Montant estimé (par mois)',
              cell: (c) => (c.withheld ? notShared : formatEuros(c.estimated_amount)),
              numeric: true,
            },
            { label: 'Données de', cell: (c) => restsOn(c) },
            { label: 'Confiance', cell: (c) => label(confidenceLabels, c.confidence) },
            { label: 'Suivi', cell: (c) => statusBadge(c.status) },
          ],
          page.items,
          'aucun cas ne correspond à ces filtres sur cette page.',
        )}
        ${
          page.next_cursor
            ? html`<a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="${base}/cas?${query}${query.size ? '&' : ''}suite=${encodeURIComponent(page.next_cursor)}">Cas suivants</a>`
            : ''
        }`,
      });
    },
  );

  app.get<{ Params: { cid: string; id: string } }>(
    '/conventions/:cid/cas/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { account } = request.consoleSession!;
      const { cid, id } = request.params;
      const c = await api.json<CaseDetailView>(request, account, `/v1/conventions/${cid}/cases/${id}`);
      const base = `/console/conventions/${cid}`;
      const query = request.query as { enregistre?: string; erreur?: string };
      const alerts: Alert[] = [];
      if (query.enregistre)
        alerts.push({ tone: 'success', text: `Suivi enregistré : ${label(outcomeLabels, c.status)}.` });
      if (query.erreur)
        alerts.push({
          tone: 'error',
          title: 'Le suivi n’a pas été enregistré',
          text: apiErrorMessage(query.erreur),
        });
      const next = account.role === 'territory' ? (caseTransitions[c.status as CaseStatus] ?? []) : [];
      const title = `${label(benefitLabels, c.benefit)} — cas présumé`;
      return sendPage(request, reply, {
        title,
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Convention', href: base },
          { label: 'Cas présumés', href: `${base}/cas` },
          { label: title },
        ],
        alerts,
        main: html`<h1>${title}</h1>
        <p>${statusBadge(c.status)} Confiance ${label(confidenceLabels, c.confidence).toLowerCase()} · ${label(subjectKindLabels, c.subject_kind)} · commune ${c.commune ?? notShared} · ${c.withheld ? `montant ${notShared}` : `montant estimé ${formatEuros(c.estimated_amount)} par mois`} · données ${restsOn(c)}</p>

        <h2>Ce que dit le cas</h2>
        <div class="fr-callout fr-mb-4w">
          ${c.plain_french.map((line) => html`<p class="fr-callout__text fr-text--md fr-mb-2w">${line}</p>`)}
        </div>

        ${
          account.role === 'territory'
            ? html`<h2>Suivi</h2>
              ${
                next.length
                  ? html`<p>Enregistrez ce qui s’est passé avec la personne : seul le code de suivi est conservé, jamais de commentaire libre.</p>
                    <form method="post" action="${base}/cas/${c.id}/suivi">
                      ${csrfField(csrfToken(reply))}
                      <ul class="fr-btns-group fr-btns-group--inline-md">
                        ${next.map((s) => html`<li><button class="fr-btn fr-btn--secondary" type="submit" name="status" value="${s}">${label(outcomeActions, s)}</button></li>`)}
                      </ul>
                    </form>`
                  : html`<p>Ce suivi est terminé : ${label(outcomeLabels, c.status).toLowerCase()}.</p>`
              }
              ${table(
                'Historique du suivi',
                [
                  {
                    label: 'Date',
                    cell: (h: NonNullable<CaseDetailView['status_history']>[number]) => formatDateTime(h.at),
                  },
                  { label: 'Suivi', cell: (h) => label(outcomeLabels, h.status) },
                  { label: 'Par', cell: (h) => html`<span class="console-code">${h.actor}</span>` },
                ],
                c.status_history ?? [],
                'aucun suivi enregistré.',
              )}`
            : ''
        }

        <h2>Éléments de preuve</h2>
        <p>Règle <code>${c.rule}</code> version ${c.rule_version}, appliquée au mois de ${formatMonth(c.evidence.as_of)}.</p>
        ${table(
          'Paramètres légaux appliqués',
          [
            { label: 'Paramètre', cell: (p: CaseDetailView['evidence']['parameters'][number]) => p.label },
            { label: 'Valeur', cell: (p) => formatParameter(p.value, p.unit), numeric: true },
            { label: 'En vigueur depuis', cell: (p) => formatMonth(p.effective_from) },
            {
              label: 'Texte',
              cell: (p) =>
                p.reference.href
                  ? html`<a href="${p.reference.href}" target="_blank" rel="noopener" title="${p.reference.title} — nouvelle fenêtre">${p.reference.title}</a>`
                  : p.reference.title,
            },
          ],
          c.evidence.parameters,
        )}
        ${table(
          'Données utilisées',
          [
            {
              label: 'Donnée',
              cell: (i: CaseDetailView['evidence']['inputs'][number]) => html`<code>${i.column}</code>`,
            },
            { label: 'Valeur', cell: (i) => formatInput(i.value) },
            {
              label: 'Source',
              cell: (i) => `${label(kindLabels, i.kind)}, ${formatMonth(i.reference_month)}`,
            },
            { label: 'Rapprochement', cell: (i) => label(linkLabels, i.link) },
          ],
          c.evidence.inputs,
        )}
        ${c.evidence.inputs_withheld ? html`<p class="fr-text--sm">Des données d’autres organismes ont servi à ce cas ; elles ne vous sont pas montrées.</p>` : ''}`,
      });
    },
  );

  app.post<{ Params: { cid: string; id: string }; Body: { status?: string } }>(
    '/conventions/:cid/cas/:id/suivi',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid, id } = request.params;
      const page = `/console/conventions/${cid}/cas/${id}`;
      const answer = await api.send(request, request.consoleSession!.account, {
        method: 'PATCH',
        url: `/v1/conventions/${cid}/cases/${id}`,
        payload: { status: request.body?.status ?? '' },
      });
      if (answer.status === 200) return reply.redirect(`${page}?enregistre=1`, 303);
      const { code } = JSON.parse(answer.body) as { code?: string };
      return reply.redirect(`${page}?erreur=${encodeURIComponent(code ?? 'invalid_request')}`, 303);
    },
  );

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/cas.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const parsed = filtersSchema.safeParse(request.query);
      const download = await api.download(request, request.consoleSession!.account, {
        url: `/v1/conventions/${request.params.cid}/cases.csv?${queryOf(parsed.success ? parsed.data : {})}`,
      });
      return sendDownload(reply, download, 'cases.csv');
    },
  );
}
