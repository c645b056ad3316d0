// The campaigns of a convention, the territory team's form to create one, and each campaign's impact:
// take-up per arm 1, 2, 3 and 6 months after its cohort was frozen, as a chart with its data table,
// the uplift with its 95 % interval, the declared outcomes and the amounts, and the evaluators' CSV.
// Everything comes from the API.
import type { CampaignImpact } from '@nonrecours/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiClient, ApiError, errorOf } from './api-client.ts';
import {
  type CampaignForm,
  type ConventionPartner,
  campaignFormSection,
  campaignRequest,
  channelLabels,
  withRefusal,
} from './campaign-form.ts';
import { barChart } from './charts.ts';
import { type Alert, table } from './components.ts';
import { html } from './html.ts';
import { csrfToken, sendDownload, sendPage } from './render.ts';
import {
  benefitLabels,
  formatCount,
  formatDate,
  formatEuros,
  formatMonth,
  formatShare,
  formatTotal,
  label,
  SUPPRESSED,
} from './wording.ts';

interface CampaignSummary {
  id: string;
  name: string;
  benefit: string;
  channel: string;
  starts_on: string;
  ends_on: string;
  status: 'open' | 'closed';
  as_of: string;
  cohort_size: number;
  comparison_share: number | null;
  comparison_until: string | null;
  arms: { arm: string; members: number; contacted: number; unreachable: number }[];
}

const armLabels: Record<string, string> = {
  contact: 'Contactés',
  comparison: 'Groupe témoin',
  before: 'Mois précédent',
};
const statusLabels: Record<string, string> = { open: 'En cours', closed: 'Close' };
const outcomeLabels: Record<string, string> = {
  to_contact: 'À contacter',
  contacted: 'Contacté',
  unreachable: 'Injoignable',
  rights_opened: 'Droits ouverts',
  already_covered: 'Déjà couvert',
  not_eligible: 'Non éligible',
  refused: 'Refus',
};

type Cell = { value: number | null; suppressed: boolean };
const shown = (c: Cell, format: (v: number) => string = formatCount) =>
  c.suppressed ? SUPPRESSED : c.value === null ? '—' : format(c.value);
const points = (v: number | null) =>
  v === null
    ? '—'
    : `${v > 0 ? '+' : ''}${(v * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} points`;

export async function campaignsRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/campagnes',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid } = request.params;
      const { items } = await api.json<{ items: CampaignSummary[] }>(
        request,
        request.consoleSession!.account,
        `/v1/conventions/${cid}/campaigns`,
      );
      const base = `/console/conventions/${cid}/campagnes`;
      return sendPage(request, reply, {
        title: 'Campagnes de contact',
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Tableau de bord', href: `/console/conventions/${cid}` },
          { label: 'Campagnes de contact' },
        ],
        main: html`<h1>Campagnes de contact</h1>
        ${
          request.consoleSession!.account.role === 'territory'
            ? html`<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                <li><a class="fr-btn fr-icon-add-line" href="${base}/nouvelle">Nouvelle campagne</a></li>
              </ul>`
            : ''
        }
        ${table(
          'Campagnes de la convention',
          [
            {
              label: 'Campagne',
              cell: (c: CampaignSummary) => html`<a href="${base}/${c.id}">${c.name}</a>`,
            },
            { label: 'Prestation', cell: (c) => label(benefitLabels, c.benefit) },
            { label: 'Canal', cell: (c) => label(channelLabels, c.channel) },
            { label: 'Période', cell: (c) => `${formatDate(c.starts_on)} – ${formatDate(c.ends_on)}` },
            { label: 'Cohorte', cell: (c) => formatCount(c.cohort_size), numeric: true },
            {
              label: 'Groupe témoin',
              cell: (c) =>
                c.comparison_share === null
                  ? 'non'
                  : `${formatShare(c.comparison_share)} jusqu’au ${formatDate(c.comparison_until)}`,
            },
            { label: 'Statut', cell: (c) => label(statusLabels, c.status) },
          ],
          items,
          'aucune campagne pour l’instant.',
        )}`,
      });
    },
  );

  /** The form, empty or as it was typed, with its errors; the territory team's only. */
  async function sendForm(
    request: FastifyRequest<{ Params: { cid: string } }>,
    reply: FastifyReply,
    form: CampaignForm,
    status = 200,
  ) {
    const { cid } = request.params;
    const account = request.consoleSession!.account;
    if (account.role !== 'territory') throw new ApiError(403, 'forbidden', '');
    const { items: partners } = await api.json<{ items: ConventionPartner[] }>(
      request,
      account,
      `/v1/conventions/${cid}/partners`,
    );
    const base = `/console/conventions/${cid}/campagnes`;
    const title = 'Nouvelle campagne';
    return sendPage(
      request,
      reply,
      {
        title: form.alerts.length ? `${title} — à corriger` : title,
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Tableau de bord', href: `/console/conventions/${cid}` },
          { label: 'Campagnes de contact', href: base },
          { label: title },
        ],
        alerts: form.alerts,
        main: html`<h1>${title}</h1>
          <p class="fr-text--lead">Choisissez les cas à contacter, le canal et l’organisme qui contacte les personnes. La cohorte est figée à la création ; l’impact se mesure ensuite dans les extractions suivantes.</p>
          ${campaignFormSection(form, partners, base, csrfToken(reply))}`,
      },
      status,
    );
  }

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/campagnes/nouvelle',
    { schema: { hide: true } },
    (request, reply) => sendForm(request, reply, { typed: {}, errors: {}, alerts: [] }),
  );

  app.post<{ Params: { cid: string } }>(
    '/conventions/:cid/campagnes',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid } = request.params;
      const account = request.consoleSession!.account;
      if (account.role !== 'territory') throw new ApiError(403, 'forbidden', '');
      const { form, payload } = await campaignRequest(api, request, cid, request.body);
      if (!payload) return sendForm(request, reply, form, 400);
      const answer = await api.send(request, account, {
        method: 'POST',
        url: `/v1/conventions/${cid}/campaigns`,
        payload,
      });
      if (answer.status === 201) {
        const created = JSON.parse(answer.body) as CampaignSummary;
        return reply.redirect(`/console/conventions/${cid}/campagnes/${created.id}?creee=1`, 303);
      }
      const refusal = errorOf(answer);
      if (answer.status === 400 || answer.status === 409)
        return sendForm(request, reply, withRefusal(form, refusal.code), answer.status);
      throw refusal;
    },
  );

  app.get<{ Params: { cid: string; id: string } }>(
    '/conventions/:cid/campagnes/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid, id } = request.params;
      const account = request.consoleSession!.account;
      const campaign = await api.json<CampaignSummary>(
        request,
        account,
        `/v1/conventions/${cid}/campaigns/${id}`,
      );
      const impact = await api.json<CampaignImpact & { as_of: string }>(
        request,
        account,
        `/v1/conventions/${cid}/campaigns/${id}/impact`,
      );
      const observed = impact.arms.flatMap((a) =>
        a.take_up
          .filter((t) => t.observed)
          .map((t) => ({
            arm: a.arm,
            months: t.months,
            share: t.share,
            taken_up: t.taken_up,
            interval: t.interval,
          })),
      );
      const bars = observed.map((o) => ({
        label: `${label(armLabels, o.arm)}, ${o.months} mois`,
        value: o.share === null ? null : Math.round(o.share * 1000) / 10,
      }));
      const title = campaign.name;
      const comparison = campaign.arms.find((a) => a.arm === 'comparison')?.members ?? null;
      const alerts: Alert[] = (request.query as { creee?: string }).creee
        ? [
            {
              tone: 'success',
              title: 'Campagne créée',
              text: `La cohorte a figé ${formatTotal(campaign.cohort_size, 'situation', 'situations')} du traitement de ${formatMonth(campaign.as_of)}${
                comparison === null
                  ? ', toutes à contacter'
                  : `, dont ${formatTotal(comparison, 'tirée au sort', 'tirées au sort')} dans le groupe témoin`
              }.`,
            },
          ]
        : [];
      return sendPage(request, reply, {
        title,
        alerts,
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Tableau de bord', href: `/console/conventions/${cid}` },
          { label: 'Campagnes de contact', href: `/console/conventions/${cid}/campagnes` },
          { label: title },
        ],
        main: html`<h1>${title}</h1>
          <p>${label(benefitLabels, campaign.benefit)} · ${label(channelLabels, campaign.channel)} ·
            cohorte de ${formatCount(campaign.cohort_size)} situations figée sur le traitement de ${formatMonth(campaign.as_of)} ·
            ${label(statusLabels, campaign.status)}.</p>
          ${
            impact.warning
              ? html`<div class="fr-alert fr-alert--warning fr-mb-3w"><h2 class="fr-alert__title">Pas de groupe témoin</h2><p>${impact.warning} : la comparaison se fait avec le recours observé le mois précédant la campagne.</p></div>`
              : html`<p>Groupe témoin tiré au sort (${formatShare(campaign.comparison_share)} de chaque strate prestation × commune${comparison === null ? '' : html`, soit ${formatTotal(comparison, 'situation', 'situations')}`}), non contacté avant le ${formatDate(campaign.comparison_until)}.</p>`
          }
          <h2>Recours observé dans les extractions suivantes</h2>
          ${
            observed.length === 0
              ? html`<p>Aucun traitement publié depuis la campagne : le recours n’est pas encore observé.</p>`
              : barChart({
                  title: 'Part des personnes ayant recouru à la prestation, par groupe et délai',
                  description: bars
                    .map((b) => `${b.label} : ${b.value === null ? SUPPRESSED : `${b.value} %`}`)
                    .join(' ; '),
                  bars,
                  format: (v) => `${v.toLocaleString('fr-FR')} %`,
                  valueLabel: 'Part ayant recouru',
                  suppressedText: SUPPRESSED,
                  dataTable: table(
                    'Données du graphique : recours par groupe et délai',
                    [
                      { label: 'Groupe', cell: (o: (typeof observed)[number]) => label(armLabels, o.arm) },
                      { label: 'Délai', cell: (o) => `${o.months} mois` },
                      { label: 'Ont recouru', cell: (o) => shown(o.taken_up), numeric: true },
                      { label: 'Part', cell: (o) => formatShare(o.share), numeric: true },
                      {
                        label: 'Intervalle à 95 %',
                        cell: (o) =>
                          o.interval
                            ? `${formatShare(o.interval.low)} – ${formatShare(o.interval.high)}`
                            : '—',
                      },
                    ],
                    observed,
                  ),
                })
          }
          <h2>Effet mesuré</h2>
          ${table(
            impact.design === 'randomised'
              ? 'Écart de recours entre contactés et groupe témoin (méthode de Newcombe, intervalle à 95 %)'
              : 'Écart de recours avec le mois précédent (estimation non causale)',
            [
              { label: 'Délai', cell: (u: CampaignImpact['uplift'][number]) => `${u.months} mois` },
              {
                label: 'Écart',
                cell: (u) => (u.suppressed ? SUPPRESSED : points(u.estimate)),
                numeric: true,
              },
              {
                label: 'Intervalle à 95 %',
                cell: (u) =>
                  u.low === null || u.high === null ? '—' : `${points(u.low)} à ${points(u.high)}`,
              },
            ],
            impact.uplift.filter((u) => u.observed && (u.estimate !== null || u.suppressed)),
            'pas encore mesurable.',
          )}
          <h2>Suites déclarées et montants</h2>
          ${table(
            'Suites déclarées par groupe',
            [
              { label: 'Groupe', cell: (a: CampaignImpact['arms'][number]) => label(armLabels, a.arm) },
              { label: 'Personnes', cell: (a) => formatCount(a.members), numeric: true },
              { label: 'Contacts enregistrés', cell: (a) => shown(a.contacted), numeric: true },
              ...Object.keys(outcomeLabels).map((s) => ({
                label: outcomeLabels[s]!,
                cell: (a: CampaignImpact['arms'][number]) =>
                  shown(a.declared[s] ?? { value: 0, suppressed: false }),
                numeric: true,
              })),
              {
                label: 'Montants ouverts (mois)',
                cell: (a) => shown(a.amount_monthly, formatEuros),
                numeric: true,
              },
              {
                label: 'Montants ouverts (an)',
                cell: (a) => shown(a.amount_annual, formatEuros),
                numeric: true,
              },
            ],
            impact.arms,
          )}
          <ul class="fr-btns-group fr-btns-group--inline">
            <li><a class="fr-btn fr-btn--tertiary fr-icon-download-line" href="/console/conventions/${cid}/campagnes/${id}/impact.csv" download>Exporter l’impact (CSV)</a></li>
          </ul>`,
      });
    },
  );

  app.get<{ Params: { cid: string; id: string } }>(
    '/conventions/:cid/campagnes/:id/impact.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid, id } = request.params;
      const download = await api.download(request, request.consoleSession!.account, {
        url: `/v1/conventions/${cid}/campaigns/${id}/impact.csv`,
      });
      return sendDownload(reply, download, 'campaign-impact.csv');
    },
  );
}
