// The DPO's page of a convention: its record of processing (GDPR art. 30) as the API draws it from the
// convention's data, the Markdown download for the DPO's register, and a link to its audit events.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiClient } from './api-client.ts';
import type { ConventionView, RecordView } from './api-views.ts';
import { badge, table } from './components.ts';
import { type Html, html } from './html.ts';
import { sendDownload, sendPage } from './render.ts';
import {
  communeLabel,
  conventionStatusLabels,
  formatCount,
  formatDate,
  formatDateTime,
  kindLabels,
  label,
  partnerKindLabels,
  roleLabels,
  yesNo,
} from './wording.ts';

const bullets = (items: readonly string[]) => html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;

function recordSections(record: RecordView): Html {
  return html`
    <h2>Parties à la convention</h2>
    ${table(
      'Membres de la convention et leurs rôles',
      [
        { label: 'Organisme', cell: (p: RecordView['parties'][number]) => p.name },
        { label: 'Nature', cell: (p) => label(partnerKindLabels, p.kind) },
        { label: 'SIRET', cell: (p) => p.siret ?? '—' },
        { label: 'Rôles', cell: (p) => p.roles.map((r) => label(roleLabels, r)).join(', ') },
        {
          label: 'Extractions fournies',
          cell: (p) => p.provides.map((k) => label(kindLabels, k)).join(', ') || '—',
        },
      ],
      record.parties,
      'aucun membre.',
    )}
    <h2>Finalités</h2>
    <p>Finalité inscrite dans la convention : ${record.purposes.stated}</p>
    ${bullets(record.purposes.statements)}
    <h2>Base légale</h2>
    <p>Base inscrite dans la convention : ${record.legal_basis.stated}</p>
    ${bullets(record.legal_basis.gdpr)}
    <h2>Données à caractère personnel</h2>
    <p>Aucun identifiant en clair ne parvient au service : les identités sont des pseudonymes à clé.</p>
    ${record.personal_data.map((d) =>
      table(
        `Extraction ${label(kindLabels, d.kind)} (${d.schema}), fournie par ${d.provided_by.join(', ') || '—'}`,
        [
          {
            label: 'Colonne',
            cell: (c: RecordView['personal_data'][number]['columns'][number]) => html`<code>${c.name}</code>`,
          },
          { label: 'Obligatoire', cell: (c) => yesNo(c.required) },
          { label: 'Catégorie', cell: (c) => c.category },
          {
            label: 'Donnée sensible (art. 9)',
            cell: (c) => (c.special_category ? badge('oui', 'warning') : 'non'),
          },
          { label: 'Description', cell: (c) => c.description },
        ],
        d.columns,
      ),
    )}
    <h2>Destinataires</h2>
    ${table(
      'Accès par rôle',
      [
        { label: 'Rôle', cell: (r: RecordView['recipients'][number]) => label(roleLabels, r.role) },
        { label: 'Organismes', cell: (r) => r.members.join(', ') || '—' },
        { label: 'Accès', cell: (r) => r.access },
      ],
      record.recipients,
    )}
    <h2>Durées de conservation</h2>
    <p>Durée de conservation de la convention : ${formatCount(record.retention.retention_days)} jours.</p>
    ${bullets([record.retention.extracts, record.retention.cases, record.retention.audit_trail])}
    <h2>Transferts hors de l’Union européenne</h2>
    <p>${record.transfers.note}</p>
    <h2>Mesures de sécurité</h2>
    ${bullets(record.security_measures)}
    <h2>Analyse d’impact (AIPD)</h2>
    <p>${record.dpia.note}</p>
    <h2>À compléter par le délégué</h2>
    ${bullets(record.to_complete)}`;
}

export async function dpoConventionPage(
  api: ApiClient,
  request: FastifyRequest,
  reply: FastifyReply,
  convention: ConventionView,
) {
  const { account } = request.consoleSession!;
  const record = await api.json<RecordView>(
    request,
    account,
    `/v1/conventions/${convention.id}/record-of-processing`,
  );
  const base = `/console/conventions/${convention.id}`;
  return sendPage(request, reply, {
    title: `${convention.reference} — registre des traitements`,
    section: 'conventions',
    crumbs: [{ label: 'Mes conventions', href: '/console/conventions' }, { label: convention.reference }],
    main: html`<h1>${convention.reference}</h1>
      <p class="fr-text--lead">${convention.title}</p>
      <p>${badge(label(conventionStatusLabels, convention.status), convention.status === 'active' ? 'success' : 'warning')}
        Valide du ${formatDate(convention.valid_from)} au ${formatDate(convention.valid_until)} · communes ${convention.territory.map(communeLabel).join(', ')} · règles ${convention.rule_pack}</p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li><a class="fr-btn fr-icon-file-text-line" href="/console/audit?convention_id=${convention.id}">Journal d’audit de la convention</a></li>
        <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="${base}/registre.md" download>Télécharger le registre (Markdown)</a></li>
      </ul>
      <h2 class="fr-mt-4w">Registre des activités de traitement (RGPD art. 30)</h2>
      <p class="fr-text--sm">Établi le ${formatDateTime(record.generated_at)} à partir des données de la convention.</p>
      ${recordSections(record)}`,
  });
}

export async function recordRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/registre.md',
    { schema: { hide: true } },
    async (request, reply) => {
      const download = await options.api.download(request, request.consoleSession!.account, {
        url: `/v1/conventions/${request.params.cid}/record-of-processing.md`,
      });
      return sendDownload(reply, download, 'record-of-processing.md');
    },
  );
}
