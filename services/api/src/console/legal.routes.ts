// The pages a State site links from its footer, open without signing in: the accessibility statement
// (RGAA 4.1 model, with the status as measured), the legal notice and the personal data notice.
import type { FastifyInstance } from 'fastify';
import { html } from './html.ts';
import { ACCESSIBILITY_STATUS } from './layout.ts';
import { sendPage } from './render.ts';

const open = { config: { consolePublic: true }, schema: { hide: true } } as const;

const accessibility = html`<h1>Déclaration d’accessibilité</h1>
  <p>Le service nonrecours s’engage à rendre sa console accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
  <p>Cette déclaration d’accessibilité s’applique à la console web de nonrecours (toutes les pages sous <code>/console</code>).</p>

  <h2>État de conformité</h2>
  <p>La console est <strong>${ACCESSIBILITY_STATUS}</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 : aucun audit complet n’a encore été réalisé.</p>

  <h2>Résultats des tests</h2>
  <p>Les tests automatisés de la console, joués à chaque version dans le navigateur Chromium pour chaque rôle (organisme partenaire, équipe territoriale, délégué à la protection des données) et pour les pages publiques, vérifient sur chaque page :</p>
  <ul>
    <li>l’absence d’erreur relevée par le moteur axe-core, à 1 280 et à 375 pixels de large ;</li>
    <li>l’affichage sans défilement horizontal à 320 pixels de large (critère 10.11) : les tableaux larges défilent dans leur propre cadre ;</li>
    <li>l’absence d’erreur dans la console du navigateur.</li>
  </ul>
  <p>Ces tests automatisés ne couvrent qu’une partie des critères du RGAA : ils ne remplacent pas un audit.</p>

  <h2>Contenus non accessibles</h2>
  <ul>
    <li>Les graphiques du tableau de bord sont des images vectorielles ; leurs valeurs sont reprises dans les tableaux qui les suivent.</li>
    <li>Le dépôt d’une extraction depuis la console demande JavaScript ; la commande <code>nonrecours upload</code> en est l’alternative.</li>
  </ul>

  <h2>Établissement de cette déclaration</h2>
  <p>Technologies utilisées : HTML5, CSS, JavaScript, système de design de l’État (DSFR). Environnement de test : Chromium sans affichage, axe-core.</p>

  <h2>Retour d’information et contact</h2>
  <p>Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’équipe territoriale de votre convention ou le délégué à la protection des données de votre organisme pour être orienté vers une alternative accessible.</p>

  <h2>Voies de recours</h2>
  <p>Si vous constatez un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service, que vous nous l’avez signalé et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (<a href="https://formulaire.defenseurdesdroits.fr" target="_blank" rel="noopener" title="formulaire du Défenseur des droits — nouvelle fenêtre">formulaire en ligne</a>), le contacter dans sa région ou lui écrire par courrier, gratuitement et sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>`;

const legalNotice = html`<h1>Mentions légales</h1>
  <h2>Éditeur</h2>
  <p>La console est éditée par l’organisme qui exploite le service pour le territoire, au titre des conventions de partage de données qu’il a signées avec les organismes partenaires. Chaque convention nomme ses parties, sa base légale et sa finalité ; elles figurent au registre des activités de traitement de la convention.</p>
  <h2>Hébergement</h2>
  <p>Le service est hébergé par l’exploitant, en France ou dans l’Union européenne, sans transfert hors de l’Union.</p>
  <h2>Logiciel</h2>
  <p>nonrecours est un logiciel libre publié sous la licence publique de l’Union européenne (EUPL 1.2). Le système de design de l’État est utilisé selon ses conditions d’utilisation.</p>
  <h2>Présomptions</h2>
  <p>Chaque cas présenté est une présomption de droit non demandé, calculée à partir de données pseudonymisées : il doit être vérifié avec la personne et ne fonde aucune décision à lui seul.</p>`;

const personalData = html`<h1>Données personnelles</h1>
  <h2>Ce que la console traite</h2>
  <ul>
    <li><strong>Votre compte</strong> : votre adresse électronique, votre organisme et votre rôle, la date de votre dernière connexion.</li>
    <li><strong>Votre session</strong> : un cookie de session et un cookie de protection des formulaires, strictement nécessaires, sans mesure d’audience ni traceur tiers.</li>
    <li><strong>Le journal d’audit</strong> : chaque accès aux données (qui, quand, depuis quelle adresse IP, quelle action, combien d’enregistrements), conservé pour la durée fixée par la convention afin que le délégué à la protection des données puisse répondre aux demandes d’accès.</li>
    <li><strong>Les cas présumés</strong> : calculés à partir d’extractions pseudonymisées ; la console n’affiche ni nom, ni adresse, ni numéro de sécurité sociale. Seuls les organismes partenaires peuvent ré-identifier leurs propres allocataires, sur leur poste, avec <code>nonrecours reidentify</code>.</li>
  </ul>
  <h2>Base légale et durée de conservation</h2>
  <p>Le traitement repose sur la base légale et la finalité de chaque convention. Les extractions et les cas sont supprimés à l’échéance fixée par la convention ; le registre des activités de traitement de chaque convention en donne le détail.</p>
  <h2>Vos droits</h2>
  <p>Vous disposez d’un droit d’accès, de rectification, d’opposition et de limitation (RGPD, articles 15 à 21). Adressez-vous au délégué à la protection des données de l’organisme qui détient vos données. Vous pouvez aussi saisir la Commission nationale de l’informatique et des libertés (<a href="https://www.cnil.fr" target="_blank" rel="noopener" title="cnil.fr — nouvelle fenêtre">cnil.fr</a>).</p>`;

export async function legalRoutes(app: FastifyInstance) {
  const pages = [
    ['/accessibilite', 'Déclaration d’accessibilité', accessibility],
    ['/mentions-legales', 'Mentions légales', legalNotice],
    ['/donnees-personnelles', 'Données personnelles', personalData],
  ] as const;
  for (const [path, title, main] of pages)
    app.get(path, open, async (request, reply) => sendPage(request, reply, { title, main }));
}
