// How the console reaches the data: through the public API, never around it. Each call carries a
// short-lived token that the service signs for the signed-in account, so the access checks, the
// convention scope and the audit trail apply exactly as for an API client; the browser's address is
// passed on for the audit.
import type { Readable } from 'node:stream';
import { type Account, issueAccessToken, type SigningKey, type TokenSettings } from '@nonrecours/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The tokens never leave the server: a minute covers the one call each is made for. */
const CONSOLE_TOKEN_SECONDS = 60;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object | string | Readable;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export function createApiClient(app: FastifyInstance, key: SigningKey, settings: TokenSettings) {
  async function inject(request: FastifyRequest, account: Account, call: ApiCall, payloadAsStream: boolean) {
    const { access_token } = await issueAccessToken(
      key,
      { ...settings, ttlSeconds: CONSOLE_TOKEN_SECONDS },
      { id: account.id, partnerId: account.partner_id, role: account.role, kind: 'account' },
    );
    return app.inject({
      method: call.method ?? 'GET',
      url: call.url,
      headers: {
        ...call.headers,
        authorization: `Bearer ${access_token}`,
        'user-agent': 'nonrecours-console',
      },
      ...(call.payload === undefined ? {} : { payload: call.payload }),
      remoteAddress: request.ip,
      payloadAsStream,
    });
  }

  async function send(request: FastifyRequest, account: Account, call: ApiCall): Promise<ApiAnswer> {
    const res = await inject(request, account, call, false);
    return { status: res.statusCode, headers: res.headers, body: res.body };
  }

  /** A download passed on as it comes (exports): the console never holds it whole. */
  async function download(
    request: FastifyRequest,
    account: Account,
    call: ApiCall,
  ): Promise<{ headers: ApiAnswer['headers']; stream: Readable }> {
    const res = await inject(request, account, call, true);
    if (res.statusCode >= 400) {
      let body = '';
      for await (const chunk of res.stream()) body += chunk;
      throw errorOf({ status: res.statusCode, headers: res.headers, body });
    }
    return { headers: res.headers, stream: res.stream() };
  }

  /** The answer of a call that must succeed, parsed; an ApiError otherwise. */
  async function json<T>(request: FastifyRequest, account: Account, call: ApiCall | string): Promise<T> {
    const answer = await send(request, account, typeof call === 'string' ? { url: call } : call);
    if (answer.status >= 400) throw errorOf(answer);
    return JSON.parse(answer.body) as T;
  }

  return { send, json, download };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function errorOf(answer: ApiAnswer): ApiError {
  try {
    const body = JSON.parse(answer.body) as { code?: string; message?: string };
    return new ApiError(answer.status, body.code ?? 'error', body.message ?? '');
  } catch {
    return new ApiError(answer.status, 'error', '');
  }
}
