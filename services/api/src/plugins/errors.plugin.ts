// The one error handler: AppError, zod validation and Fastify's own 4xx map to
// `{ code, message, details }`; anything else is a 500 that says nothing of its cause.
import { AppError } from '@nonrecours/core';
import { isDatabaseUnavailable } from '@nonrecours/db';
import { isQueueUnavailable } from '@nonrecours/queue';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_VALIDATION: 'invalid_request',
};

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export function toErrorBody(error: FastifyError | Error): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { code: error.code, message: error.message, details: error.details },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      in: error.validationContext,
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message,
    }));
    return {
      status: 400,
      body: { code: 'invalid_request', message: 'the request does not match its schema', details: issues },
    };
  }
  const fe = error as FastifyError;
  if (!isResponseSerializationError(error) && fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      (fe.code && fastifyCodes[fe.code]) ?? (fe.statusCode === 429 ? 'rate_limited' : 'invalid_request');
    return { status: fe.statusCode, body: { code, message: fe.message } };
  }
  // The request may well succeed in a moment: say so, rather than report a fault of the service.
  if (isDatabaseUnavailable(error))
    return {
      status: 503,
      body: { code: 'database_unavailable', message: 'the database is unavailable; try again shortly' },
    };
  if (isQueueUnavailable(error))
    return {
      status: 503,
      body: { code: 'queue_unavailable', message: 'the job queue is unavailable; try again shortly' },
    };
  return {
    status: 500,
    body: { code: 'internal_error', message: 'an unexpected error occurred; it has been logged' },
  };
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const { status, body } = toErrorBody(error);
      if (status === 503) request.log.warn({ err: error }, 'request failed: a service is unavailable');
      else if (status >= 500) request.log.error({ err: error }, 'request failed');
      if (status === 503) reply.header('retry-after', '5');
      return reply.status(status).send(body);
    });
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ code: 'not_found', message: 'no such route' } satisfies ErrorBody),
    );
  },
  { name: 'errors' },
);
