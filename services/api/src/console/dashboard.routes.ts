// The territory team's dashboard of a convention: the extracts received and how fresh they are, the
// runs (start one from here), and the statistics of the latest published run — cases by benefit and
// commune, share verified, monthly amounts of the rights opened, outcomes across runs — as charts
// with their tables. These are the team's own figures, read unmasked (`disclosure=team`): the
// small-cell suppression applies to what leaves the team (exports, partners, the statistics API).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiClient, ApiError } from './api-client.ts';
import type {
  ConventionView,
  ExtractView,
  RunView,
  StatCell,
  StatsMonthView,
  StatsView,
} from './api-views.ts';
import { barChart, stackedChart } from './charts.ts';
import { type Alert, badge, csrfField, table } from './components.ts';
import { extractBadge } from './extracts.routes.ts';
import { type Html, html } from './html.ts';
import { csrfToken, sendPage } from './render.ts';
import {
  apiErrorMessage,
  benefitLabels,
  formatAge,
  formatCount,
  formatDateTime,
  formatEuros,
  formatMonth,
  formatShare,
  kindLabels,
  label,
  ofMonth,
  outcomeLabels,
  runStatusLabels,
  SUPPRESSED,
} from './wording.ts';

const outcomeColours: Record<string, string> = {
  to_contact: '#6a6af4',
  contacted: '#000091',
  unreachable: '#666666',
  rights_opened: '#18753c',
  already_covered: '#716043',
  not_eligible: '#ce0500',
  refused: '#a558a0',
};

const cell = (c: StatCell | undefined, format: (v: number) => string = formatCount) =>
  !c ? '—' : c.suppressed ? SUPPRESSED : c.value === null ? '—' : format(c.value);

export const runBadge = (status: string) =>
  badge(
    label(runStatusLabels, status),
    status === 'succeeded'
      ? 'success'
      : status === 'failed'
        ? 'error'
        : status === 'cancelled'
          ? 'warning'
          : 'info',
  );

/** The statistics of a run, or null when the convention has no published run yet. */
async function statsOf(api: ApiClient, request: FastifyRequest, cid: string, run?: string) {
  try {
    const query = `?disclosure=team${run ? `&run=${run}` : ''}`;
    return await api.json<StatsView>(
      request,
      request.consoleSession!.account,
      `/v1/conventions/${cid}/stats${query}`,
    );
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return null;
    throw error;
  }
}

function keyFigures(stats: StatsView | null, lastRun: RunView | undefined): Html {
  const tile = (title: string, figure: string, note: string) =>
    html`<div class="fr-col-12 fr-col-sm-6 fr-col-lg-3"><div class="fr-card fr-card--no-arrow"><div class="fr-card__body"><div class="fr-card__content">
      <h3 class="fr-card__title">${title}</h3>
      <p class="console-figure">${figure}</p>
      <p class="fr-card__desc">${note}</p>
    </div></div></div></div>`;
  return html`<h2 class="fr-sr-only">Chiffres clés</h2>
  <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
    ${tile('Cas présumés', cell(stats?.overall.presumed), stats ? `traitement ${stats.run.as_of ? ofMonth(stats.run.as_of) : ''}` : 'aucun traitement publié')}
    ${tile('Part vérifiée', stats ? formatShare(stats.overall.verified_share) : '—', `${cell(stats?.overall.verified)} cas vérifiés`)}
    ${tile('Droits ouverts', cell(stats?.overall.rights_opened_amount, formatEuros), 'montants mensuels estimés')}
    ${tile('Dernier traitement', lastRun ? label(runStatusLabels, lastRun.status) : 'aucun', lastRun ? formatDateTime(lastRun.created_at) : 'lancez le premier')}
  </div>`;
}

/** The follow-up by benefit: also the data of the chart of cases by benefit. */
const followUpTable = (stats: StatsView) =>
  table(
    'Suivi par prestation',
    [
      {
        label: 'Prestation',
        cell: (b: StatsView['by_benefit'][number]) => label(benefitLabels, b.benefit),
      },
      { label: 'Cas présumés', cell: (b) => cell(b.presumed), numeric: true },
      { label: 'Vérifiés', cell: (b) => cell(b.verified), numeric: true },
      { label: 'Part vérifiée', cell: (b) => formatShare(b.verified_share), numeric: true },
      {
        label: 'Droits ouverts (montant mensuel)',
        cell: (b) => cell(b.rights_opened_amount, formatEuros),
        numeric: true,
      },
    ],
    stats.by_benefit,
  );

const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Month by month: what the lists held and what the next extracts showed taken up. */
function monthlyChart(series: readonly StatsMonthView[]): Html {
  if (series.length === 0) return html``;
  const months = series.map((m) => ({ label: formatMonth(m.month), figures: m.overall }));
  return html`<h2 class="fr-mt-6w">Mois par mois</h2>
    <p class="fr-text--sm">Un cas est « pris en compte » quand les extractions du mois suivant montrent la prestation versée ; « après contact » quand son suivi avait dépassé « à contacter ».</p>
    ${stackedChart({
      title: 'Droits pris en compte, observés dans les extractions, par mois',
      description: months
        .map(
          (m) =>
            `${m.label} : ${cell(m.figures.taken_up_contacted)} après contact, ${cell(m.figures.taken_up_not_contacted)} sans contact`,
        )
        .join(' ; '),
      series: [
        { label: 'Après contact', colour: '#18753c' },
        { label: 'Sans contact', colour: '#95e257' },
      ],
      stacks: months.map((m) => ({
        label: m.label,
        values: [m.figures.taken_up_contacted.value, m.figures.taken_up_not_contacted.value],
      })),
      stackLabel: 'Mois',
      format: formatCount,
      suppressedText: SUPPRESSED,
    })}
    ${table(
      'Suivi mois par mois',
      [
        { label: 'Mois', cell: (m: (typeof months)[number]) => m.label },
        { label: 'Cas présumés', cell: (m) => cell(m.figures.presumed), numeric: true },
        { label: 'Contactés', cell: (m) => cell(m.figures.contacted), numeric: true },
        { label: 'Droits ouverts déclarés', cell: (m) => cell(m.figures.declared_opened), numeric: true },
        { label: 'Pris en compte observés', cell: (m) => cell(m.figures.taken_up), numeric: true },
        {
          label: 'Montants mensuels pris en compte',
          cell: (m) => cell(m.figures.taken_up_amount, formatEuros),
          numeric: true,
        },
        {
          label: 'Délai médian (mois)',
          cell: (m) => cell(m.figures.median_months_to_take_up, (v) => oneDecimal.format(v)),
          numeric: true,
        },
      ],
      months,
    )}`;
}

function charts(stats: StatsView, history: readonly StatsView[]): Html {
  const byCommune = [...stats.by_commune].sort((a, b) => (b.presumed.value ?? 0) - (a.presumed.value ?? 0));
  return html`<h2 class="fr-mt-6w">Cas présumés du dernier traitement</h2>
    <p class="fr-text--sm">${
      stats.min_shown_count > 1
        ? `Les effectifs de 1 à ${stats.min_shown_count - 1} sont masqués (secret statistique), ainsi que ceux qui permettraient de les retrouver.`
        : 'Ces chiffres sont ceux de votre équipe, sans masquage : ne les diffusez pas tels quels. Les exports, les vues des partenaires et les statistiques lues par d’autres masquent les petits effectifs (secret statistique).'
    }</p>
    ${barChart({
      title: 'Cas présumés par prestation',
      description: stats.by_benefit
        .map((b) => `${label(benefitLabels, b.benefit)} : ${cell(b.presumed)}`)
        .join(' ; '),
      bars: stats.by_benefit.map((b) => ({
        label: label(benefitLabels, b.benefit),
        value: b.presumed.value,
      })),
      format: formatCount,
      valueLabel: 'Cas présumés',
      suppressedText: SUPPRESSED,
      dataTable: followUpTable(stats),
    })}

    ${barChart({
      title: 'Cas présumés par commune',
      description: byCommune.map((c) => `${c.commune_label} : ${cell(c.presumed)}`).join(' ; '),
      bars: byCommune.map((c) => ({ label: c.commune_label, value: c.presumed.value })),
      format: formatCount,
      valueLabel: 'Cas présumés',
      suppressedText: SUPPRESSED,
    })}
    ${
      history.length
        ? stackedChart({
            title: 'Suites données aux cas, par traitement',
            description: history
              .map(
                (h) =>
                  `traitement ${h.run.as_of ? ofMonth(h.run.as_of) : ''} : ${Object.entries(
                    h.overall.outcomes,
                  )
                    .map(([o, c]) => `${label(outcomeLabels, o)} ${cell(c)}`)
                    .join(', ')}`,
              )
              .join(' ; '),
            series: Object.keys(outcomeColours).map((o) => ({
              label: label(outcomeLabels, o),
              colour: outcomeColours[o]!,
            })),
            stacks: history.map((h) => ({
              label: `${formatMonth(h.run.as_of)} (${formatDateTime(h.run.finished_at)})`,
              values: Object.keys(outcomeColours).map((o) => h.overall.outcomes[o]?.value ?? null),
            })),
            stackLabel: 'Traitement',
            format: formatCount,
            suppressedText: SUPPRESSED,
          })
        : ''
    }
    ${monthlyChart(stats.series ?? [])}`;
}

export async function territoryDashboard(
  api: ApiClient,
  request: FastifyRequest,
  reply: FastifyReply,
  convention: ConventionView,
) {
  const { account } = request.consoleSession!;
  const cid = convention.id;
  const [{ items: extracts }, { items: runs }, stats] = await Promise.all([
    api.json<{ items: ExtractView[] }>(request, account, `/v1/conventions/${cid}/extracts?limit=50`),
    api.json<{ items: RunView[] }>(request, account, `/v1/conventions/${cid}/runs?limit=10`),
    statsOf(api, request, cid),
  ]);
  const published = runs.filter((r) => r.status === 'succeeded').slice(0, 5);
  const history = (await Promise.all(published.map((r) => statsOf(api, request, cid, r.id)))).filter(
    (s): s is StatsView => s !== null,
  );
  const current = extracts.filter((e) => e.current);
  const base = `/console/conventions/${cid}`;
  const error = (request.query as { erreur?: string }).erreur;
  const alerts: Alert[] = error
    ? [{ tone: 'error', title: 'Le traitement n’a pas été lancé', text: apiErrorMessage(error) }]
    : [];
  return sendPage(request, reply, {
    title: `${convention.reference} — tableau de bord`,
    section: 'conventions',
    crumbs: [{ label: 'Mes conventions', href: '/console/conventions' }, { label: convention.reference }],
    alerts,
    main: html`<h1>${convention.reference}</h1>
      <p class="fr-text--lead">${convention.title}</p>
      ${keyFigures(stats, runs[0])}
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li><form method="post" action="${base}/traitements">${csrfField(csrfToken(reply))}
          <button class="fr-btn fr-icon-play-line" type="submit">Lancer un traitement</button></form></li>
        <li><a class="fr-btn fr-btn--secondary fr-icon-list-unordered" href="${base}/cas">Voir les cas</a></li>
        <li><a class="fr-btn fr-btn--tertiary fr-icon-download-line" href="${base}/cas.csv" download>Exporter les cas (CSV)</a></li>
        <li><a class="fr-btn fr-btn--secondary fr-icon-mail-line" href="${base}/campagnes">Campagnes de contact</a></li>
      </ul>

      <h2 class="fr-mt-4w">Extractions en vigueur</h2>
      ${table(
        'Extractions retenues pour le prochain traitement',
        [
          { label: 'Type', cell: (e: ExtractView) => label(kindLabels, e.kind) },
          { label: 'Mois', cell: (e) => formatMonth(e.reference_month) },
          { label: 'Statut', cell: extractBadge },
          {
            label: 'Fraîcheur',
            cell: (e) =>
              html`${formatAge(e.received_at)}<br><span class="fr-text--xs">${formatDateTime(e.received_at)}</span>`,
          },
          { label: 'Lignes retenues', cell: (e) => formatCount(e.valid_count), numeric: true },
        ],
        current,
        'aucune extraction acceptée pour le moment.',
      )}

      <h2>Traitements</h2>
      ${table(
        'Derniers traitements',
        [
          {
            label: 'Lancé le',
            cell: (r: RunView) =>
              html`<a href="${base}/traitements/${r.id}">${formatDateTime(r.created_at)}</a>`,
          },
          { label: 'Statut', cell: (r) => runBadge(r.status) },
          { label: 'Mois des règles', cell: (r) => formatMonth(r.as_of) },
          { label: 'Cas présumés', cell: (r) => formatCount(casesOf(r)), numeric: true },
        ],
        runs,
        'aucun traitement pour le moment.',
      )}
      ${stats ? charts(stats, history.reverse()) : html`<p>Aucun traitement publié : les statistiques apparaîtront après le premier traitement terminé.</p>`}`,
  });
}

export const casesOf = (run: RunView) => (run.report.cases as { total?: number } | undefined)?.total ?? null;

export async function dashboardRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;
  app.post<{ Params: { cid: string } }>(
    '/conventions/:cid/traitements',
    { schema: { hide: true } },
    async (request, reply) => {
      const { cid } = request.params;
      const answer = await api.send(request, request.consoleSession!.account, {
        method: 'POST',
        url: `/v1/conventions/${cid}/runs`,
        payload: {},
      });
      if (answer.status === 202) {
        const run = JSON.parse(answer.body) as RunView;
        return reply.redirect(`/console/conventions/${cid}/traitements/${run.id}`, 303);
      }
      const { code } = JSON.parse(answer.body) as { code?: string };
      if (answer.status === 409 || answer.status === 400)
        return reply.redirect(
          `/console/conventions/${cid}?erreur=${encodeURIComponent(code ?? 'invalid_request')}`,
          303,
        );
      throw new ApiError(answer.status, code ?? 'error', '');
    },
  );
}
