// DSFR building blocks of the console pages: alerts, badges, form fields, tables, breadcrumbs. Each
// label is tied to its field and each error announced, for RGAA (criteria 11.1, 11.10).
import { type Html, html } from './html.ts';

export type Tone = 'success' | 'error' | 'info' | 'warning';

export interface Alert {
  tone: Tone;
  title?: string;
  text: string | Html;
}

export const alert = (a: Alert) =>
  html`<div class="fr-alert fr-alert--${a.tone} ${a.title ? '' : 'fr-alert--sm'} fr-mb-3w" role="${a.tone === 'error' ? 'alert' : 'status'}">
    ${a.title ? html`<h2 class="fr-alert__title">${a.title}</h2>` : ''}<p>${a.text}</p>
  </div>`;

export const badge = (label: string, tone: Tone | 'new' | null = null) =>
  html`<p class="fr-badge fr-badge--sm ${tone ? `fr-badge--${tone}` : ''} fr-badge--no-icon">${label}</p>`;

export interface FieldInput {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value?: string | undefined;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  attributes?: Html;
}

const messages = (id: string, error: string | undefined) =>
  html`<div class="fr-messages-group" id="${id}-messages" aria-live="polite">${
    error ? html`<p class="fr-message fr-message--error">${error}</p>` : ''
  }</div>`;

const hintOf = (hint: string | undefined) => (hint ? html`<span class="fr-hint-text">${hint}</span>` : '');

export function input(f: FieldInput): Html {
  const id = `champ-${f.name}`;
  return html`<div class="fr-input-group ${f.error ? 'fr-input-group--error' : ''}">
    <label class="fr-label" for="${id}">${f.label}${f.required ? html` <span aria-hidden="true">*</span>` : ''}${hintOf(f.hint)}</label>
    <input class="fr-input ${f.error ? 'fr-input--error' : ''}" id="${id}" name="${f.name}" type="${f.type ?? 'text'}"
      value="${f.value ?? ''}" aria-describedby="${id}-messages"
      ${f.required ? html`required aria-required="true"` : ''} ${f.autocomplete ? html`autocomplete="${f.autocomplete}"` : ''}
      ${f.error ? html`aria-invalid="true"` : ''} ${f.attributes ?? ''}>
    ${messages(id, f.error)}
  </div>`;
}

export interface SelectInput {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value?: string | undefined;
  options: readonly { value: string; label: string }[];
  required?: boolean;
}

export function select(f: SelectInput): Html {
  const id = `champ-${f.name}`;
  return html`<div class="fr-select-group ${f.error ? 'fr-select-group--error' : ''}">
    <label class="fr-label" for="${id}">${f.label}${f.required ? html` <span aria-hidden="true">*</span>` : ''}${hintOf(f.hint)}</label>
    <select class="fr-select ${f.error ? 'fr-select--error' : ''}" id="${id}" name="${f.name}" aria-describedby="${id}-messages"
      ${f.required ? html`required aria-required="true"` : ''}>
      ${f.options.map((o) => html`<option value="${o.value}" ${o.value === (f.value ?? '') ? html`selected` : ''}>${o.label}</option>`)}
    </select>
    ${messages(id, f.error)}
  </div>`;
}

export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

export interface Column<T> {
  label: string;
  cell: (row: T) => unknown;
  numeric?: boolean;
}

/**
 * A DSFR table; the caption names it for screen readers, header cells are scoped. A table wider than
 * the screen scrolls inside its own container (the page itself reflows, RGAA 10.11); the container
 * takes the keyboard focus so that it can be scrolled without a mouse.
 */
export function table<T>(
  caption: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  empty = 'Aucune donnée.',
): Html {
  if (rows.length === 0) return html`<p class="fr-text--sm">${caption} : ${empty}</p>`;
  return html`<div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0" role="region" aria-label="${caption}"><div class="fr-table__content">
    <table>
      <caption>${caption}</caption>
      <thead><tr>${columns.map((c) => html`<th scope="col" class="${c.numeric ? 'console-num' : ''}">${c.label}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td class="${c.numeric ? 'console-num' : ''}">${c.cell(r)}</td>`)}</tr>`)}</tbody>
    </table>
  </div></div></div></div>`;
}

export interface Crumb {
  label: string;
  href?: string;
}

export function breadcrumb(crumbs: readonly Crumb[]): Html {
  if (crumbs.length === 0) return html``;
  return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
    <button type="button" class="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d’Ariane</button>
    <div class="fr-collapse" id="fil-ariane"><ol class="fr-breadcrumb__list">
      ${crumbs.map((c, i) =>
        i === crumbs.length - 1 || !c.href
          ? html`<li><a class="fr-breadcrumb__link" aria-current="page">${c.label}</a></li>`
          : html`<li><a class="fr-breadcrumb__link" href="${c.href}">${c.label}</a></li>`,
      )}
    </ol></div>
  </nav>`;
}

export interface PagerInput {
  /** Names the navigation for screen readers. */
  label: string;
  /** This page's number, from 1. */
  page: number;
  /** How many pages there are, when known. */
  pages?: number | null;
  previous: string | null;
  next: string | null;
}

/** The DSFR pagination of a list read page after page: previous, where we are, next. */
export function pager(p: PagerInput): Html {
  if (!p.previous && !p.next) return html``;
  const of = p.pages ? ` sur ${p.pages}` : '';
  const link = (href: string | null, cls: string, text: string) =>
    href
      ? html`<li><a class="fr-pagination__link ${cls} fr-pagination__link--lg-label" href="${href}">${text}</a></li>`
      : html`<li><a class="fr-pagination__link ${cls} fr-pagination__link--lg-label" aria-disabled="true" role="link">${text}</a></li>`;
  return html`<nav role="navigation" class="fr-pagination fr-mt-3w" aria-label="${p.label}">
    <ul class="fr-pagination__list">
      ${link(p.previous, 'fr-pagination__link--prev', 'Page précédente')}
      <li><a class="fr-pagination__link" aria-current="page" title="Page ${p.page}${of}">Page ${p.page}${of}</a></li>
      ${link(p.next, 'fr-pagination__link--next', 'Page suivante')}
    </ul>
  </nav>`;
}
