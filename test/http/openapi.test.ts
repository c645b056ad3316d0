import { readFile } from 'node:fs/promises';
import { openapiDocument, serialiseDocument } from '@nonrecours/api/openapi-document.ts';
import { describe, expect, it } from 'vitest';

describe('OpenAPI document', () => {
  it('is committed up to date (run `pnpm openapi` after changing a route)', async () => {
    const committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(serialiseDocument(await openapiDocument()));
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
