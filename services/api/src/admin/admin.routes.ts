// The operator's API: partners, conventions and their lifecycle, members and API clients.
// Each change is recorded in the audit trail in the transaction that makes it.
import {
  changeClientAuditReceipts,
  changeConventionStatus,
  createClient,
  createConvention,
  createPartner,
  findConvention,
  listClients,
  listConventions,
  listMembers,
  listPartners,
  notFound,
  putConventionMember,
  registerConventionKey,
  removeConventionMember,
  revokeApiClient,
  updateConventionSettings,
} from '@nonrecours/core';
import { clientRoles, type Db, linkageMethods, memberRoles, partnerKinds } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conventionSchema, inseeCode, memberSchema } from '../conventions/conventions.schemas.ts';
import { auditActorOf } from '../plugins/access.plugin.ts';
import { errorResponses, isoDate, timestamp } from '../schemas.ts';

const partnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(partnerKinds),
    siret: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Partner' });

const clientSchema = z
  .object({
    id: z.uuid(),
    partner_id: z.uuid(),
    name: z.string(),
    role: z.enum(clientRoles),
    status: z.enum(['active', 'revoked']),
    created_at: timestamp,
    revoked_at: timestamp.nullable(),
    audit_receipts: z.boolean().describe('its audited responses carry a signed `audit-receipt` header'),
  })
  .meta({ id: 'ApiClient' });

const conventionInput = z.object({
  reference: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  territory: z.array(inseeCode).min(1),
  legal_basis: z.string().trim().min(1).max(2000),
  purpose: z.string().trim().min(1).max(2000),
  valid_from: isoDate,
  valid_until: isoDate,
  retention_days: z.number().int().min(1).max(3650),
  max_error_rate: z.number().min(0).max(1).optional(),
  dice_threshold: z.number().gt(0).max(1).optional(),
  linkage_method: z.enum(linkageMethods).optional(),
  link_weight_threshold: z.number().min(-50).max(100).nullable().optional(),
  rule_pack: z.literal('fr.v1').optional(),
});

const admin = (action: string) => ({ access: { scope: 'admin' as const, action } });
const tags = ['admin'];
const security = [{ bearer: [] }];

export async function adminRoutes(app: FastifyInstance, options: { db: Db }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The service wrote the audit event with the change; the access hook must not write another.
  const done = <T>(request: FastifyRequest, result: T): T => {
    request.audit.written = true;
    return result;
  };

  r.post('/v1/admin/partners', {
    config: admin('partner.create'),
    schema: {
      tags,
      security,
      operationId: 'createPartner',
      summary: 'Register a partner',
      body: z.object({
        name: z.string().trim().min(1).max(300),
        kind: z.enum(partnerKinds),
        siret: z
          .string()
          .regex(/^\d{14}$/)
          .nullable()
          .optional(),
      }),
      response: { 201: partnerSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        done(
          request,
          await createPartner(db, auditActorOf(request), {
            ...request.body,
            siret: request.body.siret ?? null,
          }),
        ),
      ),
  });

  r.get('/v1/admin/partners', {
    config: admin('partner.list'),
    schema: {
      tags,
      security,
      operationId: 'listPartners',
      summary: 'List partners',
      response: { 200: z.object({ items: z.array(partnerSchema) }), ...errorResponses },
    },
    handler: async () => ({ items: await listPartners(db) }),
  });

  r.post('/v1/admin/conventions', {
    config: admin('convention.create'),
    schema: {
      tags,
      security,
      operationId: 'createConvention',
      summary: 'Create a convention (as a draft)',
      body: conventionInput,
      response: { 201: conventionSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(done(request, await createConvention(db, auditActorOf(request), request.body))),
  });

  r.get('/v1/admin/conventions', {
    config: admin('convention.list'),
    schema: {
      tags,
      security,
      operationId: 'listAllConventions',
      summary: 'List conventions',
      response: { 200: z.object({ items: z.array(conventionSchema) }), ...errorResponses },
    },
    handler: async () => ({ items: await listConventions(db) }),
  });

  const idParams = z.object({ id: z.uuid() });

  r.get('/v1/admin/conventions/:id', {
    config: admin('convention.read'),
    schema: {
      tags,
      security,
      operationId: 'getConventionWithMembers',
      summary: 'A convention and its members',
      params: idParams,
      response: { 200: conventionSchema.extend({ members: z.array(memberSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const convention = await findConvention(db, request.params.id);
      if (!convention) throw notFound('convention');
      return { ...convention, members: await listMembers(db, convention.id) };
    },
  });

  r.patch('/v1/admin/conventions/:id', {
    config: admin('convention.update'),
    schema: {
      tags,
      security,
      operationId: 'updateConvention',
      summary: 'Change a convention’s settings',
      params: idParams,
      body: conventionInput.omit({ reference: true, rule_pack: true }).partial(),
      response: { 200: conventionSchema, ...errorResponses },
    },
    handler: async (request) =>
      done(
        request,
        await updateConventionSettings(db, auditActorOf(request), request.params.id, request.body),
      ),
  });

  for (const [verb, status] of [
    ['activate', 'active'],
    ['suspend', 'suspended'],
    ['end', 'ended'],
  ] as const) {
    r.post(`/v1/admin/conventions/:id/${verb}`, {
      config: admin(`convention.${verb}`),
      schema: {
        tags,
        security,
        operationId: `${verb}Convention`,
        summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a convention`,
        params: idParams,
        response: { 200: conventionSchema, ...errorResponses },
      },
      handler: async (request) =>
        done(request, await changeConventionStatus(db, auditActorOf(request), request.params.id, status)),
    });
  }

  r.put('/v1/admin/conventions/:id/key', {
    config: admin('convention.key'),
    schema: {
      tags,
      security,
      operationId: 'registerConventionKey',
      summary: 'Register the key check value of a new convention key',
      description: 'The key itself never reaches the service; its version increases with each registration.',
      params: idParams,
      body: z.object({
        key_check_value: z.string().regex(/^[0-9a-f]{16}$/, '16 lowercase hexadecimal characters'),
      }),
      response: { 200: conventionSchema, ...errorResponses },
    },
    handler: async (request) =>
      done(
        request,
        await registerConventionKey(
          db,
          auditActorOf(request),
          request.params.id,
          request.body.key_check_value,
        ),
      ),
  });

  const memberParams = z.object({ id: z.uuid(), partnerId: z.uuid() });

  r.put('/v1/admin/conventions/:id/members/:partnerId', {
    config: admin('convention.member.put'),
    schema: {
      tags,
      security,
      operationId: 'setConventionMember',
      summary: 'Add a partner to a convention, or change its roles and the extract kinds it provides',
      params: memberParams,
      body: z.object({
        roles: z.array(z.enum(memberRoles)).min(1),
        provides: z.array(z.enum(extractKinds)).default([]),
      }),
      response: { 200: memberSchema, ...errorResponses },
    },
    handler: async (request) =>
      done(
        request,
        await putConventionMember(db, auditActorOf(request), {
          conventionId: request.params.id,
          partnerId: request.params.partnerId,
          roles: [...new Set(request.body.roles)],
          provides: [...new Set(request.body.provides)],
        }),
      ),
  });

  r.delete('/v1/admin/conventions/:id/members/:partnerId', {
    config: admin('convention.member.remove'),
    schema: {
      tags,
      security,
      operationId: 'removeConventionMember',
      summary: 'Remove a partner from a convention',
      params: memberParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await removeConventionMember(db, auditActorOf(request), request.params.id, request.params.partnerId);
      done(request, null);
      return reply.status(204).send(null);
    },
  });

  r.post('/v1/admin/clients', {
    config: admin('client.create'),
    schema: {
      tags,
      security,
      operationId: 'createClient',
      summary: 'Create an API client; its secret is shown once',
      body: z.object({
        partner_id: z.uuid(),
        name: z.string().trim().min(1).max(200),
        role: z.enum(clientRoles),
        audit_receipts: z
          .boolean()
          .default(false)
          .describe(
            'give each audited response a signed receipt of its audit event (`audit-receipt` header)',
          ),
      }),
      response: { 201: z.object({ client: clientSchema, client_secret: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { client, secret } = await createClient(db, auditActorOf(request), {
        partnerId: request.body.partner_id,
        name: request.body.name,
        role: request.body.role,
        auditReceipts: request.body.audit_receipts,
      });
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(done(request, { client, client_secret: secret }));
    },
  });

  r.get('/v1/admin/clients', {
    config: admin('client.list'),
    schema: {
      tags,
      security,
      operationId: 'listClients',
      summary: 'List API clients',
      response: { 200: z.object({ items: z.array(clientSchema) }), ...errorResponses },
    },
    handler: async () => ({ items: await listClients(db) }),
  });

  r.put('/v1/admin/clients/:id/audit-receipts', {
    config: admin('client.audit_receipts'),
    schema: {
      tags,
      security,
      operationId: 'setClientAuditReceipts',
      summary: 'Turn the signed audit receipts of a client’s responses on or off',
      params: idParams,
      body: z.object({ enabled: z.boolean() }),
      response: { 200: clientSchema, ...errorResponses },
    },
    handler: async (request) =>
      done(
        request,
        await changeClientAuditReceipts(db, auditActorOf(request), request.params.id, request.body.enabled),
      ),
  });

  r.post('/v1/admin/clients/:id/revoke', {
    config: admin('client.revoke'),
    schema: {
      tags,
      security,
      operationId: 'revokeClient',
      summary: 'Revoke an API client',
      params: idParams,
      response: { 200: clientSchema, ...errorResponses },
    },
    handler: async (request) =>
      done(request, await revokeApiClient(db, auditActorOf(request), request.params.id)),
  });
}
