// The DPO's record of processing (GDPR art. 30) of a convention, as JSON and as Markdown, drawn from
// the convention's data. Open to the convention's DPOs whatever its status: an ended convention
// still needs its record.
import { buildRecordOfProcessing, recordOfProcessingMarkdown } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireConventionAccess } from '../plugins/access.plugin.ts';
import { errorResponses } from '../schemas.ts';
import { recordOfProcessingSchema } from './record-of-processing.schemas.ts';

const tags = ['audit'];
const security = [{ bearer: [] }];
const access = {
  scope: 'convention',
  roles: ['dpo'],
  action: 'convention.record_of_processing',
  purpose: 'audit',
  requireActive: false,
} as const;
const params = z.object({ cid: z.uuid() });

export async function dpoRoutes(app: FastifyInstance, options: { db: Db; tokenTtlSeconds: number }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const build = (request: Parameters<typeof requireConventionAccess>[0]) =>
    buildRecordOfProcessing(db, requireConventionAccess(request).convention, {
      tokenTtlSeconds: options.tokenTtlSeconds,
    });

  r.get('/v1/conventions/:cid/record-of-processing', {
    config: { access },
    schema: {
      tags,
      security,
      operationId: 'getRecordOfProcessing',
      summary: 'The record of processing of a convention (GDPR art. 30)',
      params,
      response: { 200: recordOfProcessingSchema, ...errorResponses },
    },
    handler: async (request) => build(request),
  });

  r.get('/v1/conventions/:cid/record-of-processing.md', {
    config: { access },
    schema: {
      tags,
      security,
      operationId: 'getRecordOfProcessingMarkdown',
      summary: 'The record of processing of a convention (GDPR art. 30), as Markdown',
      params,
      produces: ['text/markdown'],
    },
    handler: async (request, reply) => {
      const record = await build(request);
      // The reference is free text: only safe characters go into the header.
      const file = `record-of-processing-${record.convention.reference.replace(/[^A-Za-z0-9._-]/g, '_')}.md`;
      return reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(recordOfProcessingMarkdown(record));
    },
  });
}
