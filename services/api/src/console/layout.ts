// The page shell of the console: DSFR header (service name, who is signed in, sign-out), main
// navigation by role, skip links, breadcrumb, alerts and footer.
import type { Account } from '@nonrecours/core';
import { type Alert, alert, breadcrumb, type Crumb, csrfField } from './components.ts';
import { type Html, html } from './html.ts';
import { roleLabels } from './wording.ts';

/**
 * The compliance status the accessibility statement declares. No full RGAA audit has been made: only
 * the automated checks of the browser tests (axe-core, reflow at 320 px), so the law's wording is
 * « non conforme » until an audit measures a rate.
 */
export const ACCESSIBILITY_STATUS = 'non conforme';

/** The pages every State site links from its footer (console legal.routes.ts). */
export const footerPages = [
  { href: '/console/accessibilite', label: `Accessibilité : ${ACCESSIBILITY_STATUS}` },
  { href: '/console/mentions-legales', label: 'Mentions légales' },
  { href: '/console/donnees-personnelles', label: 'Données personnelles' },
] as const;

export const SERVICE_NAME = 'nonrecours';
const TAGLINE = 'Repérage du non-recours aux droits sociaux — Territoires zéro non-recours';
const dsfr = '/console/dsfr';

export interface PageInput {
  title: string;
  /** The signed-in account, null on the sign-in and error pages. */
  account: Account | null;
  /** For the sign-out form of the header. */
  csrfToken?: string;
  crumbs?: readonly Crumb[];
  alerts?: readonly Alert[];
  /** Reloads the page every so many seconds when scripts are off (a run in progress). */
  refreshSeconds?: number | undefined;
  /** The navigation entry to mark as the current one. */
  section?: 'conventions' | 'audit';
  main: Html;
}

function navigation(account: Account, section: PageInput['section']) {
  const entries = [
    { href: '/console/conventions', label: 'Mes conventions', id: 'conventions' },
    ...(account.role === 'dpo' ? [{ href: '/console/audit', label: 'Journal d’audit', id: 'audit' }] : []),
  ];
  return html`<nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal">
    <ul class="fr-nav__list">
      ${entries.map(
        (e) =>
          html`<li class="fr-nav__item"><a class="fr-nav__link" href="${e.href}" ${e.id === section ? html`aria-current="page"` : ''}>${e.label}</a></li>`,
      )}
    </ul>
  </nav>`;
}

// Only for a signed-in account: the DSFR script copies the tools into the menu it then expects.
function tools(account: Account, csrfToken: string | undefined) {
  return html`<ul class="fr-btns-group">
    <li><p class="console-identity"><span class="fr-icon-account-circle-line fr-icon--sm fr-mr-1v" aria-hidden="true"></span>${account.email} · ${roleLabels[account.role]}</p></li>
    <li><form method="post" action="/console/deconnexion">${csrfField(csrfToken ?? '')}
      <button type="submit" class="fr-btn fr-icon-logout-box-r-line">Se déconnecter</button></form></li>
  </ul>`;
}

export function page(input: PageInput): Html {
  const { account } = input;
  return html`<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="format-detection" content="telephone=no,date=no,address=no,email=no,url=no">
  <title>${input.title} — ${SERVICE_NAME}</title>
  <meta name="theme-color" content="#000091">
  ${input.refreshSeconds ? html`<noscript><meta http-equiv="refresh" content="${input.refreshSeconds}"></noscript>` : ''}
  <link rel="icon" href="${dsfr}/favicon/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="${dsfr}/dsfr.min.css">
  <link rel="stylesheet" href="${dsfr}/utility/utility.min.css">
  <link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
  <div class="fr-skiplinks">
    <nav class="fr-container" role="navigation" aria-label="Accès rapide">
      <ul class="fr-skiplinks__list">
        <li><a class="fr-link" href="#contenu">Contenu</a></li>
        ${account ? html`<li><a class="fr-link" href="#navigation">Menu</a></li>` : ''}
        <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
      </ul>
    </nav>
  </div>
  <header role="banner" class="fr-header">
    <div class="fr-header__body">
      <div class="fr-container">
        <div class="fr-header__body-row">
          <div class="fr-header__brand fr-enlarge-link">
            <div class="fr-header__brand-top">
              <div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div>
              ${account ? html`<div class="fr-header__navbar"><button class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="menu-principal" aria-haspopup="menu" id="bouton-menu" title="Menu" type="button">Menu</button></div>` : ''}
            </div>
            <div class="fr-header__service">
              <a href="/console" title="Accueil — ${SERVICE_NAME}"><p class="fr-header__service-title">${SERVICE_NAME}</p></a>
              <p class="fr-header__service-tagline">${TAGLINE}</p>
            </div>
          </div>
          ${account ? html`<div class="fr-header__tools"><div class="fr-header__tools-links">${tools(account, input.csrfToken)}</div></div>` : ''}
        </div>
      </div>
    </div>
    ${
      account
        ? html`<div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
      <div class="fr-container">
        <button class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer" type="button">Fermer</button>
        <div class="fr-header__menu-links"></div>
        ${navigation(account, input.section)}
      </div>
    </div>`
        : ''
    }
  </header>
  <main id="contenu" role="main" class="fr-container fr-pt-2w fr-pb-8w" tabindex="-1">
    ${breadcrumb(input.crumbs ?? [])}
    ${(input.alerts ?? []).map(alert)}
    ${input.main}
  </main>
  <footer class="fr-footer" role="contentinfo" id="pied-de-page">
    <div class="fr-container">
      <div class="fr-footer__body">
        <div class="fr-footer__brand fr-enlarge-link">
          <a href="/console" title="Retour à l’accueil — ${SERVICE_NAME}"><p class="fr-logo">République<br>Française</p></a>
        </div>
        <div class="fr-footer__content">
          <p class="fr-footer__content-desc">Rapprochement de fichiers pseudonymisés des organismes partenaires, sous convention, pour repérer des droits présumés non demandés (RSA, prime d’activité, complémentaire santé solidaire, ASPA). Chaque cas est une présomption à vérifier avec la personne ; chaque accès est tracé.</p>
          <ul class="fr-footer__content-list">
            <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.legifrance.gouv.fr" target="_blank" rel="noopener" title="legifrance.gouv.fr — nouvelle fenêtre">legifrance.gouv.fr</a></li>
            <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.cnil.fr" target="_blank" rel="noopener" title="cnil.fr — nouvelle fenêtre">cnil.fr</a></li>
          </ul>
        </div>
      </div>
      <div class="fr-footer__bottom">
        <ul class="fr-footer__bottom-list">
          ${footerPages.map((p) => html`<li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="${p.href}">${p.label}</a></li>`)}
          <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/docs">Documentation de l’API</a></li>
        </ul>
      </div>
    </div>
  </footer>
  <script type="module" src="${dsfr}/dsfr.module.min.js"></script>
  <script nomodule src="${dsfr}/dsfr.nomodule.min.js"></script>
  <script type="module" src="/console/assets/console.js"></script>
</body>
</html>`;
}
