// The last touches on the generated OpenAPI document, for client generators and linters: a
// description and a content type on every response, the bodies and answers the zod schemas cannot
// say (a streamed CSV upload, CSV and JSON Lines exports), the OAuth2 client credentials scheme
// next to plain bearer tokens, `security: []` on public routes, and only the components in use.

type Schema = Record<string, unknown>;
interface Response {
  description: string;
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, { schema: Schema }> };
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
  [key: string]: unknown;
}

const byStatus: Record<string, string> = {
  200: 'Success',
  201: 'Created',
  202: 'Accepted: the work goes on in the background',
  204: 'Done, nothing to return',
  400: 'The request is invalid: the code and message say why',
  401: 'No token, or an expired or invalid one',
  403: 'The token’s role or convention does not allow this',
  404: 'Not found, or not visible to this token',
  408: 'The body came too slowly',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  415: 'The content type or encoding is not accepted',
  422: 'The file was read but rejected: its row errors say why',
  429: 'Too many requests: retry after the time the Retry-After header gives',
  503: 'A dependency (database or queue) is unavailable',
};

const errorRef = { $ref: '#/components/schemas/Error' };
const text = (type: string, description: string): Response => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
});

/** Answers that are not JSON, by operation. */
const streamedAnswers: Record<string, Response> = {
  exportAuditEvents: text('application/x-ndjson', 'The audit events, one JSON object a line, in chain order'),
  exportAuditEventsCsv: text('text/csv', 'The audit events as CSV, in chain order'),
  getRecordOfProcessingMarkdown: text('text/markdown', 'The record of processing as Markdown'),
  exportCasesCsv: text('text/csv', 'The cases as semicolon-separated CSV with a byte order mark'),
  exportCampaignCohort: text(
    'text/csv',
    'The campaign’s cohort as semicolon-separated CSV with a byte order mark',
  ),
  exportCampaignImpact: text('text/csv', 'The campaign’s impact as CSV: one row per arm, figure and horizon'),
};

/** Bodies the routes read as streams, which their schemas cannot describe. */
const streamedBodies: Record<string, NonNullable<Operation['requestBody']>> = {
  uploadExtract: {
    required: true,
    description:
      'The pseudonymised extract: CSV in UTF-8 with its header row, as EXTRACTS.md sets out for its kind and schema. Send `Content-Encoding: gzip` to upload it compressed; the convention key’s check value goes in `X-Key-Check`, and an `Idempotency-Key` makes a retry safe.',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  },
};

function finishOperation(op: Operation): void {
  op.security = op.security?.length ? [{ oauth2: [] }, ...op.security] : [];
  const answer = op.operationId ? streamedAnswers[op.operationId] : undefined;
  if (answer) op.responses['200'] = answer;
  const body = op.operationId ? streamedBodies[op.operationId] : undefined;
  if (body) op.requestBody = body;
  // A protected route can always answer with these, whether its schema lists them or not.
  if (op.security.length)
    for (const status of ['400', '401', '403', '404'])
      op.responses[status] ??= { description: '', content: { 'application/json': { schema: errorRef } } };
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response.description || response.description === 'Default Response')
      response.description = byStatus[status] ?? `Status ${status}`;
  }
}

function referencedSchemas(doc: Document): Set<string> {
  const named = (value: unknown) =>
    (JSON.stringify(value).match(/#\/components\/schemas\/[^"]+/g) ?? []).map((ref) => ref.slice(21));
  const used = new Set(named(doc.paths));
  for (const pending = [...used]; pending.length; ) {
    for (const name of named(doc.components.schemas?.[pending.pop() as string]))
      if (!used.has(name)) {
        used.add(name);
        pending.push(name);
      }
  }
  return used;
}

export function finishDocument<T>(generated: T, options: { tokenUrl: string }): T {
  const doc = generated as unknown as Document;
  for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) finishOperation(op);
  doc.components.securitySchemes = {
    oauth2: {
      type: 'oauth2',
      description: 'An API client’s credentials exchanged at the token endpoint for a short-lived token.',
      flows: { clientCredentials: { tokenUrl: options.tokenUrl, scopes: {} } },
    },
    ...doc.components.securitySchemes,
  };
  const used = referencedSchemas(doc);
  if (doc.components.schemas)
    doc.components.schemas = Object.fromEntries(
      Object.entries(doc.components.schemas).filter(([name]) => used.has(name)),
    );
  return generated;
}

interface AccessRule {
  scope: string;
  action: string;
  roles?: readonly string[];
  purpose?: string;
  requireActive?: boolean;
}

const who: Record<string, string> = {
  admin: 'Operators only (an `admin` token).',
  dpo: 'Data protection officers only (a `dpo` token).',
  audit: 'Data protection officers and operators (`dpo` or `admin`).',
  member: 'Any member organisation’s token.',
};

/** Who may call a route and how it is audited, from its access rule (access.plugin.ts). */
export function accessDescription(access: AccessRule): string {
  const allowed =
    access.scope === 'convention'
      ? `Members of the convention with the role ${(access.roles ?? []).map((r) => `\`${r}\``).join(' or ')}${access.requireActive === false ? ', whatever its status' : ', while it is active'}.`
      : (who[access.scope] ?? '');
  const purpose = access.purpose ? `, purpose \`${access.purpose}\`` : '';
  return `${allowed} Recorded in the audit trail as \`${access.action}\`${purpose}.`;
}
