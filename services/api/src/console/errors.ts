// What the console answers when something goes wrong: a French page (or a short JSON message for the
// page scripts) that says what to do, never a stack trace. An ended session leads back to sign-in.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-client.ts';
import { html } from './html.ts';
import { sendPage } from './render.ts';
import { apiErrorMessage } from './wording.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Console routes called by the page scripts: errors answer in JSON. */
    consoleJson?: boolean;
    /** Console routes open without a session: sign-in and its OpenID Connect steps. */
    consolePublic?: boolean;
  }
}

interface Explained {
  status: number;
  title: string;
  message: string;
}

function explain(error: FastifyError | Error): Explained {
  if (error instanceof ApiError) {
    const title =
      error.status === 404 ? 'Page introuvable' : error.status === 403 ? 'Accès refusé' : 'Demande refusée';
    return { status: error.status, title, message: apiErrorMessage(error.code) };
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_CSRF_MISSING_SECRET' || fe.code === 'FST_CSRF_INVALID_TOKEN')
    return {
      status: 403,
      title: 'Formulaire expiré',
      message:
        'Ce formulaire a expiré ou ne vient pas de cette console. Revenez à la page précédente, rechargez-la et recommencez.',
    };
  if (fe.statusCode === 429)
    return { status: 429, title: 'Trop de tentatives', message: apiErrorMessage('rate_limited') };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, title: 'Demande refusée', message: apiErrorMessage('invalid_request') };
  return {
    status: 500,
    title: 'Erreur inattendue',
    message:
      'Une erreur inattendue s’est produite. Elle a été enregistrée ; réessayez dans quelques instants.',
  };
}

export function signInRedirect(request: FastifyRequest, reply: FastifyReply) {
  const back = request.method === 'GET' ? `&suite=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/console/connexion?expiree=1${back}`, 303);
}

export function handleConsoleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const explained = explain(error);
  if (explained.status >= 500) request.log.error({ err: error }, 'console request failed');
  const json = request.routeOptions.config?.consoleJson;
  if (error instanceof ApiError && error.status === 401) {
    return json
      ? reply.status(401).send({ message: apiErrorMessage('unauthorized') })
      : signInRedirect(request, reply);
  }
  if (json) return reply.status(explained.status).send({ message: explained.message });
  return sendPage(
    request,
    reply,
    {
      title: explained.title,
      main: html`<h1>${explained.title}</h1>
        <p class="fr-text--lead">${explained.message}</p>
        ${explained.status >= 500 ? html`<p class="fr-text--sm">Référence de la demande : <code>${request.id}</code></p>` : ''}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><a class="fr-btn" href="/console/conventions">Revenir à mes conventions</a></li>
        </ul>`,
    },
    explained.status,
  );
}

export function consoleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendPage(
    request,
    reply,
    {
      title: 'Page introuvable',
      main: html`<h1>Page introuvable</h1>
        <p class="fr-text--lead">La page que vous cherchez n’existe pas, ou l’adresse est incorrecte.</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><a class="fr-btn" href="/console">Revenir à l’accueil</a></li>
        </ul>`,
    },
    404,
  );
}
