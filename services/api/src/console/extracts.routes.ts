// The partner's pages: its extracts under a convention (status, freshness, counts), the upload form
// (key check value computed in the browser, progress bar), an extract's refusal and row errors, and
// the download of its own cases for `nonrecours reidentify`.
import { schemaOfKind, schemasOfKind } from '@nonrecours/pseudo';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ApiClient, errorOf } from './api-client.ts';
import type { ConventionView, ExtractCheckView, ExtractErrorsView, ExtractView } from './api-views.ts';
import { badge, input, pager, select, type Tone, table } from './components.ts';
import { html } from './html.ts';
import { explainRefusal } from './refusal-explained.ts';
import { sendPage } from './render.ts';
import {
  extractStatusLabels,
  formatAge,
  formatBytes,
  formatCount,
  formatDateTime,
  formatMonth,
  kindLabels,
  label,
  ofMonth,
  rowErrorLabels,
} from './wording.ts';

const statusTones: Record<string, Tone> = {
  accepted: 'success',
  receiving: 'info',
  rejected: 'error',
  failed: 'error',
  withdrawn: 'warning',
  purged: 'warning',
};

export const extractBadge = (e: ExtractView) =>
  html`${badge(label(extractStatusLabels, e.status), statusTones[e.status] ?? null)}${
    e.status === 'accepted' && !e.current ? html` ${badge('Remplacée')}` : ''
  }`;

const ERRORS_PAGE = 100;

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export async function partnerHome(
  api: ApiClient,
  request: FastifyRequest,
  reply: FastifyReply,
  convention: ConventionView,
) {
  const { account } = request.consoleSession!;
  const { items } = await api.json<{ items: ExtractView[] }>(
    request,
    account,
    `/v1/conventions/${convention.id}/extracts?limit=50`,
  );
  const base = `/console/conventions/${convention.id}`;
  return sendPage(request, reply, {
    title: `${convention.reference} — extractions`,
    section: 'conventions',
    crumbs: [{ label: 'Mes conventions', href: '/console/conventions' }, { label: convention.reference }],
    main: html`<h1>${convention.reference}</h1>
      <p class="fr-text--lead">${convention.title}</p>

      <h2>Déposer une extraction</h2>
      <p>Le fichier est l’extraction pseudonymisée produite par <code>nonrecours pseudonymise</code> avec la clé de la convention.
        Choisissez aussi le fichier de la clé : son empreinte est calculée dans votre navigateur et seule cette empreinte est envoyée ; la clé ne quitte jamais cette page.</p>
      <noscript>${html`<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>Le dépôt depuis la console demande JavaScript. Sans JavaScript, déposez le fichier avec la commande <code>nonrecours upload</code>.</p></div>`}</noscript>
      <form class="fr-mb-6w" data-upload action="${base}/extractions" method="post">
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            ${select({
              name: 'kind',
              label: 'Type d’extraction',
              required: true,
              options: convention.provides.map((k) => ({
                value: k,
                label: label(kindLabels, k),
              })),
            })}
          </div>
          <div class="fr-col-12 fr-col-md-6">
            ${input({ name: 'reference_month', label: 'Mois de référence', hint: 'Format attendu : AAAA-MM, par exemple 2026-10', type: 'month', value: lastMonth(), required: true, attributes: html`pattern="\\d{4}-\\d{2}"` })}
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <div class="fr-upload-group">
              <label class="fr-label" for="fichier-cle">Fichier de la clé de la convention <span aria-hidden="true">*</span>
                <span class="fr-hint-text">Le fichier écrit par <code>nonrecours keys generate</code> (43 caractères). Il reste sur votre poste.</span></label>
              <input class="fr-upload" type="file" id="fichier-cle" data-key-file aria-describedby="empreinte-cle" required>
            </div>
            <p class="fr-text--sm fr-mt-1w" id="empreinte-cle" data-kcv-output aria-live="polite"></p>
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <div class="fr-upload-group">
              <label class="fr-label" for="fichier-extraction">Fichier de l’extraction <span aria-hidden="true">*</span>
                <span class="fr-hint-text">CSV pseudonymisé (.csv, ou .csv.gz compressé)</span></label>
              <input class="fr-upload" type="file" id="fichier-extraction" data-extract-file accept=".csv,.gz,text/csv,application/gzip" required>
            </div>
          </div>
        </div>
        <div class="fr-fieldset fr-mt-2w"><div class="fr-fieldset__element"><div class="fr-checkbox-group">
          <input type="checkbox" id="verifier-seulement" name="dry_run" value="true" data-dry-run aria-describedby="verifier-seulement-messages">
          <label class="fr-label" for="verifier-seulement">Vérifier seulement (rien n’est enregistré)
            <span class="fr-hint-text">Le fichier est contrôlé comme un dépôt (en-tête, colonnes, chaque ligne) et le résultat affiché ; il n’est pas conservé et ne remplace aucune extraction.</span></label>
          <div class="fr-messages-group" id="verifier-seulement-messages" aria-live="polite"></div>
        </div></div></div>
        <div class="fr-mt-2w" data-upload-progress hidden>
          <label class="fr-label" for="progression-depot">Envoi du fichier</label>
          <progress class="console-progress" id="progression-depot" max="100" value="0"></progress>
        </div>
        <div data-upload-status aria-live="polite"></div>
        <button class="fr-btn fr-icon-upload-line fr-btn--icon-left fr-mt-2w" type="submit">Déposer l’extraction</button>
      </form>

      <h2>Mes extractions</h2>
      ${extractsTable(items, base)}

      <h2>Mes cas à recontacter</h2>
      <p>Les cas présumés qui concernent les personnes de vos propres extractions, pseudonymisés, à rapprocher de vos fichiers en clair sur votre poste avec <code>nonrecours reidentify</code>.</p>
      <a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="${base}/cas.csv" download>Télécharger mes cas (CSV)</a>`,
  });
}

export function extractsTable(items: readonly ExtractView[], base: string) {
  return table(
    'Extractions reçues, les plus récentes d’abord',
    [
      { label: 'Type', cell: (e: ExtractView) => label(kindLabels, e.kind) },
      { label: 'Mois', cell: (e) => formatMonth(e.reference_month) },
      { label: 'Statut', cell: extractBadge },
      {
        label: 'Reçue',
        cell: (e) =>
          html`${formatDateTime(e.received_at)}<br><span class="fr-text--xs">${formatAge(e.received_at)}</span>`,
      },
      { label: 'Lignes retenues', cell: (e) => formatCount(e.valid_count), numeric: true },
      { label: 'Lignes en erreur', cell: (e) => formatCount(e.error_count), numeric: true },
      {
        label: 'Détail',
        cell: (e) =>
          html`<a href="${base}/extractions/${e.id}">Voir<span class="fr-sr-only"> l’extraction ${label(kindLabels, e.kind)} ${ofMonth(e.reference_month)}</span></a>`,
      },
    ],
    items,
    'aucune extraction pour le moment.',
  );
}

const uploadQuery = z.object({
  kind: z.string(),
  reference_month: z.string(),
  schema: z.string().optional(),
  dry_run: z.literal('true').optional(),
});

/** The row errors of a check or an extract as sentences: line, column and what is wrong. */
const rowErrorSentences = (errors: readonly { line: number; column: string | null; code: string }[]) =>
  errors.map(
    (e) =>
      `Ligne ${formatCount(e.line)}${e.column ? `, colonne « ${e.column} »` : ''} : ${label(rowErrorLabels, e.code)}.`,
  );

/** What the console says of a dry run: the verdict, the counts, the refusal or the first row errors. */
function checkAnswer(check: ExtractCheckView, kind: string) {
  const counts = `${formatCount(check.row_count)} lignes lues, ${formatCount(check.valid_count)} retenues, ${formatCount(check.error_count)} en erreur`;
  if (check.verdict === 'accepted')
    return {
      verdict: 'accepted' as const,
      message: `Vérification terminée : ce fichier serait accepté (${counts}). Rien n’a été enregistré.`,
      points: rowErrorSentences(check.errors.slice(0, 20)),
    };
  return {
    verdict: 'rejected' as const,
    message: `Vérification terminée : ce fichier serait refusé${check.row_count ? ` (${counts})` : ''}. Rien n’a été enregistré.`,
    points: [
      ...(check.refusal ? explainRefusal(check.refusal, label(kindLabels, kind)) : []),
      ...rowErrorSentences(check.errors.slice(0, 20)),
    ],
  };
}

export async function extractsRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;

  // The extract goes on to the API as it arrives: the console never holds the file.
  app.addContentTypeParser(['text/csv', 'application/gzip'], (_request, _payload, done) => done(null));

  app.get<{ Params: { cid: string; id: string }; Querystring: { suite?: string; avant?: string } }>(
    '/conventions/:cid/extractions/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { account } = request.consoleSession!;
      const { cid, id } = request.params;
      const base = `/v1/conventions/${cid}/extracts/${id}`;
      const extract = await api.json<ExtractView>(request, account, base);
      const cursor = Number(request.query.suite ?? 0) || 0;
      const before = cursor
        ? (request.query.avant ?? '')
            .split('.')
            .map(Number)
            .filter((n) => Number.isInteger(n) && n > 0)
        : [];
      const errors =
        account.role === 'partner' && (extract.error_count ?? 0) > 0
          ? await api.json<ExtractErrorsView>(
              request,
              account,
              `${base}/errors?limit=${ERRORS_PAGE}&cursor=${cursor}`,
            )
          : null;
      const title = `Extraction ${label(kindLabels, extract.kind)} ${ofMonth(extract.reference_month)}`;
      return sendPage(request, reply, {
        title,
        section: 'conventions',
        crumbs: [
          { label: 'Mes conventions', href: '/console/conventions' },
          { label: 'Convention', href: `/console/conventions/${cid}` },
          { label: title },
        ],
        alerts: extract.refusal
          ? [
              {
                tone: 'error',
                title: 'Extraction refusée',
                text: html`${explainRefusal(extract.refusal, label(kindLabels, extract.kind)).map((line, i) => html`${i ? html`<br>` : ''}${line}`)}`,
              },
            ]
          : [],
        main: html`<h1>${title}</h1>
          <p>${extractBadge(extract)}</p>
          ${table(
            'Résumé de l’extraction',
            [
              { label: 'Information', cell: (r: [string, unknown]) => r[0] },
              { label: 'Valeur', cell: (r) => r[1] },
            ],
            [
              ['Reçue le', formatDateTime(extract.received_at)],
              ['Traitée le', formatDateTime(extract.finished_at)],
              ['Lignes lues', formatCount(extract.row_count)],
              ['Lignes retenues', formatCount(extract.valid_count)],
              ['Lignes en erreur', formatCount(extract.error_count)],
              ['Taille', formatBytes(extract.bytes)],
              ['Empreinte SHA-256', html`<span class="console-code">${extract.sha256 ?? '—'}</span>`],
              ['Données supprimées le', formatDateTime(extract.expires_at)],
            ],
          )}
          ${errors ? errorsSection(errors, `/console/conventions/${cid}/extractions/${id}`, cursor, before) : ''}`,
      });
    },
  );

  app.post<{ Params: { cid: string } }>(
    '/conventions/:cid/extractions',
    { config: { consoleJson: true }, schema: { hide: true } },
    async (request, reply) => {
      const { account } = request.consoleSession!;
      const { cid } = request.params;
      const query = uploadQuery.safeParse(request.query);
      // The browser names v2 when the file has the monthly columns; otherwise the kind's v1.
      const kind = query.success ? (query.data.kind as keyof typeof schemaOfKind) : undefined;
      const schema =
        kind && query.success && query.data.schema && schemasOfKind[kind]?.includes(query.data.schema)
          ? query.data.schema
          : kind && schemaOfKind[kind];
      if (!query.success || !schema) {
        request.raw.resume();
        return reply
          .status(400)
          .send({ message: 'Choisissez le type d’extraction et son mois de référence.' });
      }
      const params = new URLSearchParams({
        kind: query.data.kind,
        reference_month: query.data.reference_month,
        schema,
      });
      const dryRun = query.data.dry_run === 'true';
      if (dryRun) params.set('dry_run', 'true');
      const headers: Record<string, string> = { 'content-type': 'text/csv' };
      for (const name of ['x-key-check', 'idempotency-key', 'content-length', 'content-encoding']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await api.send(request, account, {
        method: 'POST',
        url: `/v1/conventions/${cid}/extracts?${params}`,
        headers,
        payload: request.raw,
      });
      const body = JSON.parse(answer.body) as {
        id?: string;
        details?: Record<string, unknown> & { extract_id?: string };
      };
      if (dryRun && answer.status === 200)
        return reply.send(checkAnswer(body as unknown as ExtractCheckView, query.data.kind));
      const id = body.id ?? body.details?.extract_id;
      const location = id ? `/console/conventions/${cid}/extractions/${id}` : null;
      if (answer.status >= 400) {
        const error = errorOf(answer);
        const points = explainRefusal(
          { code: error.code, details: body.details },
          label(kindLabels, query.data.kind),
        );
        // One reason is the message itself; several are listed under it.
        const [message, rest] =
          points.length === 1 ? [points[0]!, []] : ['L’extraction est refusée :', points];
        return reply.status(answer.status).send({ message, points: rest, location });
      }
      return reply.status(answer.status).send({ message: 'Extraction reçue.', location });
    },
  );
}
/** The row errors, a hundred a page; the cursors of the pages seen before carry the way back. */
function errorsSection(errors: ExtractErrorsView, page: string, cursor: number, before: readonly number[]) {
  const at = (trail: readonly number[], next: number) => {
    const q = new URLSearchParams();
    if (next) q.set('suite', String(next));
    if (next && trail.length) q.set('avant', trail.join('.'));
    return q.size ? `${page}?${q}` : page;
  };
  const pageNumber = cursor ? before.length + 2 : 1;
  return html`<h2>Lignes en erreur</h2>
    <p>Ces lignes ont été écartées ; les autres ont été chargées. Seuls la ligne, la colonne et la nature de l’erreur sont conservés, jamais la valeur.</p>
    ${table(
      `Erreurs (${formatCount(errors.error_count)} au total), page ${pageNumber}`,
      [
        {
          label: 'Ligne',
          cell: (e: ExtractErrorsView['items'][number]) => formatCount(e.line),
          numeric: true,
        },
        { label: 'Colonne', cell: (e) => (e.column ? html`<code>${e.column}</code>` : '—') },
        { label: 'Erreur', cell: (e) => label(rowErrorLabels, e.code) },
      ],
      errors.items,
      'aucune.',
    )}
    ${pager({
      label: 'Pages des erreurs',
      page: pageNumber,
      previous: cursor ? at(before.slice(0, -1), before.at(-1) ?? 0) : null,
      next: errors.next_cursor === null ? null : at(cursor ? [...before, cursor] : [], errors.next_cursor),
    })}`;
}
