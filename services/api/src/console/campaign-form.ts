// The « Nouvelle campagne » form of the territory team: its fields, what they become in the API's
// request (the list filters parsed and the commune resolved as on the cases list), and the API's
// refusals put back beside the field they concern, or in an alert when they concern the whole.
import { caseBenefits, caseStatuses } from '@nonrecours/core';
import type { FastifyRequest } from 'fastify';
import type { ApiClient } from './api-client.ts';
import { resolvedFilters } from './cases.routes.ts';
import { type Alert, csrfField, input, select } from './components.ts';
import { type Html, html } from './html.ts';
import {
  apiErrorMessage,
  benefitLabels,
  confidenceLabels,
  label,
  outcomeLabels,
  partnerKindLabels,
  ruleLabels,
} from './wording.ts';

export interface ConventionPartner {
  partner_id: string;
  name: string;
  kind: string;
  provides: string[];
}

export const channelLabels: Record<string, string> = {
  courrier: 'Courrier',
  appel: 'Appel téléphonique',
  sms: 'SMS',
  porte_a_porte: 'Porte-à-porte',
  bailleur: 'Par le bailleur',
  permanence: 'Permanence',
};

const fieldNames = [
  'name',
  'benefit',
  'rule',
  'status',
  'confidence',
  'commune',
  'min_amount',
  'channel',
  'contacting_partner_id',
  'starts_on',
  'ends_on',
  'comparison_share',
  'comparison_until',
] as const;
type Field = (typeof fieldNames)[number];

export interface CampaignForm {
  typed: Partial<Record<Field, string>>;
  errors: Partial<Record<Field, string>>;
  alerts: Alert[];
}

/** A day as the date field sends it (YYYY-MM-DD), or as typed where it is a text field (15/12/2026). */
function dayOf(typed: string | undefined): string | null {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed ?? '');
  const day = french
    ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`
    : (typed ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : null;
}
const dayError = 'Indiquez une date, par exemple 15/12/2026.';

/**
 * The form's fields as the API's new campaign, or the errors to show beside the fields: the list
 * filters go through the cases list's own parsing (the commune by name or INSEE code).
 */
export async function campaignRequest(
  api: ApiClient,
  request: FastifyRequest,
  cid: string,
  body: unknown,
): Promise<{ form: CampaignForm; payload: Record<string, unknown> | null }> {
  const raw = (body ?? {}) as Record<string, unknown>;
  const typed: CampaignForm['typed'] = {};
  for (const f of fieldNames) if (typeof raw[f] === 'string') typed[f] = (raw[f] as string).trim();
  const filters = await resolvedFilters(api, request, cid, {
    status: typed.status ?? '',
    confidence: typed.confidence ?? '',
    commune: typed.commune ?? '',
    min_amount: typed.min_amount?.replace(',', '.') ?? '',
  });
  const errors: CampaignForm['errors'] = {};
  for (const f of ['status', 'confidence', 'commune', 'min_amount'] as const)
    if (filters.errors[f]) errors[f] = filters.errors[f];
  if (!typed.name) errors.name = 'Donnez un nom à la campagne, par exemple « Courrier RSA de décembre ».';
  else if (typed.name.length > 200) errors.name = 'Le nom compte au plus 200 caractères.';
  if (!caseBenefits.includes(typed.benefit as never)) errors.benefit = 'Choisissez la prestation.';
  if (typed.rule && !ruleLabels[typed.rule]) errors.rule = 'Choisissez une règle de la liste.';
  if (!channelLabels[typed.channel ?? '']) errors.channel = 'Choisissez le canal de contact.';
  if (!typed.contacting_partner_id) errors.contacting_partner_id = 'Choisissez l’organisme qui contacte.';
  const startsOn = dayOf(typed.starts_on);
  const endsOn = dayOf(typed.ends_on);
  const until = dayOf(typed.comparison_until);
  if (!startsOn) errors.starts_on = dayError;
  if (!endsOn) errors.ends_on = dayError;
  const share = typed.comparison_share ? Number(typed.comparison_share.replace(',', '.')) : null;
  if (share !== null && !(Number.isFinite(share) && share > 0 && share < 100))
    errors.comparison_share = 'Indiquez une part en pourcentage, de 5 à 50, par exemple 20.';
  if (share !== null && !until)
    errors.comparison_until = 'Indiquez jusqu’à quelle date le groupe témoin n’est pas contacté.';
  if (share === null && typed.comparison_until)
    errors.comparison_share = 'Indiquez la part du groupe témoin, ou effacez sa date.';
  const form: CampaignForm = { typed, errors, alerts: [] };
  if (Object.keys(errors).length || !filters.valid) {
    form.alerts.push({
      tone: 'error',
      title: 'Des champs sont à corriger',
      text: 'Corrigez les champs signalés ci-dessous : rien n’a été créé.',
    });
    return { form, payload: null };
  }
  const chosen = filters.valid.api;
  const filter = Object.fromEntries(
    Object.entries({
      rule: typed.rule || undefined,
      status: chosen.status,
      confidence: chosen.confidence,
      commune: chosen.commune,
      min_amount: chosen.min_amount,
    }).filter(([, v]) => v !== undefined),
  );
  const payload = {
    name: typed.name,
    benefit: typed.benefit,
    filter,
    channel: typed.channel,
    contacting_partner_id: typed.contacting_partner_id,
    starts_on: startsOn,
    ends_on: endsOn,
    ...(share === null ? {} : { comparison: { share: share / 100, until } }),
  };
  return { form, payload };
}

/** Where the API's refusal goes: beside its field, or in the alert above the form. */
const refusalFields: Record<string, Field> = {
  refused_not_contacted: 'status',
  contacting_partner_not_member: 'contacting_partner_id',
  invalid_share: 'comparison_share',
};

export function withRefusal(form: CampaignForm, code: string): CampaignForm {
  const errors = { ...form.errors };
  const field =
    code === 'invalid_dates'
      ? (dayOf(form.typed.ends_on) ?? '') < (dayOf(form.typed.starts_on) ?? '')
        ? 'ends_on'
        : 'comparison_until'
      : refusalFields[code];
  if (field)
    errors[field] =
      code !== 'invalid_dates'
        ? apiErrorMessage(code)
        : field === 'ends_on'
          ? 'La fin des contacts vient après leur début.'
          : 'Le groupe témoin n’est pas contacté jusqu’à une date après le début des contacts.';
  return {
    ...form,
    errors,
    alerts: [
      {
        tone: 'error',
        title: 'La campagne n’a pas été créée',
        text: field ? 'Corrigez le champ signalé ci-dessous.' : apiErrorMessage(code),
      },
    ],
  };
}

const choices = (labels: Record<string, string>, first: string, keys = Object.keys(labels)) => [
  { value: '', label: first },
  ...keys.map((k) => ({ value: k, label: label(labels, k) })),
];

export function campaignFormSection(
  form: CampaignForm,
  partners: readonly ConventionPartner[],
  action: string,
  csrf: string,
): Html {
  const { typed: v, errors: e } = form;
  const col = (md: number, field: Html) => html`<div class="fr-col-12 fr-col-md-${md}">${field}</div>`;
  return html`<form method="post" action="${action}" novalidate>
    ${csrfField(csrf)}
    <p class="fr-hint-text">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
    <fieldset class="fr-fieldset" aria-labelledby="titre-campagne">
      <legend class="fr-fieldset__legend" id="titre-campagne">La campagne</legend>
      <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
        ${col(12, input({ name: 'name', label: 'Nom de la campagne', required: true, value: v.name, error: e.name }))}
        ${col(6, select({ name: 'benefit', label: 'Prestation', required: true, value: v.benefit, error: e.benefit, options: choices(benefitLabels, 'Choisissez la prestation', [...caseBenefits]) }))}
        ${col(6, select({ name: 'rule', label: 'Règle', hint: 'Facultative : sans elle, toutes celles de la prestation', value: v.rule, error: e.rule, options: choices(ruleLabels, 'Toutes les règles') }))}
        ${col(6, select({ name: 'channel', label: 'Canal de contact', required: true, value: v.channel, error: e.channel, options: choices(channelLabels, 'Choisissez le canal') }))}
        ${col(
          6,
          select({
            name: 'contacting_partner_id',
            label: 'Organisme qui contacte les personnes',
            hint: 'Il les retrouve dans son propre fichier en clair',
            required: true,
            value: v.contacting_partner_id,
            error: e.contacting_partner_id,
            options: [
              { value: '', label: 'Choisissez l’organisme' },
              ...partners.map((p) => ({
                value: p.partner_id,
                label: `${p.name} (${label(partnerKindLabels, p.kind)})`,
              })),
            ],
          }),
        )}
        ${col(6, input({ name: 'starts_on', label: 'Début des contacts', type: 'date', required: true, value: v.starts_on, error: e.starts_on }))}
        ${col(6, input({ name: 'ends_on', label: 'Fin des contacts', type: 'date', required: true, value: v.ends_on, error: e.ends_on }))}
      </div></div>
    </fieldset>
    <fieldset class="fr-fieldset" aria-labelledby="titre-cohorte">
      <legend class="fr-fieldset__legend" id="titre-cohorte">Les cas à contacter (filtres de la liste des cas)
        <span class="fr-hint-text">La cohorte est figée à la création : les cas du dernier traitement publié qui passent ces filtres, jamais une personne qui a refusé ou s’est opposée, ni un cas déjà dans une campagne en cours de la prestation.</span></legend>
      <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
        ${col(
          6,
          select({
            name: 'status',
            label: 'Suivi',
            value: v.status,
            error: e.status,
            options: choices(
              outcomeLabels,
              'À contacter ou injoignable',
              caseStatuses.filter((s) => s !== 'refused'),
            ),
          }),
        )}
        ${col(6, select({ name: 'confidence', label: 'Confiance', value: v.confidence, error: e.confidence, options: choices(confidenceLabels, 'Toutes') }))}
        ${col(6, input({ name: 'commune', label: 'Commune', hint: 'Nom ou code INSEE, par exemple Rennes ou 35238', value: v.commune, error: e.commune }))}
        ${col(6, input({ name: 'min_amount', label: 'Montant estimé minimal', hint: 'En euros par mois', value: v.min_amount, error: e.min_amount, attributes: html`inputmode="decimal"` }))}
      </div></div>
    </fieldset>
    <fieldset class="fr-fieldset" aria-labelledby="titre-temoin">
      <legend class="fr-fieldset__legend" id="titre-temoin">Groupe témoin (facultatif)
        <span class="fr-hint-text">Une part de chaque strate (prestation × commune), tirée au sort, n’est pas contactée jusqu’à la date indiquée : l’écart de recours mesure alors l’effet du contact.</span></legend>
      <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
        ${col(6, input({ name: 'comparison_share', label: 'Part du groupe témoin', hint: 'En pourcentage, de 5 à 50', value: v.comparison_share, error: e.comparison_share, attributes: html`inputmode="decimal"` }))}
        ${col(6, input({ name: 'comparison_until', label: 'Non contacté avant le', type: 'date', value: v.comparison_until, error: e.comparison_until }))}
      </div></div>
    </fieldset>
    <ul class="fr-btns-group fr-btns-group--inline-sm">
      <li><button class="fr-btn" type="submit">Créer la campagne</button></li>
    </ul>
  </form>`;
}
