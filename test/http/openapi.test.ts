import { readFile } from 'node:fs/promises';
import { openapiDocument, serialiseDocument } from '@nonrecours/api/openapi-document.ts';
import { describe, expect, it } from 'vitest';

interface OpenApi {
  servers: { url: string }[];
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        security?: unknown[];
        requestBody?: { content: Record<string, unknown> };
        responses: Record<string, { description: string; content?: Record<string, unknown> }>;
      }
    >
  >;
}

describe('OpenAPI document', () => {
  it('is committed up to date (run `pnpm openapi` after changing a route)', async () => {
    const committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(serialiseDocument(await openapiDocument()));
  });

  it('names every operation, describes every answer and says how to get a token', async () => {
    const doc = (await openapiDocument()) as OpenApi;
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, ...op })),
    );
    const ids = operations.map((op) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z]+[A-Z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations)
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${op.key} ${status}`).not.toMatch(/^(Default Response)?$/);
        if (status !== '204')
          expect(Object.keys(response.content ?? {}), `${op.key} ${status}`).not.toEqual([]);
      }
    const byId = Object.fromEntries(operations.map((op) => [op.operationId, op]));
    expect(byId.getLiveness?.security).toEqual([]);
    expect(byId.createAccessToken?.security).toEqual([]);
    expect(byId.listRuns?.security).toEqual([{ oauth2: [] }, { bearer: [] }]);
    expect(Object.keys(byId.createAccessToken?.requestBody?.content ?? {})).toEqual([
      'application/x-www-form-urlencoded',
      'application/json',
    ]);
    expect(byId.uploadExtract?.requestBody?.content).toEqual({
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    });
    expect(Object.keys(byId.exportCasesCsv?.responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(doc.components.securitySchemes.oauth2).toMatchObject({
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: '/v1/token' } },
    });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('is OpenAPI 3.1 with the error schema as a shared component and bearer security', async () => {
    const doc = (await openapiDocument()) as {
      openapi: string;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/token', '/v1/conventions/{cid}', '/v1/audit/verify']),
    );
  });
});
