// Signing in with a local account (e-mail and password) and signing out. Both are audited; a failed
// attempt is recorded without the address typed, and sign-in attempts are rate-limited per address.
import { type Account, accountOfPassword, purgeSessions, recordAccess } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Alert, csrfField, input } from './components.ts';
import { type Html, html } from './html.ts';
import { csrfToken, sendPage } from './render.ts';
import { type Sessions, safeReturnPath } from './session.ts';

export interface SignInOptions {
  db: Db;
  sessions: Sessions;
  /** The name of the OpenID Connect issuer when it is configured (its button is then shown). */
  oidcName: string | null;
  attemptsPerMinute: number;
}

const credentials = z.object({
  email: z.string().trim().min(1),
  password: z.string().min(1),
  suite: z.string().optional(),
});

export function auditSignIn(
  db: Db,
  request: FastifyRequest,
  account: Account | null,
  action: 'console.sign_in' | 'console.sign_out',
  method: string,
) {
  return recordAccess(db, {
    actor: account?.id ?? null,
    org: account?.partner_id ?? null,
    role: account?.role ?? null,
    action,
    target: account ? `account/${account.id}` : null,
    purpose: 'access',
    requestId: request.id,
    ip: request.ip,
    outcome: account ? 'success' : 'denied',
    statusCode: null,
    details: { method },
  });
}

/** Opens the session of an account that proved who it is, and goes to the page it asked for. */
export async function completeSignIn(
  options: Pick<SignInOptions, 'db' | 'sessions'>,
  request: FastifyRequest,
  reply: FastifyReply,
  account: Account,
  method: string,
  returnPath: unknown,
) {
  await purgeSessions(options.db, options.sessions.lifetime);
  await options.sessions.open(reply, account);
  await auditSignIn(options.db, request, account, 'console.sign_in', method);
  return reply.redirect(safeReturnPath(returnPath), 303);
}

export async function signInRoutes(app: FastifyInstance, options: SignInOptions) {
  const { db, sessions } = options;

  function signInPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { email?: string; error?: string; alerts?: Alert[]; suite?: string },
    status = 200,
  ) {
    const oidc: Html | string = options.oidcName
      ? html`<div class="fr-connect-group fr-mb-4w">
          <a class="fr-connect" href="/console/connexion/oidc${state.suite ? `?suite=${encodeURIComponent(state.suite)}` : ''}">
            <span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">${options.oidcName}</span>
          </a>
        </div>
        <p class="fr-hr-or">ou</p>`
      : '';
    return sendPage(
      request,
      reply,
      {
        title: 'Connexion',
        alerts: state.alerts ?? [],
        main: html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Connexion à la console</h1>
          <p>Pour les équipes territoriales, les organismes partenaires et les délégués à la protection des données membres d’une convention.</p>
          ${oidc}
          <form method="post" action="/console/connexion" novalidate>
            ${csrfField(csrfToken(reply))}
            ${state.suite ? html`<input type="hidden" name="suite" value="${state.suite}">` : ''}
            <fieldset class="fr-fieldset" aria-labelledby="titre-identifiants">
              <legend class="fr-fieldset__legend" id="titre-identifiants"><h2 class="fr-h5 fr-mb-0">Se connecter avec son compte</h2></legend>
              <div class="fr-fieldset__element"><p class="fr-text--sm fr-mb-0">Tous les champs sont obligatoires.</p></div>
              <div class="fr-fieldset__element">
                ${input({ name: 'email', label: 'Adresse électronique', hint: 'Format attendu : nom@domaine.fr', type: 'email', autocomplete: 'username', value: state.email, required: true })}
              </div>
              <div class="fr-fieldset__element">
                <div class="fr-password" id="mot-de-passe">
                  <label class="fr-label" for="champ-password">Mot de passe</label>
                  <div class="fr-input-wrap">
                    <input class="fr-password__input fr-input ${state.error ? 'fr-input--error' : ''}" id="champ-password" name="password" type="password"
                      autocomplete="current-password" required aria-required="true" aria-describedby="champ-password-messages" ${state.error ? html`aria-invalid="true"` : ''}>
                  </div>
                  <div class="fr-messages-group" id="champ-password-messages" aria-live="polite">
                    ${state.error ? html`<p class="fr-message fr-message--error">${state.error}</p>` : ''}
                  </div>
                  <div class="fr-password__checkbox fr-checkbox-group fr-checkbox-group--sm">
                    <input aria-label="Afficher le mot de passe" id="afficher-mot-de-passe" type="checkbox">
                    <label class="fr-password__checkbox fr-label" for="afficher-mot-de-passe">Afficher</label>
                  </div>
                </div>
              </div>
              <div class="fr-fieldset__element">
                <button class="fr-btn" type="submit">Se connecter</button>
              </div>
            </fieldset>
          </form>
          <p class="fr-text--sm">Pas de compte ? Votre compte est créé par l’opérateur du service, pour votre organisme et votre rôle dans la convention.</p>
        </div></div>`,
      },
      status,
    );
  }

  app.get(
    '/connexion',
    { config: { consolePublic: true }, schema: { hide: true } },
    async (request, reply) => {
      if (request.consoleSession) return reply.redirect('/console/conventions', 303);
      const query = request.query as Record<string, string | undefined>;
      const alerts: Alert[] = [];
      if (query.expiree || request.consoleSessionEnded)
        alerts.push({ tone: 'warning', text: 'Votre session a expiré. Reconnectez-vous pour continuer.' });
      if (query.deconnecte) alerts.push({ tone: 'success', text: 'Vous êtes déconnecté.' });
      if (query.oidc === 'inconnu')
        alerts.push({
          tone: 'error',
          text: 'Votre identité a été vérifiée, mais aucun compte actif de la console ne lui correspond. Demandez à l’opérateur du service de vous en créer un.',
        });
      if (query.oidc === 'erreur')
        alerts.push({ tone: 'error', text: 'La connexion n’a pas abouti. Recommencez depuis cette page.' });
      return signInPage(request, reply, {
        alerts,
        suite: query.suite ? safeReturnPath(query.suite) : undefined,
      });
    },
  );

  app.post(
    '/connexion',
    {
      config: { consolePublic: true, rateLimit: { max: options.attemptsPerMinute, timeWindow: '1 minute' } },
      schema: { hide: true },
    },
    async (request, reply) => {
      const parsed = credentials.safeParse(request.body);
      if (!parsed.success)
        return signInPage(
          request,
          reply,
          { error: 'Saisissez votre adresse électronique et votre mot de passe.' },
          400,
        );
      const { email, password, suite } = parsed.data;
      const account = await accountOfPassword(db, email, password);
      if (!account) {
        await auditSignIn(db, request, null, 'console.sign_in', 'password');
        return signInPage(
          request,
          reply,
          { email, error: 'Adresse électronique ou mot de passe incorrect, ou compte désactivé.', suite },
          401,
        );
      }
      return completeSignIn(options, request, reply, account, 'password', suite);
    },
  );

  app.post(
    '/deconnexion',
    { config: { consolePublic: true }, schema: { hide: true } },
    async (request, reply) => {
      const account = request.consoleSession?.account ?? null;
      await sessions.close(request, reply);
      if (account) await auditSignIn(db, request, account, 'console.sign_out', 'session');
      return reply.redirect('/console/connexion?deconnecte=1', 303);
    },
  );
}
