// What a list or an export asks for: the filters, the order, and the opaque cursor that carries a page's
// position (its run, its order, the sort key and id of its last case) to the next request.
import { Buffer } from 'node:buffer';
import type { Confidence } from '@nonrecours/rules';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import type { CaseStatus } from './case-status.ts';

export { benefits as caseBenefits, confidences as caseConfidences } from '@nonrecours/rules';

export interface CaseFilter {
  benefit?: string | undefined;
  rule?: string | undefined;
  confidence?: Confidence | undefined;
  status?: CaseStatus | undefined;
  commune?: string | undefined;
  /** Euros per month; cases without an estimated amount never pass it. */
  minAmount?: number | undefined;
}

/** `amount`: largest estimated amount first, cases without one last. `date`: newest first. */
export const caseSorts = ['amount', 'date'] as const;
export type CaseSort = (typeof caseSorts)[number];

/** Ties on the sort key are broken by id, so that the order is total and a page boundary exact. */
export interface CasePosition {
  /**
   * The sort key as text, so that no precision is lost on the way: the amount key (`-1` for none), or
   * the creation time in UTC to the microsecond (also in a partner's amount order, past the amounts it
   * may see).
   */
  key: string;
  id: string;
}

export interface CaseCursor extends CasePosition {
  run: string;
  sort: CaseSort;
}

const cursorSchema = z.object({
  r: z.uuid(),
  s: z.enum(caseSorts),
  k: z.string().max(64),
  i: z.uuid(),
});

export function encodeCursor(cursor: CaseCursor): string {
  const json = JSON.stringify({ r: cursor.run, s: cursor.sort, k: cursor.key, i: cursor.id });
  return Buffer.from(json).toString('base64url');
}

export function decodeCursor(text: string, sort: CaseSort): CaseCursor {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString()));
  } catch {
    throw badRequest('invalid_cursor', 'the cursor is not one this service returned');
  }
  if (parsed.s !== sort) throw badRequest('invalid_cursor', 'the cursor belongs to another sort order');
  if (!sortKeys[sort].safeParse(parsed.k).success)
    throw badRequest('invalid_cursor', 'the cursor is not one this service returned');
  return { run: parsed.r, sort: parsed.s, key: parsed.k, id: parsed.i };
}

const sortKeys = {
  // A partner's amount order goes on, after the amounts it may see, by date (cases.repository.ts).
  amount: z.union([z.string().regex(/^-?\d{1,10}(\.\d{1,2})?$/), z.iso.datetime({ precision: 6 })]),
  date: z.iso.datetime(),
} as const;
