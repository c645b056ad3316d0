// The committed API types are those of the committed OpenAPI document: `pnpm openapi` regenerates
// both, and the toolkit's client compiles against them (pnpm typecheck).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, generateApiTypes, openapiFile } from './generate-api-types.ts';

describe('the API types of the toolkit', () => {
  it('are generated from openapi/openapi.json as committed (run pnpm openapi)', async () => {
    const expected = await generateApiTypes(await readFile(openapiFile, 'utf8'));
    expect(await readFile(apiTypesFile, 'utf8')).toBe(expected);
  });
});
