// OpenAPI 3.1 generated from the zod route schemas, served at /openapi.json and /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { accessDescription, finishDocument } from './openapi-finish.ts';

export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'nonrecours API',
          version: '1.0.0',
          description:
            'Cross-matching of pseudonymised partner extracts under data-sharing conventions, to find presumed non-take-up of social benefits. Every convention route is scoped, role-checked and recorded in a hash-chained audit trail.',
          license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
          contact: { name: 'The operator of this instance' },
        },
        servers: [{ url: '/', description: 'The instance serving this document' }],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'A token of the service, or of a trusted OpenID Connect issuer (OIDC_ISSUERS).',
            },
          },
        },
        tags: [
          { name: 'auth', description: 'Tokens and keys' },
          { name: 'conventions', description: 'What members see of their conventions' },
          { name: 'admin', description: 'Operators: partners, conventions, members, clients' },
          { name: 'extracts', description: 'Partners: pseudonymised extracts' },
          { name: 'runs', description: 'Territory teams: matching runs and their statistics' },
          { name: 'cases', description: 'Territory teams: presumed cases and their follow-up' },
          { name: 'oppositions', description: 'Persons who object: excluded from every later run' },
          {
            name: 'campaigns',
            description:
              'Territory teams: outreach campaigns, their comparison group and their measured impact',
          },
          { name: 'audit', description: 'DPOs: the audit trail' },
          { name: 'health', description: 'Probes' },
        ],
      },
      // Each operation says who may call it and how it is audited, from the route's access rule.
      transform: (input) => {
        const output = jsonSchemaTransform(input);
        const access = (
          input.route.config as { access?: Parameters<typeof accessDescription>[0] } | undefined
        )?.access;
        if (!access) return output;
        const schema = output.schema as { description?: string };
        const rule = accessDescription(access);
        return {
          ...output,
          schema: { ...schema, description: schema.description ? `${schema.description}\n\n${rule}` : rule },
        };
      },
      transformObject: (input) => finishDocument(jsonSchemaTransformObject(input), { tokenUrl: '/v1/token' }),
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
