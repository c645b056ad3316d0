// The cases of a convention: the CSV export (a partner gets the cases of its own people, for
// `nonrecours reidentify`; a territory team all of them), passed on from the API as it streams.
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from './api-client.ts';
import { sendDownload } from './render.ts';

export async function casesRoutes(app: FastifyInstance, options: { api: ApiClient }) {
  const { api } = options;

  app.get<{ Params: { cid: string } }>(
    '/conventions/:cid/cas.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const query = new URL(request.url, 'http://console').search;
      const download = await api.download(request, request.consoleSession!.account, {
        url: `/v1/conventions/${request.params.cid}/cases.csv${query}`,
      });
      return sendDownload(reply, download, 'cases.csv');
    },
  );
}
