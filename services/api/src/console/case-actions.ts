// What a social worker needs on a case page to act on it alone: the case's reference, who can put a
// name on it and how, what to check with the person, the follow-up buttons, the correction of an
// outcome recorded by mistake, and the history with who did what.
import { type CaseStatus, caseStatuses, caseTransitions, correctionReasons } from '@nonrecours/core';
import type { CaseDetailView } from './api-views.ts';
import { csrfField, select, table } from './components.ts';
import { type Html, html } from './html.ts';
import {
  correctionReasonLabels,
  formatDateTime,
  kindLabels,
  label,
  ofMonth,
  outcomeActions,
  outcomeLabels,
  toCheckAlways,
  toCheckByBenefit,
} from './wording.ts';

/** The short reference a worker quotes to a partner: the start of the case id (case_id in exports). */
export const caseReference = (id: string) => id.slice(0, 8);

export function referenceLine(c: CaseDetailView): Html {
  return html`<p class="fr-mb-2w">Référence du cas : <strong class="console-code">${caseReference(c.id)}</strong>
    <span class="fr-hint-text">Identifiant complet, colonne <code>case_id</code> des exports : <span class="console-code">${c.id}</span></span></p>`;
}

/** Who can re-identify the person, from which extract, and the command they run on their own computer. */
export function reidentificationSection(c: CaseDetailView, role: string): Html {
  const partners = c.reidentification;
  if (partners.length === 0)
    return html`<h2>Ré-identifier la personne</h2>
      <p>Aucune extraction encore détenue par le service n’est à l’origine de ce cas : aucun organisme ne peut le ré-identifier.</p>`;
  const intro =
    role === 'partner'
      ? 'Votre organisme peut retrouver la personne dans son propre fichier en clair :'
      : 'Le service ne connaît ni le nom ni l’adresse de la personne. Ces organismes peuvent la retrouver dans leur propre fichier en clair, chacun sur son poste :';
  const kinds = [...new Set(partners.map((p) => p.kind))];
  return html`<h2>Ré-identifier la personne</h2>
    <p>${intro}</p>
    <ul>
      ${partners.map(
        (p) =>
          html`<li><strong>${p.partner_name}</strong> (${label(kindLabels, p.kind)}), avec son extraction ${ofMonth(p.reference_month)}${p.profile ? ' — celle sur laquelle le cas a été calculé' : ''}.</li>`,
      )}
    </ul>
    <p>Comment : l’organisme télécharge ses cas depuis sa page de la convention (« Télécharger mes cas »), puis lance sur son poste, avec le fichier en clair qu’il avait pseudonymisé pour cette extraction et la clé de la convention :</p>
    ${kinds.map((k) => html`<pre class="console-command"><code>nonrecours reidentify --kind ${k} --cases cas.csv --clear fichier-en-clair.csv --key-file cle-convention --out contacts.csv</code></pre>`)}
    <p>La personne est la ligne de <code>contacts.csv</code> dont la colonne <code>case_id</code> commence par <strong class="console-code">${caseReference(c.id)}</strong>. Rien n’est envoyé au service pendant cette étape.</p>`;
}

/** What to check with the person: the benefit's conditions and the generic checks (the rule's own
 * limits are in the case's plain French). */
export function toCheckSection(c: CaseDetailView): Html {
  const items = [...(toCheckByBenefit[c.benefit] ?? []), ...toCheckAlways];
  return html`<h2>À vérifier avec la personne</h2>
    <ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

type Change = NonNullable<CaseDetailView['status_history']>[number];

const who = (h: Change) =>
  h.actor_name
    ? html`${h.actor_name}${h.organisation_name ? html`<br><span class="fr-text--xs">${h.organisation_name}</span>` : ''}`
    : html`<span class="console-code">${h.actor}</span>`;

/** The follow-up: the next outcomes, the correction of the last one, and the history. */
export function followUpSection(c: CaseDetailView, base: string, csrf: string): Html {
  const next = caseTransitions[c.status as CaseStatus] ?? [];
  const history = c.status_history ?? [];
  const action = `${base}/cas/${c.id}/suivi`;
  return html`<h2>Suivi</h2>
    ${
      next.length
        ? html`<p>Enregistrez ce qui s’est passé avec la personne : seul le code de suivi est conservé, jamais de commentaire libre.</p>
          <form method="post" action="${action}">
            ${csrfField(csrf)}
            <ul class="fr-btns-group fr-btns-group--inline-md">
              ${next.map((s) => html`<li><button class="fr-btn fr-btn--secondary" type="submit" name="status" value="${s}">${label(outcomeActions, s)}</button></li>`)}
            </ul>
          </form>`
        : html`<p>Ce suivi est terminé : ${label(outcomeLabels, c.status).toLowerCase()}.</p>`
    }
    ${history.length ? correctionForm(c, action, csrf) : ''}
    ${table(
      'Historique du suivi',
      [
        { label: 'Date', cell: (h: Change) => formatDateTime(h.at) },
        { label: 'Suivi', cell: (h) => label(outcomeLabels, h.status) },
        {
          label: 'Correction',
          cell: (h) =>
            h.correction
              ? `corrige « ${label(outcomeLabels, h.correction.previous)} » : ${label(correctionReasonLabels, h.correction.reason).toLowerCase()}`
              : '—',
        },
        { label: 'Par', cell: who },
      ],
      history,
      'aucun suivi enregistré.',
    )}`;
}

function correctionForm(c: CaseDetailView, action: string, csrf: string): Html {
  const others = caseStatuses.filter((s) => s !== c.status);
  return html`<details class="fr-mb-3w">
    <summary>Corriger le suivi « ${label(outcomeLabels, c.status)} » (erreur de saisie, information nouvelle)</summary>
    <form method="post" action="${action}" class="fr-mt-2w">
      ${csrfField(csrf)}
      <p class="fr-text--sm">La correction remplace le suivi actuel ; l’ancien reste dans l’historique avec la raison, et la correction est inscrite au journal d’audit.</p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">${select({
          name: 'status',
          label: 'Suivi correct',
          required: true,
          options: others.map((s) => ({ value: s, label: label(outcomeLabels, s) })),
        })}</div>
        <div class="fr-col-12 fr-col-md-6">${select({
          name: 'correction_reason',
          label: 'Raison de la correction',
          required: true,
          options: correctionReasons.map((r) => ({ value: r, label: label(correctionReasonLabels, r) })),
        })}</div>
      </div>
      <button class="fr-btn fr-btn--tertiary fr-mt-2w" type="submit">Corriger le suivi</button>
    </form>
  </details>`;
}
