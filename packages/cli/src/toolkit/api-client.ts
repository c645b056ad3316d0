// The partner toolkit's API calls, typed by the types generated from openapi/openapi.json
// (../api/openapi-types.ts): openapi-fetch for the JSON routes, node:http for the streamed extract
// upload. Failures become one-line errors: ApiError for an answer of the API (`code: message`),
// ApiUnreachableError when there is no answer at all.

import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import createClient from 'openapi-fetch';
import type { components, paths } from '../api/openapi-types.ts';
import { messages } from '../messages/language.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    const hint = messages().apiHints[code];
    super(`${code}: ${message}${hint ? ` (${hint})` : ''}`);
    this.status = status;
    this.code = code;
  }
}

export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';
}

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type UploadOperation = paths['/v1/conventions/{cid}/extracts']['post'];

export type ExtractStatus = components['schemas']['Extract'];
/** The verdict of a dry run: what an upload of the file would answer, with nothing stored. */
export type ExtractCheck = components['schemas']['ExtractCheck'];
export type RowErrorPage = Json<paths['/v1/conventions/{cid}/extracts/{id}/errors']['get']['responses'][200]>;
export type OppositionOutcome = components['schemas']['OppositionOutcome'];
export type OppositionPage = Json<paths['/v1/conventions/{cid}/oppositions']['get']['responses'][200]>;

export type ExtractUpload = {
  conventionId: string;
  kind: UploadOperation['parameters']['query']['kind'];
  schema: string;
  referenceMonth: string;
  keyCheck: string;
  idempotencyKey: string;
  path: string;
  size: number;
  onProgress?: (bytesSent: number) => void;
};

export type ApiClient = {
  token(clientId: string, clientSecret: string): Promise<string>;
  upload(token: string, extract: ExtractUpload): Promise<ExtractStatus>;
  /** The same body as an upload, checked only (dry_run=true). */
  check(token: string, extract: ExtractUpload): Promise<ExtractCheck>;
  extract(token: string, conventionId: string, id: string): Promise<ExtractStatus>;
  rowErrors(token: string, conventionId: string, id: string, limit: number): Promise<RowErrorPage>;
  addOppositions(token: string, conventionId: string, pseudonyms: string[]): Promise<OppositionOutcome>;
  oppositions(token: string, conventionId: string, cursor: string | undefined): Promise<OppositionPage>;
};

function reasonOf(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  return e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? 'unknown error';
}

/** The API's error body `{code, message}`, or the HTTP status when the answer is something else. */
function apiError(status: number, body: unknown): ApiError {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const { code, message } = (parsed ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return new ApiError(status, code, String(message ?? ''));
  return new ApiError(status, `http_${status}`, http.STATUS_CODES[status] ?? 'unexpected answer');
}

export function createApiClient(apiUrl: string): ApiClient {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new ApiUnreachableError(messages().api.scheme(apiUrl));
  }
  const unreachable = (error: unknown) =>
    new ApiUnreachableError(messages().api.unreachable(base.origin, reasonOf(error)));
  const client = createClient<paths>({
    baseUrl: base.href.replace(/\/$/, ''),
    fetch: (request: Request) => fetch(request, { signal: AbortSignal.timeout(60_000) }),
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'application/json' });

  /** The data of an answer, or its error as an ApiError; no answer at all is ApiUnreachableError. */
  async function answer<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
    let result: Awaited<typeof call>;
    try {
      result = await call;
    } catch (error) {
      throw unreachable(error);
    }
    if (!result.response.ok) throw apiError(result.response.status, result.error);
    if (result.data === undefined) {
      throw new ApiError(
        result.response.status,
        'unexpected_answer',
        messages().api.notJson(result.response.url),
      );
    }
    return result.data;
  }

  // node:http rather than fetch: it sends Content-Length, and an early answer (a refusal before
  // the body is read) is received even though the rest of the body is then never sent.
  function postExtract<T>(token: string, e: ExtractUpload, dryRun: boolean): Promise<T> {
    const path: keyof paths = '/v1/conventions/{cid}/extracts';
    const target = new URL(path.replace('{cid}', encodeURIComponent(e.conventionId)).slice(1), base);
    const query: UploadOperation['parameters']['query'] = {
      kind: e.kind,
      schema: e.schema,
      reference_month: e.referenceMonth,
      ...(dryRun ? { dry_run: 'true' as const } : {}),
    };
    target.search = new URLSearchParams(query).toString();
    const headers: NonNullable<UploadOperation['parameters']['header']> = {
      'x-key-check': e.keyCheck,
      ...(dryRun ? {} : { 'idempotency-key': e.idempotencyKey }),
    };
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise<T>((resolve, reject) => {
      let answered = false;
      const file = createReadStream(e.path);
      const request = transport.request(target, {
        method: 'POST',
        headers: {
          ...bearer(token),
          'content-type': 'text/csv; charset=utf-8',
          'content-length': String(e.size),
          ...headers,
        },
      });
      request.on('response', (response) => {
        answered = true;
        if (!file.readableEnded) {
          file.unpipe(request);
          file.destroy();
        }
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('error', (error) => reject(unreachable(error)));
        response.on('end', () => {
          request.destroy();
          const body = Buffer.concat(parts).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status !== 200 && status !== 202) return reject(apiError(status, body));
          try {
            resolve(JSON.parse(body) as T);
          } catch {
            reject(new ApiError(status, 'unexpected_answer', messages().api.notJson(target.pathname)));
          }
        });
      });
      // After an answer, a broken pipe only means the API stopped reading the body.
      request.on('error', (error) => {
        if (!answered) reject(unreachable(error));
      });
      let sent = 0;
      file.on('data', (part) => {
        sent += part.length;
        e.onProgress?.(sent);
      });
      file.on('error', (error) => {
        request.destroy();
        reject(error);
      });
      file.pipe(request);
    });
  }

  return {
    async token(clientId, clientSecret) {
      const data = await answer(
        client.POST('/v1/token', {
          body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
        }),
      );
      return data.access_token;
    },

    upload: (token, e) => postExtract<ExtractStatus>(token, e, false),
    check: (token, e) => postExtract<ExtractCheck>(token, e, true),

    extract: (token, cid, id) =>
      answer(
        client.GET('/v1/conventions/{cid}/extracts/{id}', {
          params: { path: { cid, id } },
          headers: bearer(token),
        }),
      ),

    rowErrors: (token, cid, id, limit) =>
      answer(
        client.GET('/v1/conventions/{cid}/extracts/{id}/errors', {
          params: { path: { cid, id }, query: { limit } },
          headers: bearer(token),
        }),
      ),

    addOppositions: (token, cid, pseudonyms) =>
      answer(
        client.POST('/v1/conventions/{cid}/oppositions', {
          params: { path: { cid } },
          body: { pseudonyms },
          headers: bearer(token),
        }),
      ),

    oppositions: (token, cid, cursor) =>
      answer(
        client.GET('/v1/conventions/{cid}/oppositions', {
          params: { path: { cid }, query: { limit: 1000, ...(cursor ? { cursor } : {}) } },
          headers: bearer(token),
        }),
      ),
  };
}
