// Talking to an API process over a real socket: a client's token, and a streamed extract upload.
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function clientToken(url: string, client: { id: string; secret: string }): Promise<string> {
  const res = await fetch(`${url}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
    }),
  });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface UploadTarget {
  url: string;
  token: string;
  conventionId: string;
  kind: string;
  month: string;
  kcv: string;
  /** Default: the kind's v1 schema. */
  schema?: string;
  idempotencyKey?: string;
}

/** Streams a body to the extracts route; resolves with the answer, rejects if the connection fails. */
export function uploadExtract(
  target: UploadTarget,
  body: Readable,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}/v1/conventions/${target.conventionId}/extracts?kind=${target.kind}&schema=${target.schema ?? `${target.kind}.v1`}&reference_month=${target.month}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.token}`,
          'content-type': 'text/csv',
          'x-key-check': target.kcv,
          ...(target.idempotencyKey ? { 'idempotency-key': target.idempotencyKey } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    pipeline(body, req).catch(reject);
  });
}
