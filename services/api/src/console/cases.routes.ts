// The cases of a convention for territory teams: the list of the latest published run with filters
// and sorting by estimated amount, a case with its evidence in plain French and the follow-up outcome
// buttons, and the CSV export (a partner gets the cases of its own people, for `nonrecours
// reidentify`), passed on from the API as it streams.
import { caseStatuses } from '@nonrecours/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiClient } from './api-client.ts';
import type { CaseDetailView, CaseSummaryView } from './api-views.ts';
import { followUpSection, referenceLine, reidentificationSection, toCheckSection } from './case-actions.ts';
import { communeFilter } from './commune-filter.ts';
import { type Alert, badge, input, pager, select, table } from './components.ts';
import { html } from './html.ts';
import { csrfToken, sendDownload, sendPage } from './render.ts';
import {
  apiErrorMessage,
  benefitLabels,
  capitalised,
  columnLabel,
  columnValue,
  communeLabel,
  confidenceLabels,
  formatDate,
  formatEuros,
  formatMonth,
  formatParameter,
  formatTotal,
  kindLabels,
  label,
  linkLabels,
  ofMonth,
  outcomeLabels,
  ruleLabels,
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
const filterFields = {
  benefit: optional(z.enum(['rsa', 'ppa', 'c2s', 'aspa', 'housing_aid'])),
  status: optional(z.enum(caseStatuses)),
  confidence: optional(z.enum(['high', 'medium', 'low'])),
  commune: optional(z.string().trim().min(1).max(100)),
  min_amount: optional(z.coerce.number().min(0).max(1_000_000)),
  sort: optional(z.enum(['amount', 'date'])),
};
type Filters = { [K in keyof typeof filterFields]?: z.output<(typeof filterFields)[K]> };

/** What to say beside a field whose value was refused. */
const filterErrors: Partial<Record<keyof Filters, string>> = {
  commune: 'Saisissez le nom d’une commune ou son code INSEE, par exemple Rennes ou 35238.',
  min_amount: 'Indiquez un montant en euros, positif, par exemple 150.',
};

/**
 * Each filter on its own: the valid ones apply, an invalid one keeps what was typed with its error
 * beside the field, and the list is not shown until it is corrected (never the unfiltered list).
 */
function parseFilters(query: unknown) {
  const raw = (query ?? {}) as Record<string, unknown>;
  const filters: Filters = {};
  const typed: Record<string, string> = {};
  const errors: Partial<Record<keyof Filters, string>> = {};
  for (const [name, schema] of Object.entries(filterFields) as [keyof Filters, z.ZodType][]) {
    const value = raw[name];
    if (typeof value === 'string') typed[name] = value;
    const parsed = schema.safeParse(typeof value === 'string' ? value : undefined);
    if (parsed.success) (filters as Record<string, unknown>)[name] = parsed.data;
    else errors[name] = filterErrors[name] ?? 'Choisissez une valeur de la liste.';
  }
  return { filters, typed, errors, valid: Object.keys(errors).length === 0 };
}

/**
 * The filters (of the address, or of a form's fields) with the commune typed by name or code resolved
 * to its INSEE code: `valid.api` holds the API's filters, or `valid` is null when a field (the commune
 * included) has its error to show.
 */
export async function resolvedFilters(
  api: ApiClient,
  request: FastifyRequest,
  cid: string,
  fields: unknown = request.query,
) {
  const parsed = parseFilters(fields);
  const { filters } = parsed;
  const errors = { ...parsed.errors };
  const commune =
    filters.commune === undefined ? null : await communeFilter(api, request, cid, filters.commune);
  if (commune && 'error' in commune) errors.commune = commune.error;
  if (Object.keys(errors).length || (commune && 'error' in commune))
    return { ...parsed, errors, valid: null };
  return { ...parsed, valid: { api: commune ? { ...filters, commune: commune.code } : filters } };
}

const PAGE_SIZE = 50;

const apiQuery = (query: URLSearchParams, cursor: string | undefined) => {
  const q = new URLSearchParams(query);
  q.set('limit', String(PAGE_SIZE));
  q.set('with_total', 'true');
  if (cursor) q.set('cursor', cursor);
  return q;
};

function queryOf(filters: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, String(v));
  return q;
}

/**
 * The pages seen before this one, as the cursors that opened them (the first page has none): the
 * API's cursors go forward only, so the way back is carried in the address.
 */
const cursorTrail = (text: unknown) =>
  typeof text === 'string' && text ? text.split('.').filter((c) => /^[A-Za-z0-9_-]{1,400}$/.test(c)) : [];

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

type CasePage = { items: CaseSummaryView[]; total: number | null };

function casesTable(
  page: CasePage,
  base: string,
  pageNumber: number,
  previous: string | null,
  following: string | null,
) {
  const counted =
    page.total === null
      ? null
      : page.total === 0
        ? 'Aucun cas ne correspond à ces filtres'
        : `${formatTotal(page.total, 'cas correspond', 'cas correspondent')} à ces filtres`;
  return html`${counted ? html`<p class="fr-text--bold" id="total-cas">${counted}.</p>` : ''}
    ${table(
      `Cas présumés, page ${pageNumber}`,
      [
        {
          label: 'Prestation',
          cell: (c: CaseSummaryView) =>
            html`<a href="${base}/cas/${c.id}">${label(benefitLabels, c.benefit)}${c.variant ? ` (${label(variantLabels, c.variant)})` : ''}</a>`,
        },
        { label: 'Règle', cell: (c) => label(ruleLabels, c.rule) },
        { label: 'Sujet', cell: (c) => label(subjectKindLabels, c.subject_kind) },
        { label: 'Commune', cell: (c) => (c.commune ? communeLabel(c.commune) : notShared) },
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
    ${pager({ label: 'Pages des cas', page: pageNumber, previous, next: following })}`;
}

export const statusBadge = (status: string) => badge(label(outcomeLabels, status), statusTone(status));

export async function casesRoutes(app: FastifyInstance, opts: { api: ApiClient }) {
  const { api } = opts;

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/cas',
    { schema: { hide: true } },
    async (request, reply) => {
      const { account } = request.consoleSession!;
      const { cid } = request.params;
      const { filters, typed, errors, valid } = await resolvedFilters(api, request, cid);
      const query = queryOf(filters);
      const asked = request.query as { suite?: string; avant?: string };
      const cursor = cursorTrail(asked.suite)[0];
      const before = cursor ? cursorTrail(asked.avant) : [];
      const base = `/console/conventions/${cid}`;
      const page = valid
        ? await api.json<{
            run_id: string | null;
            items: CaseSummaryView[];
            next_cursor: string | null;
            total: number | null;
          }>(request, account, `/v1/conventions/${cid}/cases?${apiQuery(queryOf(valid.api), cursor)}`)
        : null;
      const alerts: Alert[] = valid
        ? []
        : [
            {
              tone: 'error',
              title: 'Des filtres sont à corriger',
              text: 'Corrigez les champs signalés ci-dessous : la liste s’affichera avec vos filtres.',
            },
          ];
      const pageNumber = cursor ? before.length + 2 : 1;
      const at = (trail: readonly string[], next: string | undefined) => {
        const q = new URLSearchParams(query);
        if (next) q.set('suite', next);
        if (next && trail.length) q.set('avant', trail.join('.'));
        return `${base}/cas${q.size ? `?${q}` : ''}`;
      };
      const previous = cursor ? at(before.slice(0, -1), before.at(-1)) : null;
      const following = page?.next_cursor ? at(cursor ? [...before, cursor] : [], page.next_cursor) : null;
      return sendPage(request, reply, {
        title: valid ? 'Cas présumés' : 'Cas présumés — filtres à corriger',
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Convention', href: base },
          { label: 'Cas présumés' },
        ],
        alerts,
        main: html`<h1>Cas présumés</h1>
        ${
          !page
            ? ''
            : page.run_id
              ? html`<p class="fr-text--lead">Les cas du dernier traitement publié (<a href="${base}/traitements/${page.run_id}">voir le traitement</a>). Chaque cas est une présomption à vérifier avec la personne.</p>`
              : html`<p class="fr-text--lead">Aucun traitement publié pour le moment.</p>`
        }
        <form method="get" action="${base}/cas" class="fr-mb-4w">
          <fieldset class="fr-fieldset" aria-labelledby="titre-filtres">
            <legend class="fr-fieldset__legend" id="titre-filtres">Filtrer et trier les cas</legend>
            <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
              <div class="fr-col-12 fr-col-md-4">${select({ name: 'benefit', label: 'Prestation', value: typed.benefit, error: errors.benefit, options: options(benefitLabels, 'Toutes') })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({ name: 'status', label: 'Suivi', value: typed.status, error: errors.status, options: options(outcomeLabels, 'Tous') })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({ name: 'confidence', label: 'Confiance', value: typed.confidence, error: errors.confidence, options: options(confidenceLabels, 'Toutes') })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'commune', label: 'Commune', hint: 'Nom ou code INSEE, par exemple Rennes ou 35238', value: typed.commune, error: errors.commune })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'min_amount', label: 'Montant estimé minimal', hint: 'En euros par mois', type: 'text', value: typed.min_amount, error: errors.min_amount, attributes: html`inputmode="decimal"` })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({
                name: 'sort',
                label: 'Trier par',
                value: typed.sort,
                error: errors.sort,
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
                ${valid ? html`<li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="${base}/cas.csv?${query}" download>Exporter ces cas (CSV)</a></li>` : ''}
              </ul>
            </div>
          </fieldset>
        </form>
        ${page ? casesTable(page, base, pageNumber, previous, following) : ''}`,
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
      const query = request.query as { enregistre?: string; corrige?: string; erreur?: string };
      const alerts: Alert[] = [];
      if (query.enregistre)
        alerts.push({ tone: 'success', text: `Suivi enregistré : ${label(outcomeLabels, c.status)}.` });
      if (query.corrige)
        alerts.push({ tone: 'success', text: `Suivi corrigé : ${label(outcomeLabels, c.status)}.` });
      if (query.erreur)
        alerts.push({
          tone: 'error',
          title: 'Le suivi n’a pas été enregistré',
          text: apiErrorMessage(query.erreur),
        });
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
        ${referenceLine(c)}
        <p>${statusBadge(c.status)} Confiance ${label(confidenceLabels, c.confidence).toLowerCase()} · ${label(subjectKindLabels, c.subject_kind)} · commune ${c.commune ? communeLabel(c.commune) : notShared} · ${c.withheld ? `montant ${notShared}` : `montant estimé ${formatEuros(c.estimated_amount)} par mois`} · données ${restsOn(c)}</p>

        <h2>Ce que dit le cas</h2>
        <div class="fr-callout fr-mb-4w">
          ${c.plain_french.map((line) => html`<p class="fr-callout__text fr-text--md fr-mb-2w">${line}</p>`)}
        </div>

        ${reidentificationSection(c, account.role)}
        ${account.role === 'territory' ? toCheckSection(c) : ''}
        ${account.role === 'territory' ? followUpSection(c, base, csrfToken(reply)) : ''}

        <h2>Éléments de preuve</h2>
        <p>Règle « ${label(ruleLabels, c.rule)} » (version ${c.rule_version}), appliquée à la situation ${ofMonth(c.evidence.as_of)}.</p>
        ${table(
          'Paramètres légaux appliqués',
          [
            { label: 'Paramètre', cell: (p: CaseDetailView['evidence']['parameters'][number]) => p.label },
            { label: 'Valeur', cell: (p) => formatParameter(p.value, p.unit), numeric: true },
            { label: 'En vigueur depuis le', cell: (p) => formatDate(p.effective_from) },
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
              cell: (i: CaseDetailView['evidence']['inputs'][number]) =>
                capitalised(columnLabel(i.column, i.reference_month)),
            },
            { label: 'Valeur', cell: (i) => columnValue(i.column, i.value) },
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

  app.post<{
    Params: { cid: string; id: string };
    Body: { status?: string; correction_reason?: string };
  }>('/conventions/:cid/cas/:id/suivi', { schema: { hide: true } }, async (request, reply) => {
    const { cid, id } = request.params;
    const page = `/console/conventions/${cid}/cas/${id}`;
    const reason = request.body?.correction_reason;
    const answer = await api.send(request, request.consoleSession!.account, {
      method: 'PATCH',
      url: `/v1/conventions/${cid}/cases/${id}`,
      payload: { status: request.body?.status ?? '', ...(reason ? { correction: { reason } } : {}) },
    });
    if (answer.status === 200) return reply.redirect(`${page}?${reason ? 'corrige' : 'enregistre'}=1`, 303);
    const { code } = JSON.parse(answer.body) as { code?: string };
    return reply.redirect(`${page}?erreur=${encodeURIComponent(code ?? 'invalid_request')}`, 303);
  });

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/cas.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const { valid } = await resolvedFilters(api, request, request.params.cid);
      // An invalid filter (a commune that names none, or several) exports nothing: the list says why.
      if (!valid)
        return reply.redirect(
          `/console/conventions/${request.params.cid}/cas?${new URLSearchParams(request.query as Record<string, string>)}`,
          303,
        );
      const download = await api.download(request, request.consoleSession!.account, {
        url: `/v1/conventions/${request.params.cid}/cases.csv?${queryOf(valid.api)}`,
      });
      return sendDownload(reply, download, 'cases.csv');
    },
  );
}
