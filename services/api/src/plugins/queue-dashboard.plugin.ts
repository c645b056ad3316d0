// The operators' view of the job queue at /admin/queues (bull-board): admin clients only, by HTTP
// Basic with the client's id and secret (a browser asks for them once) or an admin bearer token.
// Opening the dashboard, every change and every refusal is audited; the polling of its reads is not,
// which would add an event every few seconds per open tab. Read-only unless QUEUE_DASHBOARD_WRITE.
import { createHash } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import {
  type AppQueue,
  findClient,
  type Principal,
  recordAccess,
  type TokenVerifier,
  verifySecret,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** A checked Basic credential is trusted this long: the dashboard polls, and scrypt is slow on purpose. */
const VERIFIED_FOR_MS = 60_000;

interface Operator {
  clientId: string;
  partnerId: string;
}

export async function queueDashboardPlugin(
  app: FastifyInstance,
  options: { db: Db; queue: NonNullable<AppQueue['bullmq']>; verifyToken: TokenVerifier; writable: boolean },
) {
  const { db } = options;
  const verified = new Map<string, { operator: Operator; until: number }>();

  async function fromBasic(credentials: string): Promise<Operator | null> {
    const key = createHash('sha256').update(credentials).digest('hex');
    const known = verified.get(key);
    if (known && known.until > Date.now()) return known.operator;
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const id = decoded.slice(0, colon);
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const client = await findClient(db, id);
    if (client?.status !== 'active' || client.role !== 'admin') return null;
    if (!(await verifySecret(decoded.slice(colon + 1), client.secret_hash))) return null;
    const operator = { clientId: client.id, partnerId: client.partner_id };
    verified.set(key, { operator, until: Date.now() + VERIFIED_FOR_MS });
    return operator;
  }

  async function fromBearer(token: string): Promise<Operator | null> {
    const principal: Principal | null = await options.verifyToken(token).catch(() => null);
    if (principal?.role !== 'admin' || !principal.clientId) return null;
    const client = await findClient(db, principal.clientId);
    return client?.status === 'active' && client.role === 'admin'
      ? { clientId: client.id, partnerId: client.partner_id }
      : null;
  }

  async function operatorOf(request: FastifyRequest): Promise<Operator | null> {
    const [scheme, value] = (request.headers.authorization ?? '').split(/\s+/, 2);
    if (!value) return null;
    if (/^basic$/i.test(scheme ?? '')) return fromBasic(value);
    if (/^bearer$/i.test(scheme ?? '')) return fromBearer(value);
    return null;
  }

  const audit = (request: FastifyRequest, operator: Operator | null, action: string, statusCode: number) =>
    recordAccess(db, {
      actor: operator?.clientId ?? null,
      org: operator?.partnerId ?? null,
      role: operator ? 'admin' : null,
      action,
      purpose: 'administration',
      requestId: request.id,
      ip: request.ip,
      outcome: statusCode < 400 ? 'success' : 'denied',
      statusCode,
      details: { method: request.method, path: request.url.split('?')[0] },
    });

  const refuse = async (reply: FastifyReply, status: number, code: string, message: string) =>
    reply
      .status(status)
      .header('www-authenticate', status === 401 ? 'Basic realm="nonrecours operators", charset="UTF-8"' : [])
      .send({ code, message });

  await app.register(async (scope) => {
    // Not part of the public API: kept out of the OpenAPI document.
    scope.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, hide: true };
    });
    scope.addHook('onRequest', async (request, reply) => {
      const change = request.method !== 'GET' && request.method !== 'HEAD';
      const opening = !change && !request.url.slice(QUEUE_DASHBOARD_PATH.length).match(/^\/(api|static)\//);
      const operator = await operatorOf(request);
      if (!operator) {
        if (request.headers.authorization) await audit(request, null, 'queue.dashboard', 401);
        return refuse(
          reply,
          401,
          'unauthorized',
          'the queue dashboard is for operators: an admin client’s id and secret',
        );
      }
      if (change && !options.writable) {
        await audit(request, operator, 'queue.dashboard.change', 403);
        return refuse(
          reply,
          403,
          'read_only',
          'the queue dashboard is read-only (QUEUE_DASHBOARD_WRITE=false)',
        );
      }
      if (change) await audit(request, operator, 'queue.dashboard.change', 200);
      else if (opening) await audit(request, operator, 'queue.dashboard.open', 200);
    });
    const adapter = new FastifyAdapter();
    createBullBoard({
      queues: [new BullMQAdapter(options.queue, { readOnlyMode: !options.writable })],
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'nonrecours: jobs' } },
    });
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    await scope.register(adapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
