// OAuth2 client credentials: POST /v1/token, and the public keys at /.well-known/jwks.json.
import {
  AppError,
  findClient,
  issueAccessToken,
  recordAccess,
  type SigningKey,
  type TokenSettings,
  verifySecret,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../schemas.ts';

const tokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const malformedBasic = () =>
  new AppError(
    400,
    'invalid_request',
    'the Basic credentials are not percent-encoded client_id:client_secret',
  );

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw malformedBasic();
  }
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = header?.match(/^Basic\s+(\S+)$/i);
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0
    ? null
    : { id: percentDecoded(decoded.slice(0, i)), secret: percentDecoded(decoded.slice(i + 1)) };
}

export async function tokenRoutes(
  app: FastifyInstance,
  options: { db: Db; key: SigningKey; settings: TokenSettings; rateLimitPerMinute: number },
) {
  const { db, key, settings } = options;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.withTypeProvider<ZodTypeProvider>().post('/v1/token', {
    config: { rateLimit: { max: options.rateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      operationId: 'createAccessToken',
      summary: 'Exchange client credentials for a short-lived access token',
      description:
        'OAuth 2.0 client credentials grant; credentials in the body or in HTTP Basic authentication.',
      consumes: ['application/x-www-form-urlencoded', 'application/json'],
      body: tokenRequest,
      response: { 200: tokenResponse, 400: errorSchema, 401: errorSchema, 429: errorSchema },
    },
    handler: async (request, reply) => {
      const basic = basicCredentials(request.headers.authorization);
      const id = basic?.id ?? request.body.client_id ?? '';
      const secret = basic?.secret ?? request.body.client_secret ?? '';
      const client = uuid.test(id) ? await findClient(db, id) : undefined;
      const valid = client?.status === 'active' && (await verifySecret(secret, client.secret_hash));
      await recordAccess(db, {
        actor: client ? client.id : null,
        org: client?.partner_id ?? null,
        role: client?.role ?? null,
        action: 'token.issue',
        purpose: 'authentication',
        requestId: request.id,
        ip: request.ip,
        outcome: valid ? 'success' : 'denied',
        statusCode: valid ? 200 : 401,
      });
      if (!valid || !client)
        throw new AppError(401, 'invalid_client', 'unknown client, wrong secret or revoked client');
      return reply.header('cache-control', 'no-store').send(
        await issueAccessToken(key, settings, {
          id: client.id,
          partnerId: client.partner_id,
          role: client.role,
        }),
      );
    },
  });

  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['auth'],
        operationId: 'getJsonWebKeySet',
        summary: 'Public keys of the service tokens',
        description:
          'The JSON Web Key Set that verifies the ES256 access tokens this service signs. No token.',
        response: {
          200: z
            .object({ keys: z.array(z.record(z.string(), z.unknown())) })
            .describe('A JSON Web Key Set (RFC 7517)'),
        },
      },
    },
    async () => ({
      keys: [key.publicJwk],
    }),
  );
}
