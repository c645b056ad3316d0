// In production the console works over HTTPS only: its cookies are `Secure` and `__Host-`, and the
// CSP upgrades its styles and scripts to https. Reached over plain HTTP (the API's port published,
// or a proxy without TRUST_PROXY), it would show a page without styles whose sign-in never sticks:
// it says why instead, with the way to the right address.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from './html.ts';

export function plainHttpPage(hostname: string): string {
  const target = /^[A-Za-z0-9.-]{1,253}$/.test(hostname)
    ? `https://${hostname}/console`
    : 'https://…/console';
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion non chiffrée — nonrecours</title>
<style>body{font-family:Marianne,Arial,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#161616}h1{font-size:1.75rem}code{background:#eee;padding:0 .25rem}</style>
</head>
<body>
<main>
<h1>Cette console ne s’ouvre qu’en HTTPS</h1>
<p>Vous l’avez atteinte par une connexion non chiffrée (HTTP). En production, ses cookies de session ne circulent que sur une connexion chiffrée et ses feuilles de style et scripts sont demandés en HTTPS : par HTTP, la page s’afficherait sans mise en forme et la connexion n’aboutirait pas.</p>
<p>Ouvrez <a href="${target}">${target}</a>.</p>
<h2>Pour l’exploitant</h2>
<p>Servez la console derrière le proxy TLS (service <code>proxy</code> du <code>docker-compose.yml</code>, Caddy) sans publier le port de l’API, et réglez <code>TRUST_PROXY=true</code> pour que l’API sache que la connexion d’origine est chiffrée.</p>
</main>
</body>
</html>`.toString();
}

/** onRequest hook of the console in production. */
export async function refusePlainHttp(request: FastifyRequest, reply: FastifyReply) {
  if (request.protocol === 'https') return;
  return reply
    .status(403)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(plainHttpPage(request.hostname));
}
