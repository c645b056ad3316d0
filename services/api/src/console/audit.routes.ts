// The DPO's pages: the audit log of its conventions with filters (actor, action, outcome, convention,
// dates, pseudonym), page by page; the verification of the hash chain and its signed checkpoints;
// the CSV and JSON Lines exports with the same filters.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiClient } from './api-client.ts';
import type { AuditEventView, ConventionView, VerificationView } from './api-views.ts';
import { type Alert, badge, input, pager, select, table } from './components.ts';
import { html } from './html.ts';
import { sendDownload, sendPage } from './render.ts';
import {
  auditActionLabels,
  auditOutcomeLabels,
  auditTargetLabels,
  chainBreakLabels,
  formatCount,
  formatDateTime,
  formatTotal,
  label,
  roleLabels,
} from './wording.ts';

const day = z.iso
  .date()
  .optional()
  .or(z.literal('').transform(() => undefined));
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional();

/** The filters of the page, as typed in the form (dates are days, Paris time). */
const filtersSchema = z.object({
  convention_id: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  actor: text(200),
  action: text(100),
  outcome: z
    .enum(['success', 'denied', 'failed'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  du: day,
  au: day,
  pseudonym: text(43).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .optional(),
  ),
  suite: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
type Filters = z.output<typeof filtersSchema>;
const noFilters: Filters = {};

/** Midnight in Paris of a day, as the instant the API filters on. */
function parisMidnight(dayText: string, plusDays = 0): string {
  const date = new Date(`${dayText}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')!
    .value.replace('GMT', '');
  return `${date.toISOString().slice(0, 10)}T00:00:00${offset || '+00:00'}`;
}

/** The API's query for these filters (the `au` day included). */
function apiQuery(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.convention_id) q.set('convention_id', f.convention_id);
  if (f.actor) q.set('actor', f.actor);
  if (f.action) q.set('action', f.action);
  if (f.outcome) q.set('outcome', f.outcome);
  if (f.du) q.set('from', parisMidnight(f.du));
  if (f.au) q.set('to', parisMidnight(f.au, 1));
  if (f.pseudonym) q.set('pseudonym', f.pseudonym);
  return q;
}

/** The page's own query for these filters, to keep them across pages and exports. */
function pageQuery(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== 'suite') q.set(k, String(v));
  return q;
}

async function dpoConventions(api: ApiClient, request: FastifyRequest) {
  const { account } = request.consoleSession!;
  const { items } = await api.json<{ items: ConventionView[] }>(request, account, '/v1/conventions');
  return items.filter((c) => c.roles.includes('dpo'));
}

/** « cas <code>…</code> »: what an event was about, its kind in French and its identifier as it is. */
function auditTarget(target: string | null) {
  if (target === null) return '—';
  const [kind, ...rest] = target.split('/');
  const name = kind ? auditTargetLabels[kind] : undefined;
  return name && rest.length
    ? html`${name} <code class="console-code">${rest.join('/')}</code>`
    : html`<code class="console-code">${target}</code>`;
}

function checkpointsSentence(checkpoints: VerificationView['checkpoints']): string {
  if (!checkpoints) return '';
  if (checkpoints.checked === 0) return 'Aucun point de contrôle signé n’a encore été posé.';
  return `Les ${formatCount(checkpoints.checked)} points de contrôle signés concordent.`;
}

const PAGE_SIZE = 50;

/** The cursors of the pages seen before this one (the journal's cursors go forward only). */
const seqTrail = (text: string | undefined) =>
  (text ?? '')
    .split('.')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

const who = (e: AuditEventView) =>
  html`${e.actor_name ?? html`<span class="console-code">${e.actor ?? '—'}</span>`}${
    e.org_name || e.role
      ? html`<br><span class="fr-text--xs">${[e.org_name, e.role ? label(roleLabels, e.role) : null].filter(Boolean).join(' · ')}</span>`
      : ''
  }`;

function eventsTable(
  page: { items: AuditEventView[]; total: number | null },
  references: Map<string, string>,
  pageNumber: number,
  previous: string | null,
  following: string | null,
) {
  const counted =
    page.total === null
      ? null
      : page.total === 0
        ? 'Aucun événement ne correspond à ces filtres.'
        : `${formatTotal(page.total, 'événement correspond', 'événements correspondent')} à ces filtres.`;
  return html`${counted ? html`<p class="fr-text--bold">${counted}</p>` : ''}
    ${table(
      `Événements, les plus récents d’abord, page ${pageNumber}`,
      [
        { label: 'N°', cell: (e: AuditEventView) => formatCount(e.seq), numeric: true },
        { label: 'Date', cell: (e) => formatDateTime(e.at) },
        {
          label: 'Action',
          cell: (e) =>
            html`${label(auditActionLabels, e.action)}<br><code class="fr-text--xs">${e.action}</code>`,
        },
        { label: 'Acteur', cell: who },
        {
          label: 'Convention',
          cell: (e) => (e.convention_id ? (references.get(e.convention_id) ?? e.convention_id) : '—'),
        },
        { label: 'Objet', cell: (e) => auditTarget(e.target) },
        {
          label: 'Résultat',
          cell: (e) =>
            html`${badge(label(auditOutcomeLabels, e.outcome), e.outcome === 'success' ? 'success' : e.outcome === 'denied' ? 'warning' : 'error')}${e.status_code ? html`<br><span class="fr-text--xs">HTTP ${e.status_code}</span>` : ''}`,
        },
        { label: 'Enregistrements', cell: (e) => formatCount(e.record_count), numeric: true },
      ],
      page.items,
      'aucun événement ne correspond à ces filtres.',
    )}
    ${pager({ label: 'Pages du journal', page: pageNumber, previous, next: following, pages: page.total === null ? null : Math.max(1, Math.ceil(page.total / PAGE_SIZE)) })}`;
}

export async function auditRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;

  app.get('/audit', { schema: { hide: true } }, async (request, reply) => {
    const { account } = request.consoleSession!;
    const conventions = await dpoConventions(api, request);
    const parsed = filtersSchema.safeParse(request.query);
    const filters: Filters = parsed.success ? parsed.data : noFilters;
    // What was typed stays in the form; the list waits for the fields signalled to be corrected.
    const typed = request.query as Record<string, string | undefined>;
    const issues: Record<string, boolean> = parsed.success
      ? {}
      : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true]));
    const alerts: Alert[] = parsed.success
      ? []
      : [
          {
            tone: 'error',
            title: 'Des filtres sont à corriger',
            text: 'Corrigez les champs signalés ci-dessous : le journal s’affichera avec vos filtres.',
          },
        ];
    const query = apiQuery(filters);
    query.set('limit', String(PAGE_SIZE));
    query.set('with_total', 'true');
    if (filters.suite) query.set('cursor', String(filters.suite));
    const page = parsed.success
      ? await api.json<{ items: AuditEventView[]; next_cursor: number | null; total: number | null }>(
          request,
          account,
          `/v1/audit?${query}`,
        )
      : null;
    const references = new Map(conventions.map((c) => [c.id, c.reference]));
    const kept = pageQuery(filters);
    const before = filters.suite ? seqTrail(typed.avant) : [];
    const at = (trail: readonly number[], cursor: number | undefined) => {
      const q = new URLSearchParams(kept);
      if (cursor) q.set('suite', String(cursor));
      if (cursor && trail.length) q.set('avant', trail.join('.'));
      return `/console/audit${q.size ? `?${q}` : ''}`;
    };
    const pageNumber = filters.suite ? before.length + 2 : 1;
    const previous = filters.suite ? at(before.slice(0, -1), before.at(-1)) : null;
    const following =
      page?.next_cursor != null
        ? at(filters.suite ? [...before, filters.suite] : [], page.next_cursor)
        : null;
    return sendPage(request, reply, {
      title: 'Journal d’audit',
      section: 'audit',
      alerts,
      main: html`<h1>Journal d’audit</h1>
        <p class="fr-text--lead">Chaque accès aux données de vos conventions, réussi ou refusé, est inscrit dans un journal chaîné : chaque événement scelle le précédent.</p>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li><a class="fr-btn fr-icon-shield-line" href="/console/audit/verification">Vérifier l’intégrité du journal</a></li>
          ${
            page
              ? html`<li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/console/audit/export.csv?${kept}" download>Exporter (CSV)</a></li>
          <li><a class="fr-btn fr-btn--tertiary fr-icon-download-line" href="/console/audit/export.jsonl?${kept}" download>Exporter (JSON Lines)</a></li>`
              : ''
          }
        </ul>
        <form method="get" action="/console/audit" class="fr-mb-4w">
          <fieldset class="fr-fieldset" aria-labelledby="titre-filtres">
            <legend class="fr-fieldset__legend" id="titre-filtres">Filtrer les événements</legend>
            <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
              <div class="fr-col-12 fr-col-md-4">${select({
                name: 'convention_id',
                label: 'Convention',
                value: filters.convention_id,
                options: [
                  { value: '', label: 'Toutes mes conventions' },
                  ...conventions.map((c) => ({ value: c.id, label: c.reference })),
                ],
              })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'actor', label: 'Acteur', hint: 'Identifiant du compte ou du client d’API', value: typed.actor, error: issues.actor ? 'Un identifiant compte au plus 200 caractères.' : undefined })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({
                name: 'action',
                label: 'Action',
                value: typed.action,
                error: issues.action ? 'Choisissez une action de la liste.' : undefined,
                options: [
                  { value: '', label: 'Toutes' },
                  ...Object.entries(auditActionLabels)
                    .sort(([, a], [, b]) => a.localeCompare(b, 'fr'))
                    .map(([value, l]) => ({ value, label: l })),
                ],
              })}</div>
              <div class="fr-col-12 fr-col-md-4">${select({
                name: 'outcome',
                label: 'Résultat',
                value: filters.outcome,
                options: [
                  { value: '', label: 'Tous' },
                  ...Object.entries(auditOutcomeLabels).map(([value, l]) => ({ value, label: l })),
                ],
              })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'du', label: 'Du', hint: 'Format attendu : AAAA-MM-JJ', type: 'date', value: typed.du, error: issues.du ? 'Date invalide : indiquez un jour qui existe, au format AAAA-MM-JJ.' : undefined })}</div>
              <div class="fr-col-12 fr-col-md-4">${input({ name: 'au', label: 'Au (inclus)', hint: 'Format attendu : AAAA-MM-JJ', type: 'date', value: typed.au, error: issues.au ? 'Date invalide : indiquez un jour qui existe, au format AAAA-MM-JJ.' : undefined })}</div>
              <div class="fr-col-12">${input({
                name: 'pseudonym',
                label: 'Pseudonyme d’une personne',
                hint: 'Les accès qui ont porté sur cette personne (droit d’accès, RGPD art. 15) : 43 caractères',
                value: typed.pseudonym,
                error: issues.pseudonym
                  ? 'Un pseudonyme compte 43 caractères (lettres, chiffres, - et _).'
                  : undefined,
              })}</div>
            </div></div>
            <div class="fr-fieldset__element">
              <ul class="fr-btns-group fr-btns-group--inline-sm">
                <li><button class="fr-btn" type="submit">Filtrer</button></li>
                <li><a class="fr-btn fr-btn--tertiary" href="/console/audit">Effacer les filtres</a></li>
              </ul>
            </div>
          </fieldset>
        </form>
        ${page ? eventsTable(page, references, pageNumber, previous, following) : ''}`,
    });
  });

  app.get('/audit/verification', { schema: { hide: true } }, async (request, reply) => {
    const { account } = request.consoleSession!;
    const result = await api.json<VerificationView>(request, account, '/v1/audit/verify');
    const checkpoints = result.checkpoints;
    const alerts: Alert[] = result.ok
      ? [
          {
            tone: 'success',
            title: 'Le journal est intègre',
            text: `${formatCount(result.checked)} événements vérifiés : chacun correspond à son empreinte et scelle le précédent. ${checkpointsSentence(checkpoints)}`,
          },
        ]
      : [
          {
            tone: 'error',
            title: 'Le journal a été altéré',
            text: result.first_broken
              ? `Premier événement en cause : n° ${formatCount(result.first_broken.seq)} — ${label(chainBreakLabels, result.first_broken.reason)}.`
              : checkpoints?.first_mismatch
                ? `Point de contrôle n° ${formatCount(checkpoints.first_mismatch.id)} en cause — ${label(chainBreakLabels, checkpoints.first_mismatch.reason)}.`
                : result.freshness?.reason
                  ? `Points de contrôle en défaut — ${label(chainBreakLabels, result.freshness.reason)}.`
                  : 'La vérification a échoué.',
          },
        ];
    return sendPage(request, reply, {
      title: 'Vérification du journal d’audit',
      section: 'audit',
      crumbs: [{ label: 'Journal d’audit', href: '/console/audit' }, { label: 'Vérification' }],
      alerts,
      main: html`<h1>Vérification du journal d’audit</h1>
        <p>La vérification recalcule l’empreinte de chaque événement depuis le premier et contrôle les points de contrôle signés par le service, qui révèlent une réécriture complète ou une fin de journal coupée.</p>
        ${table(
          'Résultat de la vérification',
          [
            { label: 'Contrôle', cell: (r: [string, unknown]) => r[0] },
            { label: 'Résultat', cell: (r) => r[1] },
          ],
          [
            ['Événements vérifiés', formatCount(result.checked)],
            ['Dernier événement', result.head ? `n° ${formatCount(result.head.seq)}` : '—'],
            [
              'Empreinte du dernier événement',
              html`<span class="console-code">${result.head?.hash ?? '—'}</span>`,
            ],
            ...(checkpoints
              ? ([
                  ['Points de contrôle vérifiés', formatCount(checkpoints.checked)],
                  [
                    'Dernier point de contrôle valide',
                    checkpoints.latest_verified
                      ? `n° ${formatCount(checkpoints.latest_verified.id)}, jusqu’à l’événement n° ${formatCount(checkpoints.latest_verified.seq)} (${formatDateTime(checkpoints.latest_verified.at)})`
                      : 'aucun',
                  ],
                ] as [string, unknown][])
              : []),
            ...(result.freshness
              ? ([
                  ['Événements pas encore scellés', formatCount(result.freshness.unvouched)],
                  [
                    'Âge du dernier point de contrôle',
                    result.freshness.newest_checkpoint_age_seconds === null
                      ? 'aucun point de contrôle'
                      : `${formatCount(Math.round(result.freshness.newest_checkpoint_age_seconds))} s (période : ${formatCount(result.freshness.period_seconds)} s)`,
                  ],
                ] as [string, unknown][])
              : []),
            ['Vérifié le', formatDateTime(new Date())],
          ],
        )}
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/console/audit">Revenir au journal</a>`,
    });
  });

  for (const [format, path] of [
    ['csv', '/v1/audit/export.csv'],
    ['jsonl', '/v1/audit/export'],
  ] as const) {
    app.get(`/audit/export.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const parsed = filtersSchema.safeParse(request.query);
      const query = apiQuery(parsed.success ? parsed.data : noFilters);
      const download = await api.download(request, request.consoleSession!.account, {
        url: `${path}?${query}`,
      });
      return sendDownload(reply, download, `audit.${format}`);
    });
  }
}
