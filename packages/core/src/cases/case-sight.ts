// Need to know: what a viewer sees of a case. This is the one rule of it; the lists, the detail, the
// CSV export and the statistics all apply it (case-view.ts, case-evidence.ts, and the SQL of the
// same rule below for what is sorted, filtered, exported or summed in the database).
//
// Territory teams see everything. A partner sees the cases its extracts concern (case-viewer.ts):
// their existence — subject, benefit, rule, confidence, follow-up status, dates — and which kinds of
// partner's data the rules read (`rests_on`). Beyond that it sees:
// - the values it provided itself (its own inputs);
// - the amount, the variant, the parameters, the computation, the explanation and the supporting
//   results only when every value the case's rules read is its own: each of these is computed from
//   the inputs, so with one value of another partner among them they would tell that value;
// - the household pseudonym and the commune only when the case's profile comes from its own extract
//   (they are values of that extract).
// What a partner receives is thus never a function of another partner's values, beyond the existence
// of the case and what it is (rule, benefit, confidence): the residual disclosure (README, record of
// processing).
import { type RawBuilder, sql } from 'kysely';
import type { CaseViewer } from './case-viewer.ts';

/** What the rule needs to know of a case. */
export interface CaseFacts {
  /** The extracts linked into the case's profile, the profile's own first. */
  source_extracts: readonly string[];
  /** The partners whose values the case's rules read (its evidence's inputs, supporting ones too). */
  input_partners: readonly string[];
}

export interface CaseSight {
  /** The household pseudonym and the commune. */
  placement: boolean;
  /** Amount, variant, parameters, computation, explanation, supporting results. */
  computation: boolean;
  /** Whose inputs are shown: everyone's (null), or only this partner's. */
  inputsOf: string | null;
}

const everything: CaseSight = { placement: true, computation: true, inputsOf: null };

export function caseSight(viewer: CaseViewer, c: CaseFacts): CaseSight {
  if (viewer.role === 'territory') return everything;
  return {
    placement: viewer.extractIds.includes(c.source_extracts[0] ?? ''),
    computation: c.input_partners.length > 0 && c.input_partners.every((p) => p === viewer.partnerId),
    inputsOf: viewer.partnerId,
  };
}

type Embed = (value: string) => RawBuilder<unknown>;

const textArray = (values: readonly string[], embed: Embed) =>
  values.length ? sql`array[${sql.join(values.map(embed))}]::text[]` : sql`'{}'::text[]`;

/**
 * The same rule over the columns of `cases`, for what the database sorts, filters, exports and sums:
 * each column as the viewer may see it (null when withheld), and the two conditions of the rule.
 * (`sole_input_partner` is the one partner of `input_partners`, when there is one.)
 */
export function caseSightSql(viewer: CaseViewer, embed: Embed) {
  if (viewer.role === 'territory')
    return {
      computation: sql`true`,
      placement: sql`true`,
      amount: sql`estimated_amount`,
      variant: sql`variant`,
      commune: sql`commune`,
      household: sql`household_pseudo`,
    };
  const computation = sql`(sole_input_partner = ${embed(viewer.partnerId)})`;
  const placement = sql`(source_extracts[1]::text = any(${textArray(viewer.extractIds, embed)}))`;
  return {
    computation,
    placement,
    amount: sql`case when ${computation} then estimated_amount end`,
    variant: sql`case when ${computation} then variant end`,
    commune: sql`case when ${placement} then commune end`,
    household: sql`case when ${placement} then household_pseudo end`,
  };
}
