// The few API calls of the partner toolkit: a client-credentials token, a streamed extract upload,
// the extract's status and its row errors. Failures become one-line errors: ApiError for an answer
// of the API (`code: message`), ApiUnreachableError when there is no answer at all.

import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(`${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';
}

/** An extract as the API describes it; only the fields the toolkit prints are named. */
export type ExtractStatus = {
  id: string;
  status: string;
  row_count?: number | null;
  valid_count?: number | null;
  error_count?: number | null;
  refusal?: { code: string; message: string } | null;
};

/** The verdict of a dry run: what an upload of the file would answer, with nothing stored. */
export type ExtractCheck = {
  dry_run: true;
  verdict: 'accepted' | 'rejected';
  refusal: { code: string; message: string } | null;
  row_count: number;
  valid_count: number;
  error_count: number;
  errors: { line: number; column: string | null; code: string }[];
};

export type RowErrorPage = {
  items: { line: number; column: string | null; code: string }[];
  next_cursor: number | null;
};

export type ExtractUpload = {
  conventionId: string;
  kind: string;
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
};

function reasonOf(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  return e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? 'unknown error';
}

/** The API's error body `{code, message}`, or the HTTP status when the answer is something else. */
function apiError(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string')
      return new ApiError(status, parsed.code, String(parsed.message ?? ''));
  } catch {
    // not JSON: fall through
  }
  return new ApiError(status, `http_${status}`, http.STATUS_CODES[status] ?? 'unexpected answer');
}

export function createApiClient(apiUrl: string): ApiClient {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new ApiUnreachableError(`the API URL must start with https:// or http:// (${apiUrl})`);
  }
  const url = (path: string) => new URL(path.replace(/^\//, ''), base);
  const unreachable = (error: unknown) =>
    new ApiUnreachableError(`cannot reach the API at ${base.origin} (${reasonOf(error)})`);

  async function json<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url(path), { ...init, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw unreachable(error);
    }
    const body = await response.text();
    if (!response.ok) throw apiError(response.status, body);
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new ApiError(response.status, 'unexpected_answer', `${path} did not answer JSON`);
    }
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'application/json' });

  // node:http rather than fetch: it sends Content-Length, and an early answer (a refusal before
  // the body is read) is received even though the rest of the body is then never sent.
  function postExtract<T>(token: string, e: ExtractUpload, dryRun: boolean): Promise<T> {
    const target = url(`/v1/conventions/${encodeURIComponent(e.conventionId)}/extracts`);
    target.search = new URLSearchParams({
      kind: e.kind,
      schema: e.schema,
      reference_month: e.referenceMonth,
      ...(dryRun ? { dry_run: 'true' } : {}),
    }).toString();
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
          'x-key-check': e.keyCheck,
          ...(dryRun ? {} : { 'idempotency-key': e.idempotencyKey }),
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
            reject(new ApiError(status, 'unexpected_answer', 'the upload did not answer JSON'));
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
      const answer = await json<{ access_token?: unknown }>('/v1/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }),
      });
      if (typeof answer.access_token !== 'string')
        throw new ApiError(200, 'unexpected_answer', 'no access_token');
      return answer.access_token;
    },

    upload: (token, e) => postExtract<ExtractStatus>(token, e, false),
    check: (token, e) => postExtract<ExtractCheck>(token, e, true),

    extract: (token, conventionId, id) =>
      json<ExtractStatus>(
        `/v1/conventions/${encodeURIComponent(conventionId)}/extracts/${encodeURIComponent(id)}`,
        {
          headers: bearer(token),
        },
      ),

    rowErrors: (token, conventionId, id, limit) =>
      json<RowErrorPage>(
        `/v1/conventions/${encodeURIComponent(conventionId)}/extracts/${encodeURIComponent(id)}/errors?limit=${limit}`,
        { headers: bearer(token) },
      ),
  };
}
