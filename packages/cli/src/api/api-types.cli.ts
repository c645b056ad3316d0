// Writes packages/cli/src/api/openapi-types.ts from openapi/openapi.json (run by `pnpm openapi`).
import { readFile, writeFile } from 'node:fs/promises';
import { apiTypesFile, generateApiTypes, openapiFile } from './generate-api-types.ts';

await writeFile(apiTypesFile, await generateApiTypes(await readFile(openapiFile, 'utf8')));
console.error(`wrote ${apiTypesFile}`);
