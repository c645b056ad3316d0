// Authentication, convention scope and the access audit. Every route that declares `config.access`
// gets: a verified bearer token (401 otherwise), the role and convention checks of its scope
// (403/404), and one audit event — success or refusal — written before the response leaves, unless
// the handler already wrote it in the transaction of its change (`request.audit.written`). A client
// that opted into audit receipts gets the signed receipt of that event in the `audit-receipt` header.
import {
  type AuditOutcome,
  type ConventionAccess,
  findAccount,
  findClient,
  forbidden,
  notFound,
  type Principal,
  RECEIPT_HEADER,
  recordAccess,
  resolveConventionAccess,
  type TokenVerifier,
  unauthorized,
} from '@nonrecours/core';
import type { AuditEvent, Db, MemberRole } from '@nonrecours/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { safeUrl } from '../logger.ts';

export type RouteAccess =
  | {
      scope: 'convention';
      roles: readonly MemberRole[];
      action: string;
      purpose: string;
      requireActive?: boolean;
    }
  | { scope: 'admin'; action: string }
  | { scope: 'dpo'; action: string }
  /** Data protection officers and operators: the audit trail's own upkeep. */
  | { scope: 'audit'; action: string }
  | { scope: 'member'; action: string };

export interface AuditNote {
  written: boolean;
  target?: string;
  recordCount?: number;
  details?: Record<string, unknown>;
  /** The pseudonyms the response discloses (GDPR art. 15), recorded with the event. */
  disclosed?: string[];
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route that declares access rules: the authorisation matrix is tested over this list. */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** An export: a checkpoint of the audit chain is signed once it is sent (app.ts). */
    checkpointAfter?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    conventionAccess: ConventionAccess | null;
    audit: AuditNote;
    /** The caller's client opted into signed audit receipts. */
    auditReceipts: boolean;
  }
}

const purposeOf = (access: RouteAccess) =>
  access.scope === 'convention'
    ? access.purpose
    : access.scope === 'admin'
      ? 'administration'
      : access.scope === 'dpo' || access.scope === 'audit'
        ? 'audit'
        : 'access';

/** Refused requests (any 4xx) are denials; only the service's own failures (5xx) are failures. */
function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'success';
  return status < 500 ? 'denied' : 'failed';
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

export function requireConventionAccess(request: FastifyRequest): ConventionAccess {
  if (!request.conventionAccess) throw new Error('route has no convention scope');
  return request.conventionAccess;
}

/** The audit fields of the caller, for services that record their change in their own transaction. */
export function auditActorOf(request: FastifyRequest) {
  const p = request.principal;
  return {
    actor: p?.subject ?? null,
    org: p?.partnerId ?? null,
    role: p?.role ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

/** An audit event as a receipt signs it. */
type ReceiptSigner = (event: {
  seq: number;
  hash: string;
  request_id: string | null;
  at: Date;
}) => Promise<string>;

export const accessPlugin = fp(
  async (
    app: FastifyInstance,
    options: { db: Db; verifyToken: TokenVerifier; signReceipt: ReceiptSigner },
  ) => {
    const { db, verifyToken, signReceipt } = options;
    const declared: DeclaredRoute[] = [];
    app.decorate('declaredRoutes', declared);
    app.addHook('onRoute', (route) => {
      const access = (route.config as { access?: RouteAccess } | undefined)?.access;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (access)
        for (const method of methods)
          if (method !== 'HEAD') declared.push({ method, url: route.url, access });
    });
    app.decorateRequest('principal', null);
    app.decorateRequest('conventionAccess', null);
    app.decorateRequest('audit', null as unknown as AuditNote);
    app.decorateRequest('auditReceipts', false);

    // Everything is decided before the body is read or validated: a caller without access learns
    // nothing from validation errors, and an upload is refused before its first byte is stored.
    app.addHook('onRequest', async (request) => {
      request.audit = { written: false };
      const access = request.routeOptions.config.access;
      if (!access) return;
      const { principal, receipts } = await authenticate(request.headers.authorization);
      request.principal = principal;
      request.auditReceipts = receipts;
      if (access.scope === 'admin' && principal.role !== 'admin')
        throw forbidden('forbidden', 'this route is for operators');
      if (access.scope === 'dpo' && principal.role !== 'dpo')
        throw forbidden('forbidden', 'this route is for data protection officers');
      if (access.scope === 'audit' && principal.role !== 'dpo' && principal.role !== 'admin')
        throw forbidden('forbidden', 'this route is for data protection officers and operators');
      if (access.scope === 'convention') {
        const { cid } = request.params as { cid?: string };
        if (!isUuid(cid)) throw notFound('convention');
        request.conventionAccess = await resolveConventionAccess(db, principal, cid, access.roles, {
          requireActive: access.requireActive ?? true,
        });
      }
    });

    async function authenticate(
      header: string | undefined,
    ): Promise<{ principal: Principal; receipts: boolean }> {
      const match = header?.match(/^Bearer\s+(\S+)$/i);
      if (!match?.[1]) throw unauthorized('a bearer token is required');
      const principal = await verifyToken(match[1]);
      let receipts = false;
      if (principal.clientId) {
        const client = await findClient(db, principal.clientId);
        if (
          client?.status !== 'active' ||
          client.partner_id !== principal.partnerId ||
          client.role !== principal.role
        ) {
          throw unauthorized('the client of this token is revoked or unknown');
        }
        receipts = client.audit_receipts;
      }
      if (principal.accountId) {
        const account = await findAccount(db, principal.accountId);
        if (
          account?.status !== 'active' ||
          account.partner_id !== principal.partnerId ||
          account.role !== principal.role
        ) {
          throw unauthorized('the console account of this token is disabled or unknown');
        }
      }
      return { principal, receipts };
    }

    /** The receipt of the request's event: the one just written, or the last its handler wrote. */
    async function receiptHeader(request: FastifyRequest, event?: AuditEvent) {
      const recorded =
        event ??
        (await db
          .selectFrom('audit_events')
          .select(['seq', 'hash', 'request_id', 'at'])
          .where('request_id', '=', request.id)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst());
      return recorded ? signReceipt(recorded) : undefined;
    }

    app.addHook('onSend', async (request, reply, payload) => {
      const access = request.routeOptions.config.access;
      if (!access) return payload;
      if (request.audit.written) {
        // Only a client that asked for receipts pays for the lookup of its event.
        if (request.auditReceipts) {
          const receipt = await receiptHeader(request);
          if (receipt) reply.header(RECEIPT_HEADER, receipt);
        }
        return payload;
      }
      const cid = (request.params as { cid?: string } | undefined)?.cid;
      const event = await recordAccess(db, {
        ...auditActorOf(request),
        conventionId: access.scope === 'convention' && isUuid(cid) ? cid : null,
        action: access.action,
        target: request.audit.target ?? safeUrl(request.url).split('?')[0]!,
        purpose: purposeOf(access),
        outcome: outcomeOf(reply.statusCode),
        statusCode: reply.statusCode,
        recordCount: request.audit.recordCount ?? null,
        details: request.audit.details ?? null,
        disclosed: request.audit.disclosed,
      });
      request.audit.written = true;
      if (request.auditReceipts) reply.header(RECEIPT_HEADER, await receiptHeader(request, event));
      return payload;
    });
  },
  { name: 'access', dependencies: ['errors'] },
);

const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
