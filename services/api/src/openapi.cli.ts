// `pnpm openapi`: writes openapi/openapi.json from the route schemas (a test fails when it is stale).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openapiDocument, serialiseDocument } from './openapi-document.ts';

const target = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
await writeFile(target, serialiseDocument(await openapiDocument()));
console.error(`wrote ${target}`);
