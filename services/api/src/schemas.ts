// Schemas shared by several route modules.
import { z } from 'zod';

export const errorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .meta({
    id: 'Error',
    description: 'Every error: a stable machine-readable code and a message for people.',
  });

export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

export const uuidParam = z.uuid();
export const isoDate = z.iso.date();
/** A date-time: handlers return Date objects, clients read ISO 8601 strings. */
export const timestamp = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});
